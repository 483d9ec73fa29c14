"""The wegwijzer's steps, for the resident (/wegwijzer/) and for the referrer at the desk or a
partner (/beheer/wegwijzer/), in one place.

Everything travels in the address: the version number and the answers so far. A question is a
GET form (the answers so far as hidden fields); the last question (the place) is POSTed to
`finish`, which counts the path once and redirects (303) to the result page, so reloading the
result page never counts again. No session, no cookie of our own, nothing tied to a person.
Bad or tampered values never fail: an unknown version restarts on the published one with a
notice, an unknown answer asks that question again, an unknown place says so under the field."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ontwikkelplein.core import views as core_views
from ontwikkelplein.organisations import scoping
from ontwikkelplein.wayfinder import selectors, services
from ontwikkelplein.wayfinder.models import Channel, QuestionKind
from ontwikkelplein.wayfinder.reference_data import DEFAULT_ICON, ICONS
from ontwikkelplein.wayfinder.selectors import STEP_PARAM, VERSION_PARAM


@dataclass(frozen=True)
class Mode:
    channel: str
    start: str
    finish: str
    result: str
    base: str
    step_template: str
    result_template: str

    @property
    def referrer(self) -> bool:
        return self.channel == Channel.REFERRER


RESIDENT = Mode(
    channel=Channel.RESIDENT,
    start="wayfinder:start",
    finish="wayfinder:finish",
    result="wayfinder:result",
    base="base.html",
    step_template="wayfinder/step.html",
    result_template="wayfinder/result.html",
)
REFERRER = Mode(
    channel=Channel.REFERRER,
    start="wayfinder:referrer",
    finish="wayfinder:referrer-finish",
    result="wayfinder:referrer-result",
    base="core/staff/base.html",
    step_template="wayfinder/staff/step.html",
    result_template="wayfinder/staff/result.html",
)


def icon(name: str) -> str:
    return name if name in ICONS else DEFAULT_ICON


def _url(name: str, items) -> str:
    return reverse(name) + ("?" + urlencode(items) if items else "")


def _unavailable(request, mode: Mode):
    return core_views.message_page(
        request,
        base=mode.base,
        heading=_("De wegwijzer is er even niet"),
        paragraphs=[_("Zoek zelf naar hulp, of loop binnen bij de bibliotheek.")],
        link=(reverse("catalogue:search"), _("Zoek hulp bij jou in de buurt")),
        status=503,
    )


def _flow_from(request, params, mode: Mode):
    """(flow, notice): the version named in the address, or the published one with a notice
    when the address names none that a resident may answer."""
    notice = ""
    version = None
    raw = params.get(VERSION_PARAM)
    if raw:
        version = selectors.version_by_number(raw, request.user)
        if version is None:
            notice = _(
                "De vragen zijn veranderd, of het adres klopt niet helemaal. "
                "We beginnen opnieuw bij de eerste vraag."
            )
    if version is None:
        version = selectors.published_version()
    if version is None:
        return None, notice
    flow = selectors.flow_for(version)
    if not flow.questions or flow.questions[-1].kind != QuestionKind.WHERE:
        return None, notice  # an unfinished draft: publish() never lets one through
    return flow, notice


def _step_number(params, flow, answers) -> tuple[int, bool]:
    """(the step to show, whether the resident tried to go past an unanswered question)."""
    first_open = next(
        (i for i, q in enumerate(flow.questions, start=1) if not answers.answered(q)),
        flow.count,
    )
    raw = params.get(STEP_PARAM)
    try:
        asked = int(str(raw)) if raw not in (None, "") else None
    except (TypeError, ValueError):
        asked = None
    if asked is None or asked < 1:
        return first_open, False
    if asked > first_open:
        return first_open, raw is not None and not answers.answered(flow.questions[first_open - 1])
    return min(asked, flow.count), False


def render_step(
    request, mode, flow, answers, number, *, notice="", error="", suggestion="", status=200
):
    question = flow.questions[number - 1]
    hidden = [(name, value) for name, value in answers.params(flow) if name != question.param]
    back_url = ""
    if number > 1:
        back_url = _url(mode.start, answers.params(flow) + [(STEP_PARAM, str(number - 1))])
    chosen = answers.chosen.get(question.kind)
    choices = [
        {
            "answer": answer,
            "icon": icon(answer.icon),
            "checked": chosen is not None and chosen.pk == answer.pk,
            "id": f"antwoord-{answer.key}",
        }
        for answer in question.answers.all()
    ]
    suggestion_url = ""
    if suggestion:
        items = [(n, v) for n, v in answers.params(flow) if n != question.param]
        suggestion_url = _url(
            mode.start, items + [(question.param, suggestion), (STEP_PARAM, str(number))]
        )
    context = {
        "base_template": mode.base,
        "mode": mode,
        "flow": flow,
        "version": flow.version,
        "question": question,
        "question_text": question.display_referrer_text if mode.referrer else question.display_text,
        "question_icon": icon(question.icon),
        "is_place": question.kind == QuestionKind.WHERE,
        "choices": choices,
        "number": number,
        "count": flow.count,
        "hidden": hidden,
        "next_step": number + 1,
        "back_url": back_url,
        "place_text": answers.place_text,
        "notice": notice,
        "error": error,
        "suggestion": suggestion,
        "suggestion_url": suggestion_url,
        "preview": flow.version.is_draft,
        "staff_nav": "wayfinder",
    }
    return render(request, mode.step_template, context, status=status)


def step(request, mode: Mode):
    flow, notice = _flow_from(request, request.GET, mode)
    if flow is None:
        return _unavailable(request, mode)
    if notice:
        return render_step(request, mode, flow, selectors.Answers(), 1, notice=notice)
    answers = selectors.read_answers(flow, request.GET)
    number, skipped = _step_number(request.GET, flow, answers)
    error = ""
    question = flow.questions[number - 1]
    if question.kind in answers.invalid:
        error = _("Dit antwoord kennen we niet. Kies een van de antwoorden.")
    elif skipped:
        error = _("Kies een antwoord om verder te gaan.")
    return render_step(request, mode, flow, answers, number, error=error, status=200)


def _place_step(request, mode, flow, answers, place_text):
    """The place question again with the reason, or None when the place is known."""
    number = flow.count
    if not place_text:
        return render_step(
            request,
            mode,
            flow,
            answers,
            number,
            error=_("Vul je postcode of woonplaats in."),
            status=400,
        ), None
    place = selectors.resolve(place_text)
    if place is None:
        suggestion = selectors.suggestion(place_text)
        return render_step(
            request,
            mode,
            flow,
            answers,
            number,
            error=_(
                "We kennen de plaats of postcode “%(place)s” niet. "
                "Probeer een andere schrijfwijze, of vul je postcode in."
            )
            % {"place": place_text},
            suggestion=suggestion,
            status=400,
        ), None
    return None, place


def _incomplete(flow, answers) -> bool:
    return any(
        not answers.answered(q) for q in flow.questions if q.kind != QuestionKind.WHERE
    ) or bool(answers.invalid)


def _answered(request, mode: Mode, data):
    """The whole path in `data` (the result's GET or the finish's POST): (a page to show instead,
    or None; the flow; the answers; the place). The page restarts, asks an open question again or
    asks for the place again."""
    flow, notice = _flow_from(request, data, mode)
    if flow is None:
        return _unavailable(request, mode), None, None, None
    if notice:
        page = render_step(request, mode, flow, selectors.Answers(), 1, notice=notice)
        return page, None, None, None
    answers = selectors.read_answers(flow, data)
    if _incomplete(flow, answers):
        steps = answers.params(flow) + [(STEP_PARAM, str(flow.count))]
        return redirect(_url(mode.start, steps)), None, None, None
    page, place = _place_step(request, mode, flow, answers, answers.place_text)
    return page, flow, answers, place


def finish(request, mode: Mode):
    """The place question is sent here (POST): check it, count the path once, go to the result."""
    if request.method != "POST":
        return redirect(_url(mode.start, list(request.GET.items())[:10]))
    page, flow, answers, place = _answered(request, mode, request.POST)
    if page is not None:
        return page
    outcome = selectors.fitting_offers(answers, place)
    services.record_finished(
        channel=mode.channel,
        flow=flow,
        answers=answers,
        place=place,
        found_nearby=outcome.found_nearby,
    )
    response = redirect(_url(mode.result, answers.params(flow)))
    response.status_code = 303
    return response


def result(request, mode: Mode):
    page, flow, answers, place = _answered(request, mode, request.GET)
    if page is not None:
        return page
    outcome = selectors.fitting_offers(answers, place)
    help = selectors.help_for(outcome, place, timezone.localdate())
    question_text = selectors.summary(flow, answers, referrer=mode.referrer)
    params = answers.params(flow)
    need = answers.chosen.get(QuestionKind.NEED)
    search_items = [(("thema"), t.code) for t in (need.themes.all() if need else [])]
    search_items.append(("waar", place.label))
    may_refer = mode.referrer and scoping.own_organisations(request.user).exists()
    context = {
        "base_template": mode.base,
        "mode": mode,
        "flow": flow,
        "version": flow.version,
        "answers": [
            (
                q.display_referrer_text if mode.referrer else q.display_text,
                answers.chosen[q.kind].display_label
                if q.kind in answers.chosen
                else answers.place_text,
                _url(mode.start, params + [(STEP_PARAM, str(i))]),
            )
            for i, q in enumerate(flow.questions, start=1)
            if answers.answered(q)
        ],
        "place": place,
        "outcome": outcome,
        "nearby_km": selectors.NEARBY_KM,
        "help_offer": help.help_offer,
        "help_url": (
            reverse("referrals:help", args=[help.help_offer.pk])
            + "?"
            + urlencode({"vraag": question_text})
            if help.help_offer is not None and not mode.referrer
            else ""
        ),
        "help_panel": help.panel,
        "refer_query": urlencode({"vraag": question_text}),
        "may_refer": may_refer,
        "search_url": reverse("catalogue:search") + "?" + urlencode(search_items),
        "back_url": _url(mode.start, params + [(STEP_PARAM, str(flow.count))]),
        "restart_url": reverse(mode.start),
        "preview": flow.version.is_draft,
        "staff_nav": "wayfinder",
    }
    return render(request, mode.result_template, context)


# --- The resident ---


@require_http_methods(["GET", "HEAD"])
def start(request):
    return step(request, RESIDENT)


@require_http_methods(["GET", "POST"])
def finish_resident(request):
    return finish(request, RESIDENT)


@require_http_methods(["GET", "HEAD"])
def result_resident(request):
    return result(request, RESIDENT)


# --- The referrer: desk staff and partners ---


def may_refer(user) -> bool:
    """Anyone who works for a library or partner (not the read-only POI and KB roles)."""
    return user.is_authenticated and scoping.own_organisations(user).exists()


def referrer_required(view):
    def wrapper(request, *args, **kwargs):
        if not may_refer(request.user):
            raise PermissionDenied(
                _("De wegwijzer voor verwijzers is voor de balie en voor partners.")
            )
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return login_required(wrapper)


@referrer_required
@require_http_methods(["GET", "HEAD"])
def referrer(request):
    return step(request, REFERRER)


@referrer_required
@require_http_methods(["GET", "POST"])
def referrer_finish(request):
    return finish(request, REFERRER)


@referrer_required
@require_http_methods(["GET", "HEAD"])
def referrer_result(request):
    return result(request, REFERRER)
