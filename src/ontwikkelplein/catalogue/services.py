"""Writes to the catalogue. Every function is atomic and is the only way views, API views and
commands change offers. Offer services check the user's rights through organisations.scoping
(raising PermissionDenied) and reindex the offer for search once the transaction commits."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Schedule,
    ScheduleKind,
    UnmatchedSearch,
)
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location

UNMATCHED_PHRASE_MAX = 200


def record_unmatched_search(phrase: str) -> None:
    """Count a search phrase that found nothing. Anonymous: only the normalised phrase."""
    phrase = " ".join(phrase.lower().split())[:UNMATCHED_PHRASE_MAX]
    if not phrase:
        return
    with transaction.atomic():
        entry, _ = UnmatchedSearch.objects.get_or_create(phrase=phrase)
        UnmatchedSearch.objects.filter(pk=entry.pk).update(
            count=F("count") + 1, last_seen=timezone.localdate()
        )


# --- Offers (back office) ---

OFFER_M2M_FIELDS = ("themes", "target_groups", "levels", "partners")
OFFER_FIELDS = {
    "organisation",
    "title",
    "summary",
    "description",
    "offer_type",
    "programme",
    "guidance",
    "sign_up",
    "sign_up_instructions",
    "is_free",
    "cost_amount",
    "cost_description",
    "membership_required",
    "requirements",
    "requirements_other",
    "computers",
    "printer",
    "privacy_room",
    "languages",
    "capacity",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
    "valid_from",
    "valid_to",
}


class OfferIncomplete(ValidationError):
    """The offer cannot be published yet; the messages say what is missing."""


def _require_edit(user, organisation_id) -> None:
    if not scoping.can_edit(user, organisation_id):
        raise PermissionDenied(_("Je mag het aanbod van deze organisatie niet wijzigen."))


def _reindex(offer_id) -> None:
    transaction.on_commit(lambda: search.index_offer(offer_id))


def _locked(offer: Offer) -> Offer:
    """The stored offer, locked for this transaction: rights are checked on what is stored,
    never on an instance a form may already have changed in memory."""
    return Offer.objects.select_for_update().get(pk=offer.pk)


def _split_fields(fields: dict) -> tuple[dict, dict]:
    m2m = {name: fields.pop(name) for name in OFFER_M2M_FIELDS if name in fields}
    unknown = set(fields) - OFFER_FIELDS
    if unknown:
        raise TypeError(f"Unknown offer fields: {', '.join(sorted(unknown))}")
    return fields, m2m


def _save_offer(offer: Offer, m2m: dict) -> None:
    # M2M fields are checked by the form; the model checks the rest, including that the offer
    # type is an active term of the right taxonomy.
    offer.full_clean(exclude=list(OFFER_M2M_FIELDS))
    offer.save()
    for name, values in m2m.items():
        getattr(offer, name).set(values)


@transaction.atomic
def create_offer(user, *, organisation, locations: Iterable[Location] = (), **fields) -> Offer:
    """A new draft offer of `organisation`, at `locations`."""
    _require_edit(user, organisation.pk)
    fields, m2m = _split_fields(fields)
    offer = Offer(organisation=organisation, status=OfferStatus.DRAFT, created_by=user, **fields)
    _save_offer(offer, m2m)
    _replace_locations(offer, locations)
    _reindex(offer.pk)
    return offer


@transaction.atomic
def update_offer(user, offer: Offer, *, locations: Iterable[Location] | None = None, **fields):
    """Change an offer; its status stays as it is (a published offer stays published).
    Moving it to another organisation needs edit rights on both."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    fields, m2m = _split_fields(fields)
    organisation = fields.pop("organisation", None)
    if organisation is not None and organisation.pk != stored.organisation_id:
        _require_edit(user, organisation.pk)
        stored.organisation = organisation
    for name, value in fields.items():
        setattr(stored, name, value)
    _save_offer(stored, m2m)
    if locations is not None:
        _replace_locations(stored, locations)
        if stored.is_published and not stored.offer_locations.exists():
            raise OfferIncomplete(_("Een gepubliceerd aanbod heeft minstens één plek nodig."))
    _reindex(stored.pk)
    return stored


@transaction.atomic
def set_offer_locations(user, offer: Offer, locations: Iterable[Location]) -> None:
    """Place the offer at exactly these locations. Places that stay keep their schedules."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    _replace_locations(stored, locations)
    _reindex(stored.pk)


def _replace_locations(offer: Offer, locations: Iterable[Location]) -> None:
    locations = list(locations)
    # Tenancy: an offer can only be placed at its own organisation's or its partners' places.
    allowed = {offer.organisation_id, *offer.partners.values_list("pk", flat=True)}
    for location in locations:
        if location.organisation_id not in allowed:
            raise ValidationError(
                _("%(location)s hoort niet bij de aanbieder of een partner van dit aanbod.")
                % {"location": location.name}
            )
    wanted = {location.pk for location in locations}
    offer.offer_locations.exclude(location_id__in=wanted).delete()
    present = set(offer.offer_locations.values_list("location_id", flat=True))
    OfferLocation.objects.bulk_create(
        OfferLocation(offer=offer, location_id=pk) for pk in wanted - present
    )


def missing_for_publication(offer: Offer) -> list[str]:
    """What an offer still needs before it can be published, in Dutch; empty when complete."""
    missing = []
    if not offer.offer_locations.exists():
        missing.append(_("Kies minstens één plek waar het aanbod is."))
    if not offer.themes.exists():
        missing.append(_("Kies minstens één thema."))
    if not offer.target_groups.exists():
        missing.append(_("Kies minstens één doelgroep."))
    return missing


@transaction.atomic
def publish_offer(user, offer: Offer) -> Offer:
    """Make the offer public. Only complete offers; raises OfferIncomplete otherwise.
    Publishing counts as a check of the content, so it also sets last_verified_on."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    missing = missing_for_publication(stored)
    if missing:
        raise OfferIncomplete(missing)
    now = timezone.now()
    if not (stored.is_published and stored.published_at):
        stored.published_at = now  # publishing twice keeps the first date
    stored.status = OfferStatus.PUBLISHED
    stored.last_verified_on = timezone.localdate(now)
    stored.last_verified_by = user
    stored.save(
        update_fields=[
            "status",
            "published_at",
            "last_verified_on",
            "last_verified_by",
            "updated_at",
        ]
    )
    _reindex(stored.pk)
    return stored


@transaction.atomic
def archive_offer(user, offer: Offer) -> Offer:
    """Take the offer off the public site; it stays in the back office."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    stored.status = OfferStatus.ARCHIVED
    stored.save(update_fields=["status", "updated_at"])
    _reindex(stored.pk)
    return stored


@transaction.atomic
def verify_offer(user, offer: Offer) -> Offer:
    """Record that a staff member checked the offer is still correct today."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    stored.last_verified_on = timezone.localdate()
    stored.last_verified_by = user
    stored.save(update_fields=["last_verified_on", "last_verified_by", "updated_at"])
    return stored


@transaction.atomic
def add_schedule(
    user,
    offer_location: OfferLocation,
    *,
    kind: str,
    opens_at: datetime.time,
    closes_at: datetime.time,
    weekday: int | None = None,
    date: datetime.date | None = None,
    notes: str = "",
) -> Schedule:
    """A weekly time (weekday) or one dated session (date) of the offer at one place."""
    offer = _locked(offer_location.offer)
    _require_edit(user, offer.organisation_id)
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("De eindtijd moet na de begintijd liggen.")})
    if kind == ScheduleKind.DATED:
        if date is None:
            raise ValidationError({"date": _("Vul de datum in.")})
        if date < timezone.localdate():
            raise ValidationError(
                {"date": _("Deze datum is al voorbij. Kies een datum vanaf vandaag.")}
            )
        weekday = date.weekday()
    elif kind == ScheduleKind.WEEKLY:
        if weekday is None:
            raise ValidationError({"weekday": _("Kies een dag.")})
        date = None
    else:
        raise ValidationError(_("Onbekende soort tijd."))
    schedule = Schedule(
        offer_location=offer_location,
        kind=kind,
        weekday=weekday,
        date=date,
        opens_at=opens_at,
        closes_at=closes_at,
        notes=notes,
    )
    schedule.full_clean()
    schedule.save()
    _reindex(offer.pk)
    return schedule


@transaction.atomic
def delete_schedule(user, schedule: Schedule) -> None:
    offer = _locked(schedule.offer_location.offer)
    _require_edit(user, offer.organisation_id)
    schedule.delete()
    _reindex(offer.pk)
