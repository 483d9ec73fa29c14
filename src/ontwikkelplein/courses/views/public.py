"""The resident's pages, without an account: the sign-up form for one run of an offer, the
confirmation with the reference code, and the resident's own link (/cursus/<token>/) to see the
enrolment, cancel it, or accept or decline a place offered from the waiting list.

The link's token is stored only as a hash (services.enrol returns the raw token once). Any token
that finds nothing (unknown, erased) gets one neutral page with one status, so a token tells
nothing about whether an enrolment exists. The pages never show the person's details: a link
can be forwarded.
"""

import time

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ontwikkelplein.catalogue import selectors as catalogue_selectors
from ontwikkelplein.core import views as core_views
from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.courses import selectors, services, spam
from ontwikkelplein.courses.models import Enrolment, EnrolmentStatus, Run
from ontwikkelplein.courses.public_forms import SignUpForm

# The session remembers the last sign-up for the confirmation page, for an hour: long enough to
# reload or print the page, short enough not to show it to the next user of a library computer.
SESSION_KEY = "courses:signed-up"
SENT_PAGE_SECONDS = 60 * 60
SOURCE_RESIDENT = "resident"
BASE = "courses/public/_base.html"


def too_many_requests(request):
    hint = _("Wil je je snel aanmelden? Bel of loop binnen bij de bibliotheek.")
    return core_views.too_many_requests(request, base=BASE, hint=hint)


def link_invalid(request):
    return core_views.message_page(
        request,
        base=BASE,
        heading=_("Deze link werkt niet"),
        paragraphs=[
            _(
                "Deze link werkt niet (meer). Misschien is hij niet helemaal goed overgenomen, "
                "of is de cursus al lang voorbij."
            ),
            _(
                "Heb je een vraag over je aanmelding? Bel of loop binnen bij de bibliotheek en "
                "noem je code."
            ),
        ],
        link=(reverse("catalogue:home"), _("Naar de startpagina")),
        status=404,
    )


def error_summary(form) -> list[dict]:
    # The consent checkbox's label is the whole consent text; the summary names it shortly.
    return errors_for_summary(form, labels={"consent": _("Toestemming")})


def resident_path(token: str) -> str:
    return reverse("courses:resident-link", kwargs={"token": token})


# The resident's pages list this many dates of a run, then "En daarna nog N keer".
SESSIONS_SHOWN = 12


def _sessions_context(sessions) -> dict:
    sessions = list(sessions)
    return {"sessions": sessions[:SESSIONS_SHOWN], "more": max(0, len(sessions) - SESSIONS_SHOWN)}


def _open_run(offer, run_pk) -> Run | None:
    """The run if it belongs to this published offer and sign-up is open now."""
    for run in selectors.public_runs(offer):
        if run.pk == run_pk and run.can_sign_up:
            return run
    return None


# --- Aanmelden ---


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request, offer_pk, run_pk):
    offer = catalogue_selectors.published_offer(offer_pk)
    if offer is None:
        raise Http404
    run = _open_run(offer, run_pk)
    if run is None:
        return core_views.message_page(
            request,
            base=BASE,
            heading=_("Aanmelden kan niet (meer)"),
            paragraphs=[
                _(
                    "Voor deze cursus kun je je nu niet aanmelden. Misschien is de aanmeldtijd "
                    "voorbij, of gaat de cursus niet door."
                )
            ],
            link=(
                reverse("catalogue:offer-detail", args=[offer.pk]),
                _("Kijk bij het aanbod of er een andere datum is"),
            ),
            status=404,
        )
    organisation = run.organisation
    status = 200
    if request.method == "POST":
        # Every post counts, also a refused one: a flood is stopped before anything is checked.
        if spam.guard.too_many(request, spam.SIGN_UP):
            return too_many_requests(request)
        if spam.honeypot_filled(request.POST):
            # A bot. No hint about why; nothing is stored.
            return core_views.not_sent(
                request,
                base=BASE,
                heading=_("Je aanmelding is niet verstuurd"),
                retry_url=reverse("courses:sign-up", args=[offer.pk, run.pk]),
            )
        form = SignUpForm(request.POST, organisation_name=organisation.name)
        if spam.guard.accepts(form):
            result = _enrol(form, run)
            if result is not None:
                enrolment, token = result
                request.session[SESSION_KEY] = [str(enrolment.pk), token, time.time()]
                return redirect("courses:signed-up")
        status = 400
    else:
        form = SignUpForm(organisation_name=organisation.name)
    context = {
        "offer": offer,
        "run": run,
        **_sessions_context(run.upcoming),
        "places_left": run.places_left,
        "form": form,
        "started": spam.guard.started_token(),
        "error_summary": error_summary(form) if form.is_bound else [],
    }
    return render(request, "courses/public/sign_up.html", context, status=status)


def _enrol(form, run):
    """Enrol; a refusal by the service becomes a form error (nothing stored)."""
    data = form.cleaned_data
    person = services.PersonData(
        name=data["name"],
        phone=data["phone"],
        email=data["email"],
        consent_text=form.consent_text,
        consent_recorded_by=None,
    )
    try:
        # Later e-mails (a place offered, a reminder) are written in this page's language.
        return services.enrol(
            run, person, source=SOURCE_RESIDENT, language=translation.get_language()
        )
    except services.CourseError as error:
        field = getattr(error, "field", None)
        field = field if field in form.fields else None
        for message in error.messages:
            form.add_error(field, message)
        return None


@never_cache
def signed_up(request):
    pk, token, at = (request.session.get(SESSION_KEY) or [None, "", 0])[:3]
    enrolment = None
    if pk and time.time() - at < SENT_PAGE_SECONDS:
        enrolment = (
            Enrolment.objects.select_related(
                "run__offer", "run__organisation", "run__location", "person"
            )
            .filter(pk=pk)
            .first()
        )
    if enrolment is None:
        request.session.pop(SESSION_KEY, None)
        return redirect("catalogue:home")
    context = _enrolment_context(enrolment)
    context["link"] = request.build_absolute_uri(resident_path(token)) if token else ""
    context["has_email"] = bool(enrolment.person and enrolment.person.email)
    return render(request, "courses/public/signed_up.html", context)


def _enrolment_context(enrolment) -> dict:
    run = enrolment.run
    return {
        "enrolment": enrolment,
        "run": run,
        "offer": run.offer,
        **_sessions_context(selectors.shown_sessions(run)),
        "position": services.waiting_position(enrolment),
        "offer_hours": int(getattr(settings, "COURSE_OFFER_HOURS", 48)),
    }


# --- The resident's link ---


ACTIONS = {"afmelden", "accepteren", "weigeren"}


@never_cache
@require_http_methods(["GET", "POST"])
def resident_link(request, token):
    if spam.guard.too_many(request, spam.RESIDENT_LINK):
        return too_many_requests(request)
    enrolment = selectors.enrolment_for_token(token)
    if enrolment is None:
        return link_invalid(request)
    error = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("actie", "")
        try:
            if action == "afmelden" and _can_cancel(enrolment):
                services.cancel_enrolment(enrolment)
                return redirect(request.path + "?gedaan=afgemeld")
            if action == "accepteren" and enrolment.status == EnrolmentStatus.OFFERED:
                services.accept_offer(enrolment)
                return redirect(request.path + "?gedaan=geaccepteerd")
            if action == "weigeren" and enrolment.status == EnrolmentStatus.OFFERED:
                services.decline_offer(enrolment)
                return redirect(request.path + "?gedaan=geweigerd")
            error = _("Dit kan nu niet meer. Hieronder zie je hoe het nu staat.")
        except services.CourseError as refusal:
            error = " ".join(refusal.messages)
        enrolment = selectors.enrolment_for_token(token) or enrolment
        status = 400
    context = _enrolment_context(enrolment)
    context.update(
        {
            "token": token,
            "error": error,
            "done": request.GET.get("gedaan", "") if request.method == "GET" else "",
            "can_cancel": _can_cancel(enrolment),
            "offer_open": _offer_open(enrolment),
            "confirm_cancel": request.method == "GET" and request.GET.get("afmelden") == "1",
        }
    )
    return render(request, "courses/public/enrolment.html", context, status=status)


def _can_cancel(enrolment) -> bool:
    if enrolment.status not in {
        EnrolmentStatus.INTAKE,
        EnrolmentStatus.ENROLLED,
        EnrolmentStatus.WAITING,
        EnrolmentStatus.OFFERED,
    }:
        return False
    sessions = list(enrolment.run.sessions.all())
    # After the last session there is nothing left to cancel.
    return not sessions or max(s.date for s in sessions) >= timezone.localdate()


def _offer_open(enrolment) -> bool:
    return enrolment.status == EnrolmentStatus.OFFERED and (
        enrolment.offer_expires_at is None or enrolment.offer_expires_at > timezone.now()
    )
