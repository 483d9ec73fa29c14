"""Reads of referrals, scoped by organisation.

Who sees what: staff with a working role (front desk, specialist, team leader, partner staff) in
the sending or the receiving organisation see the referral and the person's details. POI
advisers and KB administrators see figures only, never single referrals. Everyone else gets a
404, so nobody learns whether a referral exists.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location, LocationKind
from ontwikkelplein.referrals.models import PartnerLink, Referral, ReferralPerson, Status

OPEN_STATES = ("open", "overdue")
STATES = ("open", "overdue", "closed", "all")


def working_organisation_ids(user) -> set:
    """The organisations the user works for with a role that handles referrals."""
    return scoping.own_organisation_ids(user)


def settings_organisation_ids(user) -> set:
    """The organisations whose referral settings the user may change: where they lead a team."""
    return set(scoping.team_led_organisations(user).values_list("pk", flat=True))


def _with_related(qs: QuerySet) -> QuerySet:
    return qs.select_related(
        "sender_organisation",
        "sender_user",
        "receiver_organisation",
        "programme",
        "offer",
        "assigned_to",
    )


def visible_referrals(user) -> QuerySet[Referral]:
    ids = working_organisation_ids(user)
    if not ids:
        return Referral.objects.none()
    return _with_related(
        Referral.objects.filter(
            Q(receiver_organisation_id__in=ids) | Q(sender_organisation_id__in=ids)
        )
    )


def referral_for_user(user, referral_id) -> Referral:
    """The referral when the user may see it; Http404 otherwise (same answer as unknown)."""
    try:
        return visible_referrals(user).get(pk=referral_id)
    except (Referral.DoesNotExist, ValueError, TypeError, ValidationError):
        # A malformed id is as unknown as a missing one.
        raise Http404 from None


def can_see_person(user, referral) -> bool:
    """Staff with a working role in the sending or receiving organisation; not POI/KB."""
    ids = working_organisation_ids(user)
    return bool(ids & {referral.receiver_organisation_id, referral.sender_organisation_id})


def can_act(user, referral) -> bool:
    """May change status, assign and close: staff of the receiving organisation."""
    return referral.receiver_organisation_id in working_organisation_ids(user)


def is_sender(user, referral) -> bool:
    return referral.sender_organisation_id in working_organisation_ids(user)


def person_of(referral) -> ReferralPerson | None:
    try:
        return referral.person
    except ReferralPerson.DoesNotExist:
        return None


def _overdue_q(today: date) -> Q:
    return Q(first_contact_at__isnull=True, first_contact_due__lt=today) & ~Q(status=Status.CLOSED)


def inbox(
    user,
    organisation,
    *,
    role=None,
    state="open",
    programme=None,
    status=None,
    assigned_to=None,
    today: date | None = None,
) -> QuerySet[Referral]:
    """Referrals received by `organisation` (empty unless the user works there).
    role: a ColleagueRole value; programme: a Programme (or its pk); state: open, overdue,
    closed or all; status: one Status value; assigned_to: a user (the "mine" tab)."""
    if organisation is None or organisation.pk not in working_organisation_ids(user):
        return Referral.objects.none()
    today = today or timezone.localdate()
    qs = _with_related(Referral.objects.filter(receiver_organisation=organisation))
    if role:
        qs = qs.filter(receiver_role=role)
    if programme:
        qs = qs.filter(programme=programme)
    if state == "open":
        qs = qs.exclude(status=Status.CLOSED)
    elif state == "overdue":
        qs = qs.filter(_overdue_q(today))
    elif state == "closed":
        qs = qs.filter(status=Status.CLOSED)
    if status:
        qs = qs.filter(status=status)
    if assigned_to is not None:
        qs = qs.filter(assigned_to=assigned_to)
    # Urgent first, then the earliest deadline.
    if state in OPEN_STATES:
        return qs.order_by("-urgency", "first_contact_due", "created_at")
    return qs.order_by("-created_at")


def assigned_to(user) -> QuerySet[Referral]:
    """Open referrals assigned to the user in the organisations they work for, urgent first,
    then the earliest deadline."""
    ids = working_organisation_ids(user)
    if not ids:
        return Referral.objects.none()
    return (
        _with_related(Referral.objects.filter(receiver_organisation_id__in=ids, assigned_to=user))
        .exclude(status=Status.CLOSED)
        .order_by("-urgency", "first_contact_due", "created_at")
    )


def sent_by(user) -> QuerySet[Referral]:
    """Referrals sent by the organisations the user works for, newest first: the sender
    follows status and outcome (terugkoppeling) together with colleagues."""
    ids = working_organisation_ids(user)
    if not ids:
        return Referral.objects.none()
    return _with_related(Referral.objects.filter(sender_organisation_id__in=ids)).order_by(
        "-created_at"
    )


def partner_link_for_token(token) -> PartnerLink | None:
    if not token or len(token) > 200:
        return None
    token_hash = hashlib.sha256(str(token).encode()).hexdigest()
    return (
        PartnerLink.objects.select_related("referral", "referral__receiver_organisation")
        .filter(token_hash=token_hash, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .filter(referral__personal_data_erased_at__isnull=True)
        .first()
    )


def referral_for_partner_token(token) -> Referral | None:
    """The referral of an active link; None when unknown, expired, revoked or spent. The link is
    attached as `referral.partner_link` (for its address in the access log)."""
    link = partner_link_for_token(token)
    if link is None:
        return None
    referral = link.referral
    referral.partner_link = link
    return referral


def normalise_reference(code) -> str:
    cleaned = re.sub(r"[\s\-_.]", "", str(code or "")).upper()
    if len(cleaned) != 8 or not cleaned.isalnum():
        return ""
    return f"{cleaned[:4]}-{cleaned[4:]}"


def referral_for_reference(code) -> Referral | None:
    """Looks a reference code up, ignoring case, dashes and spaces; None when unknown."""
    reference = normalise_reference(code)
    if not reference:
        return None
    return _with_related(Referral.objects.filter(reference=reference)).first()


def is_overdue(referral, today: date | None = None) -> bool:
    """Open, no first contact yet, and the last day for first contact has passed."""
    today = today or timezone.localdate()
    return (
        referral.status != Status.CLOSED
        and referral.first_contact_at is None
        and today > referral.first_contact_due
    )


def days_open(referral, today: date | None = None) -> int:
    """Calendar days from sending until closing (or until today while open)."""
    today = today or timezone.localdate()
    start = timezone.localtime(referral.created_at).date()
    end = timezone.localtime(referral.closed_at).date() if referral.closed_at else today
    return max((end - start).days, 0)


def notes_for(user, referral):
    """Internal notes of the user's own organisation(s) only."""
    return referral.notes.filter(organisation_id__in=working_organisation_ids(user)).select_related(
        "author"
    )


# --- How the resident reaches the receiving organisation (after sending a help request) ---


@dataclass
class Reach:
    name: str
    phone: str
    phone_href: str
    email: str
    location: object | None  # organisations.Location
    opening_hours: list  # [(weekday name, [OpeningHours, ...]), ...]


def how_to_reach(referral) -> Reach:
    """Phone, e-mail, address and opening hours of the organisation that received a resident's
    help request: the offer's contact details when it has them, else the organisation's; the
    offer's place of that organisation (else its first place), else the organisation's main
    place (a branch or service point before an outreach place)."""
    organisation = referral.receiver_organisation
    offer = referral.offer
    phone = (offer.contact_phone if offer else "") or organisation.phone
    email = (offer.contact_email if offer else "") or organisation.email
    location = None
    if offer is not None:
        places = [ol.location for ol in offer.offer_locations.select_related("location")]
        location = next(
            (p for p in places if p.organisation_id == organisation.pk),
            places[0] if places else None,
        )
    if location is None:
        rank = {LocationKind.BRANCH: 0, LocationKind.SERVICE_POINT: 1, LocationKind.OFFICE: 2}
        places = list(Location.objects.filter(organisation=organisation))
        places.sort(key=lambda p: (rank.get(p.kind, 3), p.name))
        location = places[0] if places else None
    hours = []
    if location is not None:
        rows = list(location.opening_hours.order_by("weekday", "opens_at"))
        for _day, group in groupby(rows, key=lambda h: h.weekday):
            group = list(group)
            hours.append((group[0].get_weekday_display(), group))
    digits = re.sub(r"[^\d+]", "", phone or "")
    return Reach(
        name=organisation.name,
        phone=phone,
        phone_href=f"tel:{digits}" if re.search(r"\d", digits) else "",
        email=email,
        location=location,
        opening_hours=hours,
    )
