"""Changing one's password, and resetting a forgotten one by e-mail through the outbox. The reset
form answers the same whether or not an account has the address (no account enumeration), is
rate-limited per address like the public forms, and its link works once, for
PASSWORD_RESET_TIMEOUT seconds."""

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from ontwikkelplein.accounts import services
from ontwikkelplein.accounts.forms import (
    PASSWORD_RESET_REFERENCE,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.notifications.services import erase_reference

Kind = SecurityEvent.Kind


class _SummaryMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        context["error_summary"] = (
            errors_for_summary(form) if form is not None and form.is_bound else []
        )
        return context

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class PasswordChangeView(_SummaryMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password/change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:security")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.record_event(Kind.PASSWORD_CHANGED, request=self.request)
        messages.success(self.request, _("Je wachtwoord is gewijzigd."))
        return response


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(_SummaryMixin, auth_views.PasswordResetView):
    template_name = "accounts/password/reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def get_extra_email_context(self):
        return {
            "site_url": settings.SITE_URL,
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }

    def dispatch(self, request, *args, **kwargs):
        self.extra_email_context = self.get_extra_email_context()
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        limited = is_ratelimited(
            request,
            group="password-reset",
            key="ip",
            rate=settings.PASSWORD_RESET_RATE,
            increment=True,
        )
        if limited:
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Er zijn vanaf dit adres te veel aanvragen gedaan. "
                    "Probeer het over een uur opnieuw."
                ),
            )
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        users = form.matching_users()
        for user in users:
            services.record_event(
                Kind.PASSWORD_RESET_REQUESTED, request=self.request, actor=user, subject=user
            )
        if not users:
            services.record_event(
                Kind.PASSWORD_RESET_REQUESTED, request=self.request, detail={"known_account": False}
            )
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password/reset_sent.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }


class PasswordResetConfirmView(_SummaryMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password/reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.user
        services.record_event(
            Kind.PASSWORD_RESET_DONE, request=self.request, actor=user, subject=user
        )
        # The mail's link is spent: delete it from the outbox, and lift a lockout of the account.
        erase_reference(PASSWORD_RESET_REFERENCE.format(pk=user.pk))
        axes_reset(username=user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password/reset_complete.html"
