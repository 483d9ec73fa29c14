"""Forms of the accounts app: the second factor's code, password change and reset (reset mail
through the outbox), and the security log's filter."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.accounts.models import SecurityEvent
from ontwikkelplein.core.forms import StaffFormMixin, date_input
from ontwikkelplein.notifications.services import queue_email

PASSWORD_RESET_REFERENCE = "password-reset:{pk}"


class TokenForm(StaffFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_(
            "De 6 cijfers uit je app, of een van je herstelcodes als je je telefoon "
            "niet bij je hebt."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class EnrolForm(StaffFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code uit de app"),
        max_length=20,
        help_text=_("De 6 cijfers die je app nu toont."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class ConfirmForm(StaffFormMixin, forms.Form):
    """A POST with only the CSRF token: a button that confirms."""


class PasswordChangeForm(StaffFormMixin, auth_forms.PasswordChangeForm):
    pass


class SetPasswordForm(StaffFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordResetForm(StaffFormMixin, auth_forms.PasswordResetForm):
    """Django's reset form, but the mail goes through the outbox (notifications), with a
    reference so it is erased once the new password is set. Like Django's, it answers the same
    whether or not an account has the address."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        queue_email(
            to_email,
            subject,
            body,
            reference=PASSWORD_RESET_REFERENCE.format(pk=context["user"].pk),
        )

    def matching_users(self) -> list:
        return list(self.get_users(self.cleaned_data["email"]))


class EventFilterForm(StaffFormMixin, forms.Form):
    """The security log's filters; a value that does not fit is ignored (the page never errs)."""

    soort = forms.ChoiceField(
        label=_("Gebeurtenis"),
        required=False,
        choices=[("", _("Alle"))] + SecurityEvent.Kind.choices,
    )
    gebruiker = forms.CharField(
        label=_("Gebruikersnaam"),
        required=False,
        max_length=150,
        help_text=_("Wie het deed of om wie het ging."),
    )
    van = forms.DateField(label=_("Vanaf"), required=False, widget=date_input())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=date_input())

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("Kies een datum na de begindatum."))
        return data


def user_by_username(username: str):
    User = get_user_model()
    return User.objects.filter(username=username).first()


def reset_timeout_minutes() -> int:
    return settings.PASSWORD_RESET_TIMEOUT // 60
