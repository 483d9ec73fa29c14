"""The partner's verification page: the offer's contact opens /aanbod/controleren/<token>/
from an e-mail, sees the offer as residents see it and answers "Klopt nog" or "Dit moet
anders". An unknown, expired or replaced token gets one neutral Dutch page (404), so a token
tells nothing about whether an offer exists."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ontwikkelplein.catalogue.models import ScheduleKind
from ontwikkelplein.core import views as core_views
from ontwikkelplein.core.forms import add_field_error, errors_for_summary
from ontwikkelplein.verification import selectors, services, spam
from ontwikkelplein.verification.forms import ChangeForm

BASE = "verification/partner/_base.html"


def _hint() -> str:
    return _("Wil je toch iets doorgeven? Mail of bel de bibliotheek die je de link stuurde.")


def link_invalid(request):
    return core_views.message_page(
        request,
        base=BASE,
        heading=_("Deze link werkt niet"),
        paragraphs=[
            _(
                "Deze link werkt niet (meer). Een link werkt een paar weken. "
                "Daarna maken we een nieuwe."
            ),
            _hint(),
        ],
        link=(reverse("catalogue:home"), _("Naar de startpagina")),
        status=404,
    )


def too_many_requests(request):
    return core_views.too_many_requests(request, base=BASE, hint=_hint())


def _locations(offer):
    today = timezone.localdate()
    blocks = []
    for offer_location in offer.offer_locations.all():
        schedules = [
            s
            for s in offer_location.schedules.all()
            if s.kind == ScheduleKind.WEEKLY or (s.date is not None and s.date >= today)
        ]
        blocks.append((offer_location, schedules))
    return blocks


@never_cache
@require_http_methods(["GET", "POST"])
def partner_page(request, token):
    if spam.guard.too_many(request, spam.PARTNER_PAGE):
        return too_many_requests(request)
    verification = selectors.request_for_token(token)
    if verification is None:
        return link_invalid(request)
    form = ChangeForm()
    notice = ""
    status = 200
    if request.method == "POST":
        if spam.guard.too_many(request, spam.PARTNER_ANSWER):
            return too_many_requests(request)
        if spam.honeypot_filled(request.POST):
            return core_views.not_sent(
                request, base=BASE, heading=_("Niet verstuurd"), retry_url=request.path
            )
        action = request.POST.get("actie", "")
        try:
            if action == "klopt":
                services.confirm(verification)
                messages.success(
                    request, _("Dank je wel! We hebben opgeslagen dat alles nog klopt.")
                )
                return redirect(request.path)
            if action == "anders":
                form = ChangeForm(request.POST)
                if form.is_valid():
                    services.suggest_change(
                        verification, form.cleaned_data["field"], form.cleaned_data["proposed"]
                    )
                    messages.success(
                        request,
                        _(
                            "Dank je wel! De bibliotheek krijgt je wijziging en past het aanbod "
                            "aan. Moet er nog iets anders? Stuur het hieronder."
                        ),
                    )
                    return redirect(request.path)
            else:
                notice = _("Kies Klopt nog of Dit moet anders.")
        except services.VerificationError as error:
            if error.field is None or not form.is_bound:
                return link_invalid(request)
            add_field_error(form, error)
        status = 400
    offer = verification.offer
    context = {
        "offer": offer,
        "today": timezone.localdate(),
        "locations": _locations(offer),
        "expires_at": verification.expires_at,
        "form": form,
        "error_summary": errors_for_summary(form) if form.is_bound else [],
        "notice": notice,
        "phone": offer.contact_phone or offer.organisation.phone,
        "email": offer.contact_email or offer.organisation.email,
    }
    response = render(request, "verification/partner/page.html", context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
