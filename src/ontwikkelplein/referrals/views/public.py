"""The resident's pages, without an account: "Ik wil hulp" on an offer page, the confirmation
with the reference code, and the status look-up by that code.

The code alone opens the status page. That is enough because the page shows only the status, the
offer, the organisation and dates: never the person's details or question. Guessing is hopeless
(30^8 codes, a rate limit per address) and would only tell that someone somewhere asked for help
with a public offer.
"""

import time

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ontwikkelplein.catalogue import selectors as catalogue_selectors
from ontwikkelplein.core import views as core_views
from ontwikkelplein.core.forms import add_field_error, errors_for_summary
from ontwikkelplein.referrals import selectors, services, spam
from ontwikkelplein.referrals.models import (
    ContactPreference,
    ReceiverKind,
    Referral,
    Source,
    Status,
)
from ontwikkelplein.referrals.public_forms import (
    HelpRequestForm,
    StatusLookupForm,
    prefilled_question,
)

# The session remembers the last sent referral for the confirmation page, for an hour: long
# enough to reload the page, short enough not to show it to the next user of a library computer.
SESSION_KEY = "referrals:sent"
SENT_PAGE_SECONDS = 60 * 60
# Stored as given, in Dutch, whatever the interface language.
RESIDENT_LABEL = "Inwoner"
CONSENT_BY_RESIDENT = "Inwoner zelf, via het formulier 'Ik wil hulp'"
BASE = "referrals/public/_base.html"


def too_many_requests(request):
    hint = _("Heb je snel hulp nodig? Bel of loop binnen bij de bibliotheek.")
    return core_views.too_many_requests(request, base=BASE, hint=hint)


def display_code(reference: str) -> str:
    """XXXX-XXXX, whatever was typed."""
    return selectors.normalise_reference(reference) or reference


def short_status_path(reference: str) -> str:
    return reverse("referrals:status-short", args=[reference.replace("-", "")])


def error_summary(form) -> list[dict]:
    # The consent checkbox's label is the whole consent text; the summary names it shortly.
    return errors_for_summary(form, labels={"consent": _("Toestemming")})


# --- Ik wil hulp ---


@never_cache
@require_http_methods(["GET", "POST"])
def help_request(request, pk):
    offer = catalogue_selectors.published_offer(pk)
    if offer is None:
        raise Http404
    organisation = offer.organisation
    status = 200
    if request.method == "POST":
        # Every post counts, also a refused one: a flood is stopped before anything is checked.
        if spam.guard.too_many(request, spam.HELP_FORM):
            return too_many_requests(request)
        if spam.honeypot_filled(request.POST):
            # A bot. No hint about why; nothing is stored.
            return core_views.not_sent(
                request,
                base=BASE,
                heading=_("Je vraag is niet verstuurd"),
                retry_url=reverse("referrals:help", args=[offer.pk]),
            )
        form = HelpRequestForm(request.POST, organisation_name=organisation.name)
        if spam.guard.accepts(form):
            referral = _send(form, offer)
            if referral is not None:
                request.session[SESSION_KEY] = [str(referral.pk), time.time()]
                return redirect("referrals:help-sent")
        status = 400
    else:
        form = HelpRequestForm(
            organisation_name=organisation.name,
            initial={"question": prefilled_question(request.GET)},
        )
    context = {
        "offer": offer,
        "form": form,
        "started": spam.guard.started_token(),
        "error_summary": error_summary(form) if form.is_bound else [],
    }
    return render(request, "referrals/public/help_form.html", context, status=status)


def _send(form, offer) -> Referral | None:
    """Create the referral; a refusal by the service becomes a form error (nothing stored)."""
    data = form.cleaned_data
    person = services.PersonData(
        name=data["name"],
        contact_preference=data["contact_preference"],
        phone=data["phone"],
        email=data["email"],
        best_moment=data["best_moment"],
        consent_text=form.consent_text,
        consent_recorded_by=None,
        consent_recorded_by_label=CONSENT_BY_RESIDENT,
        language=translation.get_language(),
    )
    try:
        return services.create_referral(
            source=Source.RESIDENT,
            receiver_organisation=offer.organisation,
            receiver_kind=ReceiverKind.OFFER,
            question=data["question"],
            offer=offer,
            programme=offer.programme,
            person=person,
            actor_label=RESIDENT_LABEL,
        )
    except services.ReferralError as error:
        add_field_error(form, error)
        return None


@never_cache
def help_sent(request):
    pk, at = (request.session.get(SESSION_KEY) or [None, 0])[:2]
    referral = None
    if pk and time.time() - at < SENT_PAGE_SECONDS:
        referral = (
            Referral.objects.select_related("receiver_organisation", "offer").filter(pk=pk).first()
        )
    if referral is None:
        request.session.pop(SESSION_KEY, None)
        return redirect("referrals:status")
    person = selectors.person_of(referral)
    context = {
        "referral": referral,
        "code": display_code(referral.reference),
        "status_url": request.build_absolute_uri(short_status_path(referral.reference)),
        "days": services.settings_for(referral.receiver_organisation).first_contact_working_days,
        "by_phone": person is None or person.contact_preference == ContactPreference.PHONE,
        "reach": selectors.how_to_reach(referral),
    }
    return render(request, "referrals/public/help_sent.html", context)


# --- Status ---


def not_found_message() -> str:
    return _("We vinden deze code niet. Kijk of je hem goed hebt overgenomen.")


@never_cache
@require_http_methods(["GET", "POST"])
def status_lookup(request):
    if request.method == "GET":
        return render(request, "referrals/public/status.html", {"form": StatusLookupForm()})
    if spam.guard.too_many(request, spam.STATUS_LOOKUP):
        return too_many_requests(request)
    form = StatusLookupForm(request.POST)
    referral = None
    if form.is_valid():
        referral = selectors.referral_for_reference(form.cleaned_data["code"])
    if referral is not None:
        # Answered here, not redirected: the code stays out of the address bar and history.
        return _status_page(request, referral)
    return _not_found(request, form)


@never_cache
@require_http_methods(["GET"])
def status_short(request, code):
    if spam.guard.too_many(request, spam.STATUS_LOOKUP):
        return too_many_requests(request)
    referral = selectors.referral_for_reference(code)
    if referral is None:
        return _not_found(request, StatusLookupForm({"code": code[:20]}))
    return _status_page(request, referral)


def _not_found(request, form):
    # The same words and status for any code that finds nothing, well-formed or not.
    if form.is_bound and "code" in form.errors and form.data.get("code", "").strip() == "":
        status = 400  # an empty field is a plain input error
    else:
        form.errors.pop("code", None)
        form.add_error("code", not_found_message())
        status = 404
    context = {"form": form, "error_summary": error_summary(form)}
    return render(request, "referrals/public/status.html", context, status=status)


STEPS = [
    (Status.RECEIVED, {Status.NEW, Status.RECEIVED}),
    (Status.CONTACTED, {Status.CONTACTED, Status.IN_PROGRESS}),
    (Status.CLOSED, {Status.CLOSED}),
]


def _status_page(request, referral):
    organisation = referral.receiver_organisation.name
    labels = {
        Status.RECEIVED: _("Ontvangen"),
        Status.CONTACTED: _("Contact gelegd"),
        Status.CLOSED: _("Afgerond"),
    }
    dates = {
        Status.RECEIVED: referral.created_at,
        Status.CONTACTED: referral.first_contact_at,
        Status.CLOSED: referral.closed_at,
    }
    current = next(step for step, statuses in STEPS if referral.status in statuses)
    order = [step for step, _statuses in STEPS]
    steps = [
        {
            "label": labels[step],
            "date": dates[step] if order.index(step) <= order.index(current) else None,
            "done": order.index(step) < order.index(current),
            "current": step == current,
        }
        for step in order
    ]
    if current == Status.RECEIVED:
        sentence = _(
            "%(organisation)s heeft je vraag gekregen. "
            "Ze nemen uiterlijk op %(date)s contact met je op."
        ) % {
            "organisation": organisation,
            "date": _long_date(referral.first_contact_due),
        }
    elif current == Status.CONTACTED:
        sentence = _("%(organisation)s heeft contact met je gehad en helpt je verder.") % {
            "organisation": organisation
        }
    else:
        sentence = _("Je vraag is afgerond.")
    context = {
        "referral": referral,
        "code": display_code(referral.reference),
        "steps": steps,
        "status_sentence": sentence,
    }
    return render(request, "referrals/public/status.html", context)


def _long_date(day) -> str:
    return date_format(day, "l j F")
