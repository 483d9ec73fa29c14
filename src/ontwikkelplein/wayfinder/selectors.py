"""Reads of the wegwijzer: the version a path runs on, its questions and answers, the answers
read back from an address, the place, and the fitting offers near by."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext

from ontwikkelplein.catalogue import selectors as catalogue_selectors
from ontwikkelplein.catalogue.search import SearchHit, SearchParams, search
from ontwikkelplein.catalogue.selectors import HelpPanel
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location
from ontwikkelplein.places import geo
from ontwikkelplein.places.models import Municipality, PostcodeArea
from ontwikkelplein.wayfinder.models import (
    PARAM_OF_KIND,
    Answer,
    Question,
    QuestionKind,
    Version,
    VersionStatus,
)

# "Near by": a fitting offer within this many km counts as found (docs/public-site.md).
NEARBY_KM = 10
RESULTS = 5
PLACE_MAX = 100
VERSION_PARAM = "versie"
STEP_PARAM = "stap"


def published_version() -> Version | None:
    return Version.objects.filter(status=VersionStatus.PUBLISHED).first()


def version_by_number(value, user=None) -> Version | None:
    """The version a path names: published or retired; a draft only for a KB-beheerder's
    preview. None for anything else (a number that does not exist, text, a huge number)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    if not 0 < number < 2**31:
        return None
    version = Version.objects.filter(number=number).first()
    if version is None:
        return None
    if version.is_draft and not (user is not None and scoping.is_kb_admin(user)):
        return None
    return version


@dataclass
class Flow:
    """A version with its questions in order, each with its answers."""

    version: Version
    questions: list[Question]

    @property
    def count(self) -> int:
        return len(self.questions)

    def answer(self, question: Question, key: str) -> Answer | None:
        return next((a for a in question.answers.all() if a.key == key), None)

    def question_of(self, kind: str) -> Question | None:
        return next((q for q in self.questions if q.kind == kind), None)


def flow_for(version: Version) -> Flow:
    answers = Answer.objects.prefetch_related("themes", "target_groups", "offer_types")
    questions = list(
        version.questions.prefetch_related(Prefetch("answers", queryset=answers)).order_by(
            "order", "pk"
        )
    )
    # The place question is always the last one (publish() checks; a draft may not be tidy).
    questions.sort(key=lambda q: q.kind == QuestionKind.WHERE)
    return Flow(version=version, questions=questions)


@dataclass
class ResolvedPlace:
    label: str  # what the resident sees: "3811" or "Amersfoort"
    latitude: float
    longitude: float
    town: str  # the town of the PC4 area, or the town typed
    municipality_code: str  # CBS code when known, else ""


def clean_place_text(text: str) -> str:
    """Control characters become spaces; at most PLACE_MAX characters."""
    text = "".join(" " if (ord(c) < 32 or ord(c) == 127) else c for c in (text or ""))
    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    return " ".join(text.split())[:PLACE_MAX]


def resolve(text: str) -> ResolvedPlace | None:
    """The place of a postcode or town (places.geo.resolve_place). A six-position postcode is
    kept as its four digits only: the wegwijzer needs no more, and the address stays vaguer."""
    text = clean_place_text(text)
    postcode = geo.normalise_postcode(text)
    if postcode:
        text = postcode[:4]
    place = geo.resolve_place(text)
    if place is None:
        return None
    if postcode:
        area = PostcodeArea.objects.filter(pc4=text).first()
        town = area.town if area else ""
        pc4s = [text]
    else:
        town = place.label
        pc4s = list(PostcodeArea.objects.filter(town__iexact=town).values_list("pc4", flat=True))
    return ResolvedPlace(
        label=place.label,
        latitude=place.latitude,
        longitude=place.longitude,
        town=town,
        municipality_code=municipality_code(town, pc4s),
    )


def municipality_code(town: str, pc4s: list[str]) -> str:
    """The places data has no PC4 → municipality table. The municipality is taken from a
    location of the network in one of the PC4 areas (its municipality is recorded), else from
    a municipality with the town's own name (Amersfoort, Utrecht); otherwise it stays unknown
    and only the town is counted."""
    for pc4 in pc4s[:50]:
        code = (
            Location.objects.filter(postcode__startswith=pc4, municipality__isnull=False)
            .values_list("municipality__code", flat=True)
            .first()
        )
        if code:
            return code
    if town:
        code = Municipality.objects.filter(name__iexact=town).values_list("code", flat=True).first()
        if code:
            return code
    return ""


def suggestion(text: str) -> str:
    """The known place name closest to a misspelt one, for "Bedoel je …?"; else ""."""
    return geo.suggest_place(text) or ""


# --- Reading the answers from an address ---


@dataclass
class Answers:
    """A path's answers so far; `chosen` maps a question's kind to its Answer, `place_text` is
    the typed place (cleaned), `invalid` names the kinds whose given value was not valid."""

    chosen: dict = field(default_factory=dict)
    place_text: str = ""
    invalid: list = field(default_factory=list)

    def params(self, flow: Flow) -> list[tuple[str, str]]:
        """The address parameters of these answers, in question order."""
        items = [(VERSION_PARAM, str(flow.version.number))]
        for question in flow.questions:
            if question.kind == QuestionKind.WHERE:
                if self.place_text:
                    items.append((question.param, self.place_text))
            elif question.kind in self.chosen:
                items.append((question.param, self.chosen[question.kind].key))
        return items

    def answered(self, question: Question) -> bool:
        if question.kind == QuestionKind.WHERE:
            return bool(self.place_text)
        return question.kind in self.chosen


def read_answers(flow: Flow, params) -> Answers:
    result = Answers()
    for question in flow.questions:
        raw = params.get(PARAM_OF_KIND[question.kind])
        if raw is None or raw == "":
            continue
        if not isinstance(raw, str):
            result.invalid.append(question.kind)
            continue
        if question.kind == QuestionKind.WHERE:
            text = clean_place_text(raw)
            postcode = geo.normalise_postcode(text)
            # A six-position postcode travels as its four digits: enough, and vaguer.
            result.place_text = postcode[:4] if postcode else text
            continue
        answer = flow.answer(question, raw.strip()[:40])
        if answer is None:
            result.invalid.append(question.kind)
        else:
            result.chosen[question.kind] = answer
    return result


# --- What the answers mean for the search ---


def _codes(answers: Answers, attribute: str) -> tuple[str, ...]:
    codes = []
    for answer in answers.chosen.values():
        codes += [t.code for t in getattr(answer, attribute).all() if t.is_active]
    return tuple(dict.fromkeys(codes))


@dataclass
class Outcome:
    hits: list[SearchHit]
    found_nearby: bool  # a fitting offer within NEARBY_KM
    relaxed: bool  # the how/for-whom filters were dropped to find these
    help_offer: object = None  # the offer "Ik wil hulp" goes to (nearest fitting), or None
    found_further: bool = False  # nothing near by, but a fitting offer further away


def fitting_offers(answers: Answers, place: ResolvedPlace | None) -> Outcome:
    """The nearest fitting offers. The need's themes always hold; the answers to "for whom"
    and "how" narrow further when that still finds something within NEARBY_KM, else they are
    dropped (relaxed). Without anything near, the nearest fitting offer at any distance is
    where "Ik wil hulp" goes."""
    themes = _codes(answers, "themes")
    target_groups = _codes(answers, "target_groups")
    offer_types = _codes(answers, "offer_types")
    origin = (place.latitude, place.longitude) if place else None
    tries = [
        (target_groups, offer_types),
        ((), offer_types),
        (target_groups, ()),
        ((), ()),
    ]
    seen = set()
    for position, (groups, types) in enumerate(tries):
        if (groups, types) in seen:
            continue
        seen.add((groups, types))
        results = search(
            SearchParams(
                themes=themes,
                target_groups=groups,
                offer_types=types,
                origin=origin,
                radius_km=NEARBY_KM if origin else None,
                per_page=RESULTS,
            )
        )
        if results.hits:
            return Outcome(
                hits=results.hits,
                found_nearby=origin is not None,
                relaxed=position > 0,
                help_offer=results.hits[0].offer,
            )
    # Nothing fitting near by: the nearest fitting offer anywhere, for "Ik wil hulp".
    further = search(SearchParams(themes=themes, origin=origin, per_page=1))
    help_offer = further.hits[0].offer if further.hits else None
    return Outcome(
        hits=[],
        found_nearby=False,
        relaxed=False,
        help_offer=help_offer,
        found_further=help_offer is not None,
    )


@dataclass
class DeadEndHelp:
    """Where a resident can go when nothing fitting is near by: the search page's panel of the
    nearest IDO, Taalhuis and library, and the offer whose "Ik wil hulp" form takes the
    answers (the nearest fitting offer anywhere, else the nearest IDO's or Taalhuis's)."""

    panel: HelpPanel | None
    help_offer: object = None


def help_for(outcome: Outcome, place: ResolvedPlace, today: datetime.date) -> DeadEndHelp:
    """The panel only when nothing fitting is near by (the same rule as the search page: no
    result within NEARBY_KM); with results near by, "Ik wil hulp" goes to the first of them."""
    if outcome.hits:
        return DeadEndHelp(panel=None, help_offer=outcome.help_offer)
    panel = catalogue_selectors.help_panel((place.latitude, place.longitude), today)
    return DeadEndHelp(panel=panel, help_offer=outcome.help_offer or panel.help_offer)


def main_theme(answers: Answers) -> str:
    """The first theme of the need's answer, for the counts."""
    answer = answers.chosen.get(QuestionKind.NEED)
    if answer is None:
        return ""
    codes = [t.code for t in answer.themes.all()]
    return codes[0] if codes else ""


def summary(flow: Flow, answers: Answers, *, referrer: bool = False) -> str:
    """The answers in a few words, to carry into the referral's question (?vraag=), in the
    active language: the questions' and answers' English texts when English is active (the
    Dutch ones when the KB left them empty), joined through gettext."""
    parts = []
    for question in flow.questions:
        text = question.display_referrer_text if referrer else question.display_text
        if question.kind == QuestionKind.WHERE:
            if answers.place_text:
                parts.append(
                    gettext("%(question)s %(place)s")
                    % {"question": text, "place": answers.place_text}
                )
            continue
        answer = answers.chosen.get(question.kind)
        if answer is not None:
            parts.append(
                gettext("%(question)s %(answer)s.")
                % {"question": text, "answer": answer.display_label}
            )
    return " ".join(parts)
