"""Writes of the front desk: register, correct and remove a contact. The desk screen and the
API both come through here, so they share one set of rules (with Dutch messages), one audit
trail (ContactChange) and one way of keeping the DailyCount/DailyHelpCount roll-ups exact.

Every function is atomic. The roll-ups change in the same transaction as the contact, so the
figures never disagree with the registrations, however the transaction ends."""

import datetime
import logging
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.core import privacy
from ontwikkelplein.desk.models import (
    Agency,
    Category,
    Channel,
    ColleagueRole,
    Contact,
    ContactChange,
    DailyCount,
    DailyHelpCount,
    DurationBand,
    HelpType,
    Question,
    ReferralTarget,
    Topic,
)
from ontwikkelplein.desk.screen_selectors import may_register
from ontwikkelplein.desk.signals import rollup_changed
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind

logger = logging.getLogger(__name__)

MAX_QUESTIONS = 10
NOTE_MAX_LENGTH = 500
# The author may correct or remove a registration for this long after making it.
CHANGE_WINDOW = datetime.timedelta(hours=24)
# A registration made offline arrives later; one from further back (or from a clock that is
# far ahead) is refused rather than counted on the wrong day.
MAX_AGE = datetime.timedelta(days=7)
MAX_AHEAD = datetime.timedelta(minutes=5)
REFERRAL_ORGANISATION_KINDS = {OrganisationKind.PARTNER, OrganisationKind.LIBRARY}
HELP_ORDER = list(HelpType.values)


@dataclass
class QuestionData:
    category: str  # Category value
    help_types: list[str]  # HelpType values, at least one
    agency: Agency | None = None
    topic: Topic | None = None
    referral_target: str = ""  # ReferralTarget value when help_types contains "referral"
    referred_role: str = ""
    referred_organisation: Organisation | None = None
    referred_offer: Offer | None = None
    duration: str = ""
    low_literacy_signal: bool = False


@dataclass
class ContactData:
    organisation: Organisation
    location: Location
    channel: str  # Channel value
    questions: list[QuestionData] = field(default_factory=list)
    note: str = ""
    registered_at: datetime.datetime | None = None  # defaults to now
    client_reference: uuid.UUID | None = None  # same reference twice = stored once


# --- Validation ---


def check_note(text: str) -> None:
    """A registration is anonymous: its note refuses anything that looks like personal data
    (core.privacy), saying what it found and why."""
    privacy.refuse_personal_data(
        text,
        _(
            "De notitie lijkt %(found)s te bevatten. Haal dat weg: registraties zijn anoniem, "
            "dus we bewaren niets waarmee iemand te herkennen is."
        ),
    )


def _question_errors(
    index: int, q: QuestionData, allowed_agency_ids: set, allowed_topic_ids: set
) -> dict:
    errors: dict[str, list] = {}

    def add(name: str, message: str, code: str = "invalid") -> None:
        errors.setdefault(f"questions[{index}].{name}", []).append(
            ValidationError(message, code=code)
        )

    if q.category not in Category.values:
        add("category", _("Kies de soort vraag."), "required" if not q.category else "invalid")
    help_types = list(q.help_types or [])
    if not help_types:
        add("help_types", _("Kies minstens één soort geboden hulp."), "required")
    elif any(h not in HelpType.values for h in help_types):
        add("help_types", _("Kies de geboden hulp uit de lijst."))
    if q.agency is not None and not (q.agency.is_active or q.agency.pk in allowed_agency_ids):
        add("agency", _("Deze organisatie staat niet meer in de lijst. Kies een andere."))
    if q.topic is not None and not (q.topic.is_active or q.topic.pk in allowed_topic_ids):
        add("topic", _("Dit onderwerp staat niet meer in de lijst. Kies een ander."))
    if q.duration and q.duration not in DurationBand.values:
        add("duration", _("Kies de duur uit de lijst."))

    referred = q.referral_target or q.referred_role or q.referred_organisation or q.referred_offer
    if HelpType.REFERRAL not in help_types:
        if referred:
            add(
                "referral_target",
                _(
                    "Vink bij de geboden hulp ook ‘Doorverwijzing’ aan, "
                    "of laat de doorverwijzing leeg."
                ),
            )
        return errors
    if q.referral_target not in ReferralTarget.values:
        add("referral_target", _("Kies naar wie je hebt doorverwezen."), "required")
        return errors
    target = ReferralTarget(q.referral_target)
    if target != ReferralTarget.COLLEAGUE and q.referred_role:
        add("referred_role", _("Vul alleen de gegevens van de gekozen doorverwijzing in."))
    if target != ReferralTarget.ORGANISATION and q.referred_organisation:
        add("referred_organisation", _("Vul alleen de gegevens van de gekozen doorverwijzing in."))
    if target != ReferralTarget.OFFER and q.referred_offer:
        add("referred_offer", _("Vul alleen de gegevens van de gekozen doorverwijzing in."))
    if target == ReferralTarget.COLLEAGUE and q.referred_role not in ColleagueRole.values:
        add("referred_role", _("Kies naar welke collega of welk programma."), "required")
    elif target == ReferralTarget.ORGANISATION:
        if q.referred_organisation is None and q.agency is None:
            add(
                "referred_organisation",
                _(
                    "Kies de partnerorganisatie. Of kies bij ‘Over welke organisatie’ de "
                    "dienstverlener waar je naar hebt doorverwezen."
                ),
                "required",
            )
        elif (
            q.referred_organisation is not None
            and q.referred_organisation.kind not in REFERRAL_ORGANISATION_KINDS
        ):
            add("referred_organisation", _("Naar deze organisatie kun je niet doorverwijzen."))
    elif target == ReferralTarget.OFFER:
        if q.referred_offer is None:
            add("referred_offer", _("Kies het aanbod waar je naar hebt doorverwezen."), "required")
        elif q.referred_offer.status != OfferStatus.PUBLISHED:
            add("referred_offer", _("Dit aanbod is niet gepubliceerd. Kies een ander aanbod."))
    return errors


def _validate(
    data: ContactData,
    *,
    check_time: bool = True,
    allowed_agency_ids: set = frozenset(),
    allowed_topic_ids: set = frozenset(),
) -> None:
    errors: dict[str, list] = {}

    def add(name: str, message: str, code: str = "invalid") -> None:
        errors.setdefault(name, []).append(ValidationError(message, code=code))

    if data.location is None:
        add("location", _("Kies de locatie."), "required")
    elif data.location.organisation_id != data.organisation.pk:
        add("location", _("Deze locatie hoort niet bij je organisatie. Kies een andere locatie."))
    if data.channel not in Channel.values:
        add("channel", _("Kies hoe de bezoeker contact had (het kanaal)."), "required")
    if not data.questions:
        add("questions", _("Registreer minstens één vraag."), "required")
    elif len(data.questions) > MAX_QUESTIONS:
        add(
            "questions",
            _("Registreer hoogstens %(max)d vragen per bezoeker.") % {"max": MAX_QUESTIONS},
        )
    else:
        for index, question in enumerate(data.questions):
            for name, messages in _question_errors(
                index, question, allowed_agency_ids, allowed_topic_ids
            ).items():
                errors.setdefault(name, []).extend(messages)
    note = data.note or ""
    if len(note) > NOTE_MAX_LENGTH:
        add(
            "note",
            _("Maak de notitie korter: hoogstens %(max)d tekens (nu %(length)d).")
            % {"max": NOTE_MAX_LENGTH, "length": len(note)},
            "max_length",
        )
    try:
        check_note(note)
    except ValidationError as error:
        errors.setdefault("note", []).append(error)
    if check_time and data.registered_at is not None:
        _check_time(data.registered_at, add)
    if errors:
        raise ValidationError(errors)


def _check_time(moment: datetime.datetime, add) -> None:
    if timezone.is_naive(moment):
        add("registered_at", _("Geef het tijdstip met een tijdzone."))
        return
    now = timezone.now()
    if moment > now + MAX_AHEAD:
        add(
            "registered_at",
            _("Het tijdstip ligt in de toekomst. Klopt de klok van dit apparaat?"),
            "in_future",
        )
    elif moment < now - MAX_AGE:
        add(
            "registered_at",
            _("Deze registratie is ouder dan %(days)d dagen en wordt niet meer aangenomen.")
            % {"days": MAX_AGE.days},
            "too_old",
        )


def _normalised_help(help_types) -> list[str]:
    # Each kind once, in the order of the regulation: the same help compares equal.
    return sorted(set(help_types), key=HELP_ORDER.index)


# --- Snapshots for the audit trail ---


def _question_snapshot(q) -> dict:
    return {
        "category": q.category,
        "agency": q.agency.code if q.agency else None,
        "topic": q.topic.code if q.topic else None,
        "help_types": list(q.help_types),
        "referral_target": q.referral_target,
        "referred_role": q.referred_role,
        "referred_organisation": str(q.referred_organisation.pk)
        if q.referred_organisation
        else None,
        "referred_offer": str(q.referred_offer.pk) if q.referred_offer else None,
        "duration": q.duration,
        "low_literacy_signal": q.low_literacy_signal,
    }


def _snapshot(contact: Contact, questions) -> dict:
    """What the registration says, as JSON. There is no personal data in it to leave out."""
    return {
        "organisation": str(contact.organisation_id),
        "location": str(contact.location_id),
        "channel": contact.channel,
        "registered_at": contact.registered_at.isoformat(),
        "date": contact.date.isoformat(),
        "note": contact.note,
        "questions": [_question_snapshot(q) for q in questions],
    }


# --- Roll-ups ---


COUNT_KEY = (
    "organisation_id",
    "location_id",
    "date",
    "channel",
    "category",
    "agency_id",
    "topic_id",
    "referral_target",
)
HELP_KEY = ("organisation_id", "location_id", "date", "help_type")


@dataclass
class RollupDeltas:
    """What a change adds to (or, negative, takes from) each roll-up row, by row key."""

    counts: Counter = field(default_factory=Counter)  # (key, "questions" | "contacts") -> n
    helps: Counter = field(default_factory=Counter)  # key -> questions

    def add(self, contact: Contact, questions: list, sign: int) -> "RollupDeltas":
        """Count (sign=1) or uncount (sign=-1) a contact and its questions. A contact counts
        once, on the row of its first question."""
        base = (contact.organisation_id, contact.location_id, contact.date)
        for index, q in enumerate(questions):
            key = base + (
                contact.channel,
                q.category,
                q.agency_id or 0,
                q.topic_id or 0,
                q.referral_target or "",
            )
            self.counts[(key, "questions")] += sign
            if index == 0:
                self.counts[(key, "contacts")] += sign
            for help_type in q.help_types:
                self.helps[base + (help_type,)] += sign
        return self

    def apply(self) -> None:
        """Write the deltas. Rows are updated in one fixed order (sorted keys, DailyCount before
        DailyHelpCount), so concurrent registrations and corrections cannot deadlock on
        PostgreSQL; a correction that moves nothing writes nothing."""
        rows: dict[tuple, dict] = {}
        for (key, name), delta in self.counts.items():
            rows.setdefault(key, {"questions": 0, "contacts": 0})[name] += delta
        for key in sorted(rows):
            if any(rows[key].values()):
                _bump(DailyCount, dict(zip(COUNT_KEY, key, strict=True)), rows[key])
        for key in sorted(self.helps):
            if self.helps[key]:
                _bump(
                    DailyHelpCount,
                    dict(zip(HELP_KEY, key, strict=True)),
                    {"questions": self.helps[key]},
                )
        days = {key[:3:2] for key in rows if any(rows[key].values())}
        days |= {key[:3:2] for key, delta in self.helps.items() if delta}
        if days:
            rollup_changed.send(sender=RollupDeltas, days=days)


def _bump(model, key: dict, deltas: dict) -> None:
    """Add `deltas` to the roll-up row with `key`, creating it when missing; a row that drops
    to zero questions is deleted so the table holds only combinations that occur."""
    changes = {name: F(name) + delta for name, delta in deltas.items()}
    shrinking = any(delta < 0 for delta in deltas.values())
    if model.objects.filter(**key).update(**changes):
        if shrinking:
            model.objects.filter(**key, questions__lte=0).delete()
        return
    if shrinking:
        # Subtracting from a missing row: the roll-up was rebuilt or edited by hand.
        logger.warning("Roll-up row %s %s missing while subtracting", model.__name__, key)
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **deltas)
    except IntegrityError:
        # Another transaction created the row between our update and insert.
        model.objects.filter(**key).update(**changes)


# --- Writes ---


def _build_questions(contact: Contact, questions: list[QuestionData]) -> list[Question]:
    return [
        Question(
            contact=contact,
            position=position,
            category=q.category,
            agency=q.agency,
            topic=q.topic,
            help_types=_normalised_help(q.help_types),
            referral_target=q.referral_target if HelpType.REFERRAL in q.help_types else "",
            referred_role=q.referred_role,
            referred_organisation=q.referred_organisation,
            referred_offer=q.referred_offer,
            duration=q.duration or "",
            low_literacy_signal=bool(q.low_literacy_signal),
        )
        for position, q in enumerate(questions)
    ]


def _existing(organisation: Organisation, reference) -> Contact | None:
    if reference is None:
        return None
    return Contact.objects.filter(organisation=organisation, client_reference=reference).first()


def register_contact(
    data: ContactData, *, user=None, source: str = "desk", check_time: bool = True
) -> tuple[Contact, bool]:
    """Validate (raises django.core.exceptions.ValidationError with Dutch messages), store the
    contact with its questions, record the change, update the DailyCount/DailyHelpCount roll-ups,
    all in one transaction. Returns (contact, created); created is False when a contact with the
    same organisation and client_reference already exists (that one is returned unchanged).

    With a `user` (the desk screen), the user must have a desk role in the organisation, else
    PermissionDenied. Without one (the API), the caller has checked its key.

    `check_time=False` accepts a registration time further back than MAX_AGE; only for loading
    historic or demo registrations, never for the desk screen or the API.

    ValidationError carries a dict: "location", "channel", "questions", "note",
    "registered_at", and "questions[<n>].<field>" for a question's field (n from 0)."""
    if user is not None and not may_register(user, data.organisation.pk):
        raise PermissionDenied(_("Je mag geen contacten registreren voor deze organisatie."))
    reference = data.client_reference
    if isinstance(reference, str):
        reference = uuid.UUID(reference)
    existing = _existing(data.organisation, reference)
    if existing is not None:
        return existing, False
    _validate(data, check_time=check_time)
    registered_at = data.registered_at or timezone.now()
    try:
        with transaction.atomic():
            contact = Contact.objects.create(
                organisation=data.organisation,
                location=data.location,
                channel=data.channel,
                registered_at=registered_at,
                date=timezone.localdate(registered_at),
                note=(data.note or "").strip(),
                registered_by=user,
                source=source,
                client_reference=reference,
            )
            questions = Question.objects.bulk_create(_build_questions(contact, data.questions))
            RollupDeltas().add(contact, questions, +1).apply()
            ContactChange.objects.create(
                contact=contact,
                action=ContactChange.Action.CREATED,
                user=user,
                after=_snapshot(contact, questions),
            )
    except IntegrityError:
        # The same reference arrived twice at the same moment: the other one was stored.
        existing = _existing(data.organisation, reference)
        if existing is None:
            raise
        return existing, False
    return contact, True


def change_deadline(contact: Contact) -> datetime.datetime:
    return contact.created_at + CHANGE_WINDOW


def change_refusal(contact: Contact, user, now: datetime.datetime | None = None) -> str | None:
    """Why `user` may not correct or remove `contact` (in Dutch), or None when they may: only
    its author, within 24 hours of registering it."""
    if contact.is_removed:
        return _("Deze registratie is al verwijderd.")
    if user is None or getattr(user, "pk", None) is None or contact.registered_by_id != user.pk:
        return _("Alleen wie de registratie heeft gemaakt, kan haar aanpassen of verwijderen.")
    if (now or timezone.now()) >= change_deadline(contact):
        return _(
            "Een registratie kun je tot 24 uur na het registreren aanpassen of verwijderen. "
            "Die tijd is voorbij."
        )
    return None


def can_change(contact: Contact, user, now: datetime.datetime | None = None) -> bool:
    return change_refusal(contact, user, now) is None


def _require_change(contact: Contact, user) -> None:
    refusal = change_refusal(contact, user)
    if refusal is not None:
        raise PermissionDenied(refusal)


def _locked(contact: Contact) -> tuple[Contact, list[Question]]:
    """The stored contact, locked for this transaction, with its stored questions: rights and
    roll-ups work on what is stored, never on an instance changed in memory."""
    stored = Contact.objects.select_for_update().get(pk=contact.pk)
    questions = list(
        stored.questions.select_related(
            "agency", "topic", "referred_organisation", "referred_offer"
        ).order_by("position")
    )
    return stored, questions


@transaction.atomic
def correct_contact(contact: Contact, data: ContactData, *, user) -> Contact:
    """Only the author, within 24 hours. Adjusts the roll-ups; records before/after."""
    stored, old_questions = _locked(contact)
    _require_change(stored, user)
    if data.organisation.pk != stored.organisation_id:
        raise ValidationError(
            {"location": _("Een registratie blijft bij de organisatie waarvoor ze is gemaakt.")}
        )
    new_time = data.registered_at is not None and data.registered_at != stored.registered_at
    _validate(
        data,
        check_time=new_time,
        # What the registration already had may stay, even if the KB has since retired it.
        allowed_agency_ids={q.agency_id for q in old_questions if q.agency_id},
        allowed_topic_ids={q.topic_id for q in old_questions if q.topic_id},
    )
    before = _snapshot(stored, old_questions)
    deltas = RollupDeltas().add(stored, old_questions, -1)
    stored.questions.all().delete()
    stored.location = data.location
    stored.channel = data.channel
    stored.note = (data.note or "").strip()
    if new_time:
        stored.registered_at = data.registered_at
        stored.date = timezone.localdate(data.registered_at)
    stored.save()
    questions = Question.objects.bulk_create(_build_questions(stored, data.questions))
    deltas.add(stored, questions, +1).apply()
    ContactChange.objects.create(
        contact=stored,
        action=ContactChange.Action.CHANGED,
        user=user,
        before=before,
        after=_snapshot(stored, questions),
    )
    return stored


@transaction.atomic
def remove_contact(contact: Contact, *, user) -> None:
    """Only the author, within 24 hours. Marks it removed, subtracts it from the roll-ups."""
    stored, questions = _locked(contact)
    _require_change(stored, user)
    before = _snapshot(stored, questions)
    RollupDeltas().add(stored, questions, -1).apply()
    stored.is_removed = True
    stored.save(update_fields=["is_removed", "updated_at"])
    ContactChange.objects.create(
        contact=stored, action=ContactChange.Action.REMOVED, user=user, before=before
    )
    contact.is_removed = True
