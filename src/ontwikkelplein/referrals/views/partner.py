"""The partner link: a partner without an account opens /partner/<token>/ from an e-mail and sees
that one referral only. They accept it, set its status and close it with an outcome; closing
spends the link. An unknown, expired, revoked or spent token gets one neutral page with one
status (404), so a token tells nothing about whether a referral exists."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ontwikkelplein.core.forms import add_field_error
from ontwikkelplein.core.views import message_page
from ontwikkelplein.referrals import selectors, services, spam
from ontwikkelplein.referrals.models import PersonalDataAccess, Status
from ontwikkelplein.referrals.public_forms import PartnerCloseForm, PartnerStatusForm
from ontwikkelplein.referrals.views.public import (
    BASE,
    display_code,
    error_summary,
    too_many_requests,
)


def partner_label(link) -> str:
    # Stored in the history and the access log, in Dutch.
    return f"Partner via link ({link.sent_to})"


def link_invalid(request):
    return message_page(
        request,
        base=BASE,
        heading=_("Deze link werkt niet"),
        paragraphs=[
            _(
                "Deze link werkt niet (meer). Een link werkt 14 dagen, en niet meer nadat de "
                "doorverwijzing is afgerond."
            ),
            _(
                "Moet je nog iets doen met een doorverwijzing? Vraag de bibliotheek die hem "
                "stuurde om een nieuwe link."
            ),
        ],
        status=404,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def partner_referral(request, token):
    if spam.guard.too_many(request, spam.PARTNER_LINK):
        return too_many_requests(request)
    referral = selectors.referral_for_partner_token(token)
    if referral is None:
        return link_invalid(request)
    link = referral.partner_link
    label = partner_label(link)
    status_form = PartnerStatusForm()
    close_form = PartnerCloseForm()
    status = 200

    if request.method == "POST":
        if referral.status == Status.CLOSED:
            return link_invalid(request)
        action = request.POST.get("actie", "")
        try:
            if action == "aannemen":
                services.receive(referral, actor_label=label)
                messages.success(request, _("Je hebt de doorverwijzing aangenomen."))
                return redirect(request.path)
            if action == "status":
                status_form = PartnerStatusForm(request.POST)
                if status_form.is_valid():
                    services.change_status(
                        referral, status_form.cleaned_data["status"], actor_label=label
                    )
                    messages.success(request, _("De status is opgeslagen."))
                    return redirect(request.path)
            elif action == "afronden":
                close_form = PartnerCloseForm(request.POST)
                if close_form.is_valid():
                    services.close_referral(
                        referral,
                        close_form.cleaned_data["outcome"],
                        close_form.cleaned_data["reason"],
                        actor_label=label,
                    )
                    return redirect("referrals:partner-done")
        except services.ReferralError as error:
            form = close_form if action == "afronden" else status_form
            if not form.is_bound:
                form = PartnerStatusForm(request.POST)
                form.is_valid()
                status_form = form
            add_field_error(form, error)
        status = 400

    # Every showing of the person's details is logged (AVG accountability).
    services.log_person_access(referral, PersonalDataAccess.Action.VIEW, actor_label=label)
    summary = []
    for form in (status_form, close_form):
        if form.is_bound:
            summary += error_summary(form)
    context = {
        "referral": referral,
        "person": selectors.person_of(referral),
        "code": display_code(referral.reference),
        "expires_at": link.expires_at,
        "status_form": status_form,
        "close_form": close_form,
        "error_summary": summary,
    }
    response = render(request, "referrals/partner/referral.html", context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def partner_done(request):
    return message_page(
        request,
        base=BASE,
        heading=_("De doorverwijzing is afgerond"),
        paragraphs=[
            _("Dank je wel. De verwijzer ziet nu de uitkomst."),
            _("De link werkt nu niet meer. Je kunt deze pagina sluiten."),
        ],
    )
