"""Writes of referrals: the app's public face. Staff pages, the partner link, the resident's
form and the API all come through here, so they share one set of rules with Dutch messages.

Every function is atomic: bad input raises ReferralError and leaves nothing stored. Every change
adds a ReferralEvent (the append-only history), which never holds the person's details, the
question or free text. E-mail goes through the notifications outbox in the same transaction.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.core import person as person_details
from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.core.translations import resident_language
from ontwikkelplein.desk.models import ColleagueRole
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Membership, OrganisationKind
from ontwikkelplein.organisations.scoping import EDITOR_ROLES, MEMBER_ROLES
from ontwikkelplein.referrals.models import (
    OUTCOMES_NEEDING_REASON,
    ContactPreference,
    EventKind,
    Outcome,
    PartnerLink,
    PersonalDataAccess,
    ReceiverKind,
    Referral,
    ReferralEvent,
    ReferralNote,
    ReferralPerson,
    ReferralSettings,
    Source,
    Status,
    Urgency,
)
from ontwikkelplein.referrals.workdays import add_working_days

# 8 characters without 0/O, 1/I/L and U (misread or misheard on the phone): 30^8 codes.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
REFERENCE_LENGTH = 8
QUESTION_MAX_LENGTH = 1000
REASON_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 2000
NAME_MAX_LENGTH = person_details.NAME_MAX_LENGTH
BEST_MOMENT_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = person_details.EMAIL_MAX_LENGTH
CONSENT_MAX_LENGTH = 5000
DEFAULT_WORKING_DAYS = 3
MAX_WORKING_DAYS = 30

# Forward steps a referral may take before it is closed (closing has its own function).
TRANSITIONS = {
    Status.NEW: {Status.RECEIVED, Status.CONTACTED, Status.IN_PROGRESS},
    Status.RECEIVED: {Status.CONTACTED, Status.IN_PROGRESS},
    Status.CONTACTED: {Status.IN_PROGRESS},
    Status.IN_PROGRESS: {Status.CONTACTED},
    Status.CLOSED: set(),
}
OPEN_STATUSES = [Status.NEW, Status.RECEIVED, Status.CONTACTED, Status.IN_PROGRESS]
RETENTION_ACTOR = "Bewaartermijn verlopen"


class ReferralError(FieldError):
    """Bad input, with a Dutch message and (when known) the form field it belongs to."""


@dataclass
class PersonData:
    name: str
    contact_preference: str  # ContactPreference value
    phone: str = ""
    email: str = ""
    best_moment: str = ""
    consent_text: str = ""
    consent_recorded_by: object = None  # a User, or None when the resident gave it themselves
    consent_recorded_by_label: str = ""
    # The language of the resident's page ("Ik wil hulp"): e-mails to them are written in it.
    language: str = ""


# ---------------------------------------------------------------------------------------------
# Validation helpers


def normalise_phone(value: str) -> str:
    """A Dutch phone number someone can call back, as digits starting with 0 ("0612345678");
    raises ReferralError (the check is core/person.py's)."""
    try:
        return person_details.clean_phone(value)
    except ValidationError as error:
        raise ReferralError(error.messages[0], "phone") from None


def _clean_text(value: str, *, field: str, max_length: int, required_message: str = "") -> str:
    text = (value or "").strip()
    if required_message and not text:
        raise ReferralError(required_message, field)
    if len(text) > max_length:
        raise ReferralError(
            _("Deze tekst is te lang: gebruik hoogstens %(max)s tekens.") % {"max": max_length},
            field,
        )
    return text


def validate_person(person: PersonData) -> PersonData:
    """Checks and normalises the person's details; returns a cleaned copy."""
    consent = _clean_text(
        person.consent_text,
        field="consent",
        max_length=CONSENT_MAX_LENGTH,
        required_message=_("Zonder toestemming kunnen we de gegevens niet bewaren."),
    )
    try:
        name = person_details.clean_name(person.name, max_length=NAME_MAX_LENGTH)
    except ValidationError as error:
        raise ReferralError(error.messages[0], "name") from None
    if person.contact_preference not in ContactPreference.values:
        raise ReferralError(_("Kies hoe we de persoon kunnen bereiken."), "contact_preference")
    phone = normalise_phone(person.phone)
    try:
        email = person_details.clean_email(person.email)
    except ValidationError as error:
        raise ReferralError(error.messages[0], "email") from None
    if person.contact_preference == ContactPreference.PHONE and not phone:
        raise ReferralError(_("Vul een telefoonnummer in."), "phone")
    if person.contact_preference == ContactPreference.EMAIL and not email:
        raise ReferralError(_("Vul een e-mailadres in."), "email")
    best_moment = _clean_text(
        person.best_moment, field="best_moment", max_length=BEST_MOMENT_MAX_LENGTH
    )
    return PersonData(
        name=name,
        contact_preference=person.contact_preference,
        phone=phone,
        email=email,
        best_moment=best_moment,
        consent_text=consent,
        consent_recorded_by=person.consent_recorded_by,
        consent_recorded_by_label=(person.consent_recorded_by_label or "")[:200],
        language=resident_language(person.language or settings.LANGUAGE_CODE),
    )


# ---------------------------------------------------------------------------------------------
# Small helpers


def reference_ref(referral) -> str:
    """The notifications reference of a referral (for outbox messages and notifications)."""
    return f"referral:{referral.id}"


def _new_reference() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _i in range(REFERENCE_LENGTH))
    return f"{code[:4]}-{code[4:]}"


def settings_for(organisation) -> ReferralSettings:
    """The organisation's referral settings, or an unsaved row with the defaults."""
    try:
        return organisation.referral_settings
    except ReferralSettings.DoesNotExist:
        return ReferralSettings(
            organisation=organisation, first_contact_working_days=DEFAULT_WORKING_DAYS
        )


def inbox_address(organisation) -> str:
    return settings_for(organisation).inbox_email or organisation.email or ""


def _user_label(user) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or user.get_username())[:200]


def _event(referral, kind, *, user=None, actor_label="", from_status="", to_status="", **detail):
    return ReferralEvent.objects.create(
        referral=referral,
        kind=kind,
        actor=user if getattr(user, "is_authenticated", False) else None,
        actor_label=actor_label or _user_label(user),
        from_status=from_status,
        to_status=to_status,
        detail=detail,
    )


def _lock(referral) -> Referral:
    return Referral.objects.select_for_update().get(pk=referral.pk)


def _sync(original, locked) -> Referral:
    """Callers keep using their own object: copy the saved state onto it."""
    if original is not locked:
        original.refresh_from_db()
    return locked


def _working_member_org_ids(user) -> set:
    return scoping.own_organisation_ids(user)


def _check_receiver(user, referral) -> None:
    """Status, assignment and closing are the receiving organisation's work. A call without a
    user (the partner link, the API, a scheduled task) has been authorised by its caller."""
    if user is not None and referral.receiver_organisation_id not in _working_member_org_ids(user):
        raise PermissionDenied


def _staff_url(name: str, referral) -> str:
    return reverse(name, kwargs={"pk": referral.pk})


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _receiving_staff(organisation):
    """Active staff who work on referrals in an organisation (not front desk: they send)."""
    ids = Membership.objects.filter(
        organisation=organisation, role__in=EDITOR_ROLES, user__is_active=True
    ).values_list("user_id", flat=True)
    return get_user_model().objects.filter(pk__in=set(ids)).order_by("pk")


def _has_active_accounts(organisation) -> bool:
    return Membership.objects.filter(
        organisation=organisation, role__in=MEMBER_ROLES, user__is_active=True
    ).exists()


def _render_mail(template: str, context: dict) -> str:
    # Mail goes out in Dutch whatever language the person acting uses.
    with translation.override("nl"):
        return render_to_string(template, context)


# ---------------------------------------------------------------------------------------------
# Creating a referral


def _validate_receiver(
    *,
    source,
    receiver_organisation,
    receiver_kind,
    receiver_role,
    programme,
    offer,
    sender_organisation,
):
    if receiver_kind not in ReceiverKind.values:
        raise ReferralError(_("Kies naar wie je doorverwijst."), "receiver_kind")
    if receiver_role and receiver_role not in ColleagueRole.values:
        raise ReferralError(_("Kies een collega of programma uit de lijst."), "receiver_role")
    if receiver_kind == ReceiverKind.OFFER:
        if offer is None:
            raise ReferralError(_("Kies een aanbod."), "offer")
        if offer.status != OfferStatus.PUBLISHED:
            raise ReferralError(_("Dit aanbod is niet (meer) gepubliceerd."), "offer")
        if receiver_organisation is None:
            receiver_organisation = offer.organisation
        elif receiver_organisation.pk != offer.organisation_id:
            raise ReferralError(
                _("Dit aanbod hoort bij een andere organisatie."), "receiver_organisation"
            )
    if receiver_organisation is None:
        raise ReferralError(_("Kies de organisatie die de vraag oppakt."), "receiver_organisation")
    kind = receiver_organisation.kind
    if kind not in (OrganisationKind.LIBRARY, OrganisationKind.PARTNER):
        raise ReferralError(
            _("Doorverwijzen kan naar een bibliotheek of een partnerorganisatie."),
            "receiver_organisation",
        )
    if receiver_kind == ReceiverKind.COLLEAGUE:
        if kind != OrganisationKind.LIBRARY:
            raise ReferralError(
                _("Een collega of programma hoort bij een bibliotheek."), "receiver_organisation"
            )
        if not receiver_role and programme is None:
            raise ReferralError(_("Kies een collega of programma."), "receiver_role")
        if (
            source in (Source.STAFF, Source.DESK)
            and sender_organisation is not None
            and sender_organisation.pk != receiver_organisation.pk
        ):
            raise ReferralError(
                _("Een collega werkt in je eigen bibliotheek. Kies anders 'Andere bibliotheek'."),
                "receiver_role",
            )
    elif receiver_kind == ReceiverKind.LIBRARY:
        if kind != OrganisationKind.LIBRARY:
            raise ReferralError(_("Kies een bibliotheek."), "receiver_organisation")
        if sender_organisation is not None and sender_organisation.pk == receiver_organisation.pk:
            raise ReferralError(
                _("Dit is je eigen bibliotheek: kies dan een collega of programma."),
                "receiver_organisation",
            )
    elif receiver_kind == ReceiverKind.PARTNER and kind != OrganisationKind.PARTNER:
        raise ReferralError(_("Kies een partnerorganisatie."), "receiver_organisation")
    return receiver_organisation


@transaction.atomic
def create_referral(
    *,
    source,
    receiver_organisation,
    receiver_kind,
    question,
    urgency=Urgency.NORMAL,
    receiver_role="",
    programme=None,
    offer=None,
    desk_contact=None,
    sender_organisation=None,
    sender_user=None,
    sender_api_key=None,
    person: PersonData | None = None,
    actor_label="",
) -> Referral:
    """Store a new referral, its person (with consent), the CREATED event, and tell the receiver:
    in-app for its staff, an e-mail to its inbox address, or a partner link by e-mail when the
    receiver is a partner without active accounts."""
    if source not in Source.values:
        raise ReferralError(_("Onbekende bron."), "source")
    if urgency not in Urgency.values:
        raise ReferralError(_("Kies normaal of spoed."), "urgency")
    if source in (Source.STAFF, Source.DESK) and sender_organisation is None:
        raise ReferralError(
            _("Kies namens welke organisatie je doorverwijst."), "sender_organisation"
        )
    question = _clean_text(
        question,
        field="question",
        max_length=QUESTION_MAX_LENGTH,
        required_message=_("Schrijf in het kort wat de vraag is."),
    )
    receiver_organisation = _validate_receiver(
        source=source,
        receiver_organisation=receiver_organisation,
        receiver_kind=receiver_kind,
        receiver_role=receiver_role or "",
        programme=programme,
        offer=offer,
        sender_organisation=sender_organisation,
    )
    if desk_contact is not None and (
        sender_organisation is None or desk_contact.organisation_id != sender_organisation.pk
    ):
        raise ReferralError(_("Dit baliecontact hoort niet bij jouw organisatie."), "desk_contact")
    cleaned_person = validate_person(person) if person is not None else None

    days = settings_for(receiver_organisation).first_contact_working_days
    referral = None
    for _attempt in range(5):
        try:
            # A savepoint, so a clash of reference codes does not break the outer transaction.
            with transaction.atomic():
                referral = Referral.objects.create(
                    reference=_new_reference(),
                    source=source,
                    sender_organisation=sender_organisation,
                    sender_user=sender_user,
                    sender_api_key=sender_api_key,
                    receiver_organisation=receiver_organisation,
                    receiver_kind=receiver_kind,
                    receiver_role=receiver_role or "",
                    programme=programme,
                    offer=offer,
                    desk_contact=desk_contact,
                    question=question,
                    urgency=urgency,
                    first_contact_due=add_working_days(timezone.localdate(), days),
                )
            break
        except IntegrityError:
            continue
    if referral is None:  # pragma: no cover - 30^8 codes
        raise RuntimeError("could not find a free reference code")

    if cleaned_person is not None:
        ReferralPerson.objects.create(
            referral=referral,
            name=cleaned_person.name,
            phone=cleaned_person.phone,
            email=cleaned_person.email,
            contact_preference=cleaned_person.contact_preference,
            best_moment=cleaned_person.best_moment,
            consent_text=cleaned_person.consent_text,
            consent_recorded_by=cleaned_person.consent_recorded_by,
            consent_recorded_by_label=cleaned_person.consent_recorded_by_label
            or _user_label(cleaned_person.consent_recorded_by),
            consent_recorded_at=timezone.now(),
            language=cleaned_person.language,
        )
    _event(
        referral,
        EventKind.CREATED,
        user=sender_user,
        actor_label=actor_label,
        to_status=Status.NEW,
        source=source,
        receiver_kind=receiver_kind,
        receiver_role=receiver_role or "",
        urgency=urgency,
        with_person=cleaned_person is not None,
    )
    _tell_receiver(referral, sender_user=sender_user)
    return referral


def _tell_receiver(referral, *, sender_user=None) -> None:
    organisation = referral.receiver_organisation
    with translation.override("nl"):
        text = _("Nieuwe doorverwijzing %(ref)s") % {"ref": referral.reference}
    staff = [u for u in _receiving_staff(organisation) if u != sender_user]
    url = _staff_url("referrals:staff-detail", referral)
    notifications.notify(staff, text, url=url, reference=reference_ref(referral))

    address = inbox_address(organisation)
    if not address:
        return
    if organisation.kind == OrganisationKind.PARTNER and not _has_active_accounts(organisation):
        issue_partner_link(referral, address)
        return
    body = _render_mail(
        "referrals/email/new_referral.txt",
        {"referral": referral, "url": _absolute(url), "organisation": organisation},
    )
    with translation.override("nl"):
        subject = _("Nieuwe doorverwijzing %(ref)s") % {"ref": referral.reference}
    notifications.queue_email(address, subject, body, reference=reference_ref(referral))


# ---------------------------------------------------------------------------------------------
# Status, closing, reopening


def _set_status(referral, to_status, *, user, actor_label):
    from_status = referral.status
    now = timezone.now()
    referral.status = to_status
    if to_status != Status.NEW and referral.received_at is None:
        referral.received_at = now
    if to_status in (Status.CONTACTED, Status.IN_PROGRESS) and referral.first_contact_at is None:
        referral.first_contact_at = now
    referral.save()
    _event(
        referral,
        EventKind.STATUS,
        user=user,
        actor_label=actor_label,
        from_status=from_status,
        to_status=to_status,
    )


@transaction.atomic
def change_status(referral, to_status, *, user=None, actor_label="") -> Referral:
    """Move an open referral one of the allowed steps (see TRANSITIONS)."""
    locked = _lock(referral)
    _check_receiver(user, locked)
    if to_status not in Status.values:
        raise ReferralError(_("Kies een status uit de lijst."), "status")
    if to_status == Status.CLOSED:
        raise ReferralError(_("Kies een uitkomst om af te ronden."), "outcome")
    if locked.status == Status.CLOSED:
        raise ReferralError(_("Deze doorverwijzing is afgerond. Heropen haar eerst."), "status")
    if to_status == locked.status:
        raise ReferralError(_("De doorverwijzing heeft deze status al."), "status")
    if to_status not in TRANSITIONS[Status(locked.status)]:
        raise ReferralError(
            _("Van '%(from)s' naar '%(to)s' kan niet.")
            % {"from": Status(locked.status).label, "to": Status(to_status).label},
            "status",
        )
    _set_status(locked, to_status, user=user, actor_label=actor_label)
    return _sync(referral, locked)


@transaction.atomic
def receive(referral, *, user=None, actor_label="") -> Referral:
    """Mark a new referral as received. Already received (and still open): nothing changes."""
    locked = _lock(referral)
    _check_receiver(user, locked)
    if locked.status == Status.CLOSED:
        raise ReferralError(_("Deze doorverwijzing is afgerond. Heropen haar eerst."), "status")
    if locked.status == Status.NEW:
        _set_status(locked, Status.RECEIVED, user=user, actor_label=actor_label)
    return _sync(referral, locked)


@transaction.atomic
def close_referral(referral, outcome, reason="", *, user=None, actor_label="") -> Referral:
    """Close with an outcome (required; "past niet" also needs a reason). Revokes every partner
    link (a link that closed its referral is spent) and tells the sender."""
    locked = _lock(referral)
    _check_receiver(user, locked)
    if locked.status == Status.CLOSED:
        raise ReferralError(_("Deze doorverwijzing is al afgerond."), "outcome")
    if outcome not in Outcome.values:
        raise ReferralError(_("Kies een uitkomst."), "outcome")
    reason = _clean_text(reason, field="reason", max_length=REASON_MAX_LENGTH)
    if outcome in OUTCOMES_NEEDING_REASON and not reason:
        raise ReferralError(
            _("Schrijf op waarom het aanbod niet past."),
            "reason",
        )
    now = timezone.now()
    from_status = locked.status
    locked.status = Status.CLOSED
    locked.outcome = outcome
    locked.outcome_reason = reason
    locked.closed_at = now
    if locked.received_at is None:
        locked.received_at = now
    locked.save()
    PartnerLink.objects.filter(referral=locked, revoked_at__isnull=True).update(revoked_at=now)
    _event(
        locked,
        EventKind.CLOSED,
        user=user,
        actor_label=actor_label,
        from_status=from_status,
        to_status=Status.CLOSED,
        outcome=outcome,
    )
    _tell_sender_closed(locked)
    return _sync(referral, locked)


def _tell_sender_closed(referral) -> None:
    with translation.override("nl"):
        outcome = Outcome(referral.outcome).label
        text = _("Doorverwijzing %(ref)s is afgerond: %(outcome)s") % {
            "ref": referral.reference,
            "outcome": outcome,
        }
    if referral.sender_user_id and referral.sender_user.is_active:
        notifications.notify(
            [referral.sender_user],
            text,
            url=_staff_url("referrals:staff-detail", referral),
            reference=reference_ref(referral),
        )
    person = getattr(referral, "person", None) if _has_person(referral) else None
    if person and person.email and person.contact_preference == ContactPreference.EMAIL:
        # To the resident in the language they asked for help in (Dutch when staff sent it).
        with translation.override(person.language or settings.LANGUAGE_CODE):
            body = render_to_string(
                "referrals/email/closed_to_person.txt",
                {
                    "referral": referral,
                    "outcome": Outcome(referral.outcome).label,
                    "status_url": _absolute("/hulp/status/"),
                },
            )
            subject = _("Je hulpvraag %(ref)s is afgerond") % {"ref": referral.reference}
        notifications.queue_email(person.email, subject, body, reference=reference_ref(referral))


def _has_person(referral) -> bool:
    try:
        referral.person  # noqa: B018 - a one-to-one lookup
    except ReferralPerson.DoesNotExist:
        return False
    return True


@transaction.atomic
def reopen_referral(referral, *, user=None, actor_label="") -> Referral:
    """Open a closed referral again: back to "in behandeling" (or "ontvangen" when there was
    never contact). The outcome is cleared; the history keeps it."""
    locked = _lock(referral)
    _check_receiver(user, locked)
    if locked.status != Status.CLOSED:
        raise ReferralError(_("Alleen een afgeronde doorverwijzing kun je heropenen."), "status")
    if locked.personal_data_erased_at is not None:
        raise ReferralError(
            _("De gegevens van deze doorverwijzing zijn gewist. Maak een nieuwe doorverwijzing."),
            "status",
        )
    to_status = Status.IN_PROGRESS if locked.first_contact_at else Status.RECEIVED
    previous_outcome = locked.outcome
    locked.status = to_status
    locked.outcome = ""
    locked.outcome_reason = ""
    locked.closed_at = None
    locked.save()
    _event(
        locked,
        EventKind.REOPENED,
        user=user,
        actor_label=actor_label,
        from_status=Status.CLOSED,
        to_status=to_status,
        previous_outcome=previous_outcome,
    )
    return _sync(referral, locked)


# ---------------------------------------------------------------------------------------------
# Assignment and notes


def assignable_users(referral):
    """Colleagues of the receiving organisation who may handle the referral."""
    ids = Membership.objects.filter(
        organisation_id=referral.receiver_organisation_id,
        role__in=MEMBER_ROLES,
        user__is_active=True,
    ).values_list("user_id", flat=True)
    return get_user_model().objects.filter(pk__in=set(ids)).order_by("first_name", "username")


@transaction.atomic
def assign_referral(referral, assignee, *, user) -> Referral:
    """Assign to a colleague of the receiving organisation (None: nobody)."""
    locked = _lock(referral)
    _check_receiver(user, locked)
    if assignee is not None and not assignable_users(locked).filter(pk=assignee.pk).exists():
        raise ReferralError(
            _("Kies een collega van de organisatie die de doorverwijzing ontving."), "assignee"
        )
    if (assignee.pk if assignee else None) == locked.assigned_to_id:
        return _sync(referral, locked)
    locked.assigned_to = assignee
    locked.save()
    _event(
        locked,
        EventKind.ASSIGNED,
        user=user,
        assignee_id=assignee.pk if assignee else None,
    )
    if assignee is not None and assignee != user:
        with translation.override("nl"):
            text = _("Doorverwijzing %(ref)s is aan jou toegewezen") % {"ref": locked.reference}
        notifications.notify(
            [assignee],
            text,
            url=_staff_url("referrals:staff-detail", locked),
            reference=reference_ref(locked),
        )
    return _sync(referral, locked)


@transaction.atomic
def add_note(referral, text, *, user) -> ReferralNote:
    """An internal note, seen only by the author's organisation; erased with the person."""
    locked = _lock(referral)
    own = _working_member_org_ids(user)
    if locked.receiver_organisation_id in own:
        organisation_id = locked.receiver_organisation_id
    elif locked.sender_organisation_id in own:
        organisation_id = locked.sender_organisation_id
    else:
        raise PermissionDenied
    if locked.personal_data_erased_at is not None:
        raise ReferralError(_("De gegevens van deze doorverwijzing zijn gewist."), "text")
    text = _clean_text(
        text, field="text", max_length=NOTE_MAX_LENGTH, required_message=_("Schrijf een notitie.")
    )
    note = ReferralNote.objects.create(
        referral=locked, organisation_id=organisation_id, author=user, text=text
    )
    _event(locked, EventKind.NOTE, user=user)
    return note


# ---------------------------------------------------------------------------------------------
# Partner links


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def partner_link_path(token: str) -> str:
    return reverse("referrals:partner-link", kwargs={"token": token})


@transaction.atomic
def issue_partner_link(referral, email) -> str:
    """A new link for a partner without an account: stores the token's hash (valid
    PARTNER_LINK_DAYS days), revokes older links, e-mails the link (no question, no person) and
    returns the raw token."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ReferralError(_("Vul een geldig e-mailadres in."), "email") from None
    if referral.status == Status.CLOSED:
        raise ReferralError(_("Deze doorverwijzing is al afgerond."), "email")
    now = timezone.now()
    PartnerLink.objects.filter(referral=referral, revoked_at__isnull=True).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    link = PartnerLink.objects.create(
        referral=referral,
        token_hash=hash_token(token),
        sent_to=email,
        expires_at=now + timedelta(days=settings.PARTNER_LINK_DAYS),
    )
    _event(referral, EventKind.LINK_SENT)
    body = _render_mail(
        "referrals/email/partner_link.txt",
        {
            "referral": referral,
            "url": _absolute(partner_link_path(token)),
            "expires_at": link.expires_at,
            "days": settings.PARTNER_LINK_DAYS,
        },
    )
    with translation.override("nl"):
        subject = _("Doorverwijzing %(ref)s voor %(org)s") % {
            "ref": referral.reference,
            "org": referral.receiver_organisation.name,
        }
    # The token is in the stored mail only as a placeholder, and only until it is sent.
    notifications.queue_email(
        email, subject, body, reference=reference_ref(referral), secrets={"partner-link": token}
    )
    return token


# ---------------------------------------------------------------------------------------------
# Personal data: access log, export, erasure, retention


@transaction.atomic
def log_person_access(referral, action, *, user=None, actor_label="") -> PersonalDataAccess:
    if action not in PersonalDataAccess.Action.values:
        raise ValueError(action)
    return PersonalDataAccess.objects.create(
        referral=referral,
        user=user if getattr(user, "is_authenticated", False) else None,
        actor_label=actor_label or _user_label(user),
        action=action,
    )


@transaction.atomic
def export_person_data(referral, *, user) -> dict:
    """Everything stored about the person in this referral (AVG right of access), logged.
    Internal notes are each organisation's own: the export holds only the notes of the
    organisation(s) of the person who exports (the sender never gets the receiver's notes, nor
    the other way round); a request to the other organisation is answered by that one."""
    person = referral.person if _has_person(referral) else None
    notes = ReferralNote.objects.filter(
        referral=referral, organisation_id__in=scoping.own_organisation_ids(user)
    ).select_related("organisation")
    data = {
        "referentie": referral.reference,
        "verstuurd_op": referral.created_at.isoformat(),
        "verwijzende_organisatie": referral.sender_organisation.name
        if referral.sender_organisation_id
        else "",
        "ontvangende_organisatie": referral.receiver_organisation.name,
        "aanbod": referral.offer.title if referral.offer_id else "",
        "vraag": referral.question,
        "status": referral.get_status_display(),
        "uitkomst": referral.get_outcome_display() if referral.outcome else "",
        "reden": referral.outcome_reason,
        "afgerond_op": referral.closed_at.isoformat() if referral.closed_at else "",
        "persoon": None,
        "notities": [
            {"organisatie": n.organisation.name, "op": n.created_at.isoformat(), "tekst": n.text}
            for n in notes
        ],
    }
    if person is not None:
        data["persoon"] = {
            "naam": person.name,
            "telefoon": person.phone,
            "e-mail": person.email,
            "bereikbaar_via": person.get_contact_preference_display(),
            "beste_moment": person.best_moment,
            "toestemming": {
                "tekst": person.consent_text,
                "vastgelegd_door": person.consent_recorded_by_label,
                "vastgelegd_op": person.consent_recorded_at.isoformat(),
            },
        }
    log_person_access(referral, PersonalDataAccess.Action.EXPORT, user=user)
    _event(referral, EventKind.PERSON_EXPORTED, user=user)
    return data


def _erase(referral, *, user=None, actor_label="") -> None:
    now = timezone.now()
    ReferralPerson.objects.filter(referral=referral).delete()
    ReferralNote.objects.filter(referral=referral).delete()
    PartnerLink.objects.filter(referral=referral).delete()
    notifications.erase_reference(reference_ref(referral))
    Referral.objects.filter(pk=referral.pk).update(
        question="", outcome_reason="", personal_data_erased_at=now
    )
    log_person_access(referral, PersonalDataAccess.Action.ERASE, user=user, actor_label=actor_label)
    _event(referral, EventKind.PERSON_ERASED, user=user, actor_label=actor_label)


@transaction.atomic
def erase_person_data(referral, *, user=None, actor_label="") -> Referral:
    """Erase the person, the notes, the question and the free-text reason, partner links and
    messages about the referral; keep the anonymous record (organisations, kinds, status,
    outcome, dates) for figures. Logged; doing it twice changes nothing more."""
    locked = _lock(referral)
    if user is not None and not (
        {locked.receiver_organisation_id, locked.sender_organisation_id}
        & _working_member_org_ids(user)
    ):
        raise PermissionDenied
    if locked.personal_data_erased_at is None:
        _erase(locked, user=user, actor_label=actor_label)
        locked.refresh_from_db()
    return _sync(referral, locked)


@transaction.atomic
def erase_expired_personal_data(now=None) -> int:
    """The retention task (run daily). Erases the personal data of referrals closed more than
    REFERRAL_RETENTION_DAYS ago, and of open referrals without any activity (no event) for
    REFERRAL_STALE_DAYS: a forgotten referral must not keep someone's details for ever.
    Returns the number of referrals erased."""
    now = now or timezone.now()
    closed_before = now - timedelta(days=settings.REFERRAL_RETENTION_DAYS)
    stale_before = now - timedelta(days=settings.REFERRAL_STALE_DAYS)
    pending = Referral.objects.filter(personal_data_erased_at__isnull=True)
    closed = pending.filter(status=Status.CLOSED, closed_at__lt=closed_before)
    stale = (
        pending.exclude(status=Status.CLOSED)
        .annotate(last_event=Max("events__at"))
        .filter(
            Q(last_event__lt=stale_before) | Q(last_event__isnull=True, created_at__lt=stale_before)
        )
    )
    ids = set(closed.values_list("pk", flat=True)) | set(stale.values_list("pk", flat=True))
    count = 0
    for referral in Referral.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
        _erase(referral, actor_label=RETENTION_ACTOR)
        count += 1
    return count


# ---------------------------------------------------------------------------------------------
# Settings


@transaction.atomic
def update_settings(organisation, *, first_contact_working_days, inbox_email, user):
    """The team leader's referral settings for their organisation."""
    if not scoping.is_team_leader(user, organisation):
        raise PermissionDenied
    try:
        days = int(first_contact_working_days)
    except (TypeError, ValueError):
        days = -1
    if not 1 <= days <= MAX_WORKING_DAYS:
        raise ReferralError(
            _("Kies een aantal werkdagen van 1 tot en met %(max)s.") % {"max": MAX_WORKING_DAYS},
            "first_contact_working_days",
        )
    inbox_email = (inbox_email or "").strip()
    if inbox_email:
        try:
            validate_email(inbox_email)
        except ValidationError:
            raise ReferralError(
                _("Vul een geldig e-mailadres in, zoals team@bibliotheek.nl."), "inbox_email"
            ) from None
    row, _created = ReferralSettings.objects.update_or_create(
        organisation=organisation,
        defaults={"first_contact_working_days": days, "inbox_email": inbox_email},
    )
    return row
