"""Writes of the impact app (atomic): which questionnaires a run uses, cards with one-time codes,
filled-in questionnaires and stories. Errors are ImpactError with a Dutch message; nothing is
changed when one is raised."""

import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.core import privacy
from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.courses.models import Run
from ontwikkelplein.impact.models import (
    Answer,
    Card,
    ItemKind,
    Moment,
    QuestionSet,
    Response,
    RunMeasurement,
    Story,
    Value,
)

# No 0/O, 1/I/L: codes are read from paper and typed on a phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12  # about 59 bits: not guessable
MAX_CARDS = 40


class ImpactError(FieldError):
    """Bad input, with a Dutch message and (when known) the form field it belongs to."""


@dataclass(frozen=True)
class CardCodes:
    before: str
    after: str


def check_story(text: str) -> None:
    """A story must not let anyone recognise the person (core.privacy, with names after a title
    and long numbers too); the form also asks the author not to write names."""
    privacy.refuse_personal_data(
        text,
        _(
            "Het verhaal lijkt persoonsgegevens te bevatten (%(found)s). Haal dat weg: een "
            "verhaal is anoniem, niemand mag de persoon kunnen herkennen."
        ),
        names=True,
        long_numbers=True,
    )


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """ABCD-EFGH-JKMN: easier to read aloud and type."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_code(raw: str) -> str:
    # Dashes and spaces are for reading only; lower case is fine.
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def set_questionnaires(
    run: Run, *, before_set: QuestionSet | None, after_set: QuestionSet | None, user=None
) -> RunMeasurement:
    for chosen, field in ((before_set, "before_set"), (after_set, "after_set")):
        if chosen is not None and not chosen.active:
            raise ImpactError(_("Deze vragenlijst is niet meer in gebruik."), field=field)
    if before_set is not None and before_set.after_only:
        raise ImpactError(
            _("Deze vragenlijst is alleen voor na de cursus. Kies hem bij 'na de cursus'."),
            field="before_set",
        )
    with transaction.atomic():
        measurement, _created = RunMeasurement.objects.select_for_update().get_or_create(run=run)
        measurement.before_set = before_set
        measurement.after_set = after_set
        measurement.save()
    return measurement


def make_cards(run: Run, count: int, *, user=None) -> list[CardCodes]:
    """Makes `count` cards and returns their codes. The codes are shown this once (to print):
    only their hashes are stored, so nobody can print a card again or find out whose it is."""
    measurement = RunMeasurement.objects.filter(run=run).first()
    if measurement is None or (measurement.before_set is None and measurement.after_set is None):
        raise ImpactError(_("Kies eerst een vragenlijst voor of na de cursus."), field="count")
    if not isinstance(count, int) or count < 1 or count > MAX_CARDS:
        raise ImpactError(
            _("Kies een aantal kaarten van 1 tot en met %(max)s.") % {"max": MAX_CARDS},
            field="count",
        )
    codes = [CardCodes(new_code(), new_code()) for _ in range(count)]
    # Stored in another order than printed, so the order of rows in the database says
    # nothing about the position of a card on the sheet (or who sat where).
    stored = list(codes)
    secrets.SystemRandom().shuffle(stored)
    with transaction.atomic():
        Run.objects.select_for_update().get(pk=run.pk)
        last = Card.objects.filter(run=run).order_by("-batch").values_list("batch", flat=True)
        batch = (last[0] + 1) if last else 1
        Card.objects.bulk_create(
            Card(
                run=run, before_hash=code_hash(c.before), after_hash=code_hash(c.after), batch=batch
            )
            for c in stored
        )
    return codes


@dataclass(frozen=True)
class CodeLookup:
    card: Card
    moment: str
    question_set: QuestionSet | None
    used: bool


def lookup_code(raw: str) -> CodeLookup | None:
    """The card and moment a code belongs to, or None for an unknown code."""
    digest = code_hash(raw)
    if len(normalise_code(raw)) != CODE_LENGTH:
        return None
    card = Card.objects.select_related("run").filter(before_hash=digest).first()
    moment = Moment.BEFORE
    if card is None:
        card = Card.objects.select_related("run").filter(after_hash=digest).first()
        moment = Moment.AFTER
    if card is None:
        return None
    measurement = RunMeasurement.objects.filter(run_id=card.run_id).first()
    question_set = measurement.set_for(moment) if measurement else None
    used = Response.objects.filter(card=card, moment=moment).exists()
    return CodeLookup(card, moment, question_set, used)


def code_used_message() -> str:
    return _(
        "Deze code is al gebruikt. De vragenlijst is al ingevuld. Er is niets veranderd. "
        "Heb je een nieuwe kaart nodig? Vraag het aan de begeleider."
    )


def submit_answers(raw_code: str, answers: dict[int, int], *, entered_by_staff=False) -> Response:
    """Stores one filled-in questionnaire for a code, once. `answers` maps question id to a
    Value; every question of the list must have an answer."""
    lookup = lookup_code(raw_code)
    if lookup is None:
        raise ImpactError(_("Deze code kennen we niet. Kijk of je de code goed hebt overgetypt."))
    if lookup.question_set is None:
        raise ImpactError(_("Voor deze cursus is er geen vragenlijst op dit moment."))
    questions = list(lookup.question_set.questions_for(lookup.moment))
    missing = [q for q in questions if answers.get(q.pk) not in Value.values]
    if missing:
        raise ImpactError(_("Geef bij elke vraag een antwoord."), field=f"q{missing[0].pk}")
    try:
        with transaction.atomic():
            # Lock the card: two phones sending the same code at once store one answer.
            card = Card.objects.select_for_update().get(pk=lookup.card.pk)
            if Response.objects.filter(card=card, moment=lookup.moment).exists():
                raise ImpactError(code_used_message())
            response = Response.objects.create(
                card=card,
                moment=lookup.moment,
                question_set=lookup.question_set,
                entered_by_staff=entered_by_staff,
                submitted_on=timezone.localdate(),
            )
            Answer.objects.bulk_create(
                Answer(response=response, question=q, value=answers[q.pk]) for q in questions
            )
    except IntegrityError as error:
        raise ImpactError(code_used_message()) from error
    return response


def add_story(run: Run, *, text: str, consent: bool, user=None) -> Story:
    text = (text or "").strip()
    if not text:
        raise ImpactError(_("Schrijf het verhaal op."), field="text")
    if len(text) > 1500:
        raise ImpactError(_("Het verhaal is te lang: houd het onder 1500 tekens."), field="text")
    if not consent:
        raise ImpactError(
            _("Vraag eerst toestemming en vink aan dat je die hebt gekregen."), field="consent"
        )
    try:
        check_story(text)
    except ValidationError as error:
        raise ImpactError(error.messages[0], field="text") from error
    return Story.objects.create(run=run, text=text, consent=True, created_by=user)


def save_question_set(set_form, question_formset, *, user=None) -> QuestionSet:
    """Saves a standard questionnaire and its questions together (KB-beheerder). Empty new
    rows are skipped. Refuses a list without any active skill question."""
    rows = [f for f in question_formset.forms if f.cleaned_data.get("text")]
    active_skills = [
        f for f in rows if f.cleaned_data.get("active") and f.cleaned_data["kind"] == ItemKind.SKILL
    ]
    if not active_skills:
        raise ImpactError(_("Een vragenlijst heeft minstens één vraag 'ik kan dit zelf' nodig."))
    with transaction.atomic():
        question_set = set_form.save()
        for form in rows:
            question = form.save(commit=False)
            question.question_set = question_set
            question.save()
    return question_set
