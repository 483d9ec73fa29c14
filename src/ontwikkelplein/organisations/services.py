"""Writes to organisations' locations. Every function is atomic, checks the user's right to
edit through scoping (raising PermissionDenied) and is the only way views change locations."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import (
    ClosurePeriod,
    Location,
    OpeningHours,
    Organisation,
    SpecialOpeningHours,
)
from ontwikkelplein.places.models import PostcodeArea

# The fields of a location that staff set, in the order the form shows them.
LOCATION_FIELDS = (
    "name",
    "kind",
    "description",
    "street",
    "house_number",
    "postcode",
    "city",
    "municipality",
    "latitude",
    "longitude",
    "accessibility",
    "has_ido",
    "has_taalhuis",
)


def _require_edit(user, organisation_id) -> None:
    if not scoping.can_edit(user, organisation_id):
        raise PermissionDenied(_("Je mag de locaties van deze organisatie niet wijzigen."))


def _pc4_centroid(postcode: str) -> tuple[float, float] | None:
    area = PostcodeArea.objects.filter(pc4=(postcode or "")[:4]).first()
    return (area.latitude, area.longitude) if area else None


def _fill_coordinates(location: Location) -> None:
    """No coordinates given: use the centre of the PC4 area, so distance search still works."""
    if location.latitude is None or location.longitude is None:
        centroid = _pc4_centroid(location.postcode)
        location.latitude, location.longitude = centroid if centroid else (None, None)


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(LOCATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown location fields: {', '.join(sorted(unknown))}")


@transaction.atomic
def create_location(
    user,
    *,
    organisation: Organisation,
    opening_hours: Iterable[tuple] | None = None,
    closures: Iterable[tuple] | None = None,
    special_hours: Iterable[tuple] | None = None,
    **fields,
) -> Location:
    _require_edit(user, organisation.pk)
    _check_fields(fields)
    location = Location(organisation=organisation, **fields)
    _fill_coordinates(location)
    location.full_clean()
    location.save()
    _replace_calendar(location, opening_hours, closures, special_hours)
    return location


@transaction.atomic
def update_location(
    user,
    location: Location,
    *,
    opening_hours: Iterable[tuple] | None = None,
    closures: Iterable[tuple] | None = None,
    special_hours: Iterable[tuple] | None = None,
    **fields,
) -> Location:
    """Change a location. Moving it to another organisation needs edit rights on both.
    `opening_hours`, `closures` and `special_hours`, when given, replace the stored rows."""
    organisation = fields.pop("organisation", None)
    _check_fields(fields)
    stored = Location.objects.select_for_update().get(pk=location.pk)
    _require_edit(user, stored.organisation_id)
    if organisation is not None and organisation.pk != stored.organisation_id:
        _require_edit(user, organisation.pk)
        stored.organisation = organisation
    old_postcode, old_point = stored.postcode, (stored.latitude, stored.longitude)
    for name, value in fields.items():
        setattr(stored, name, value)
    # A new postcode with the old (or no) coordinates: the old point is wrong now.
    if stored.postcode != old_postcode and (stored.latitude, stored.longitude) == old_point:
        stored.latitude = stored.longitude = None
    _fill_coordinates(stored)
    stored.full_clean()
    stored.save()
    _replace_calendar(stored, opening_hours, closures, special_hours)
    return stored


@transaction.atomic
def set_opening_hours(user, location: Location, rows: Iterable[tuple]) -> None:
    """Replace a location's opening hours by `rows` of (weekday, opens_at, closes_at)."""
    _require_edit(user, location.organisation_id)
    _replace_opening_hours(location, rows)


def _replace_opening_hours(location: Location, rows: Iterable[tuple]) -> None:
    hours = [
        OpeningHours(location=location, weekday=weekday, opens_at=opens_at, closes_at=closes_at)
        for weekday, opens_at, closes_at in rows
    ]
    for row in hours:
        if row.closes_at <= row.opens_at:
            raise ValidationError(_("De sluitingstijd moet na de openingstijd liggen."))
        row.full_clean(exclude=["location"])
    location.opening_hours.all().delete()
    OpeningHours.objects.bulk_create(hours)


def _replace_calendar(location, opening_hours, closures, special_hours) -> None:
    if opening_hours is not None:
        _replace_opening_hours(location, opening_hours)
    if closures is not None:
        _replace_closures(location, closures)
    if special_hours is not None:
        _replace_special_hours(location, special_hours)


@transaction.atomic
def set_closures(user, location: Location, rows: Iterable[tuple]) -> None:
    """Replace a location's own closed days and periods by `rows` of (start, end, reason)."""
    _require_edit(user, location.organisation_id)
    _replace_closures(location, rows)


@transaction.atomic
def set_special_hours(user, location: Location, rows: Iterable[tuple]) -> None:
    """Replace a location's exceptional hours by `rows` of (date, opens_at, closes_at)."""
    _require_edit(user, location.organisation_id)
    _replace_special_hours(location, rows)


def _replace_closures(location: Location, rows: Iterable[tuple]) -> None:
    closures = [
        ClosurePeriod(location=location, start_date=start, end_date=end or start, reason=reason)
        for start, end, reason in rows
    ]
    for row in closures:
        if row.end_date < row.start_date:
            raise ValidationError(_("De laatste gesloten dag moet op of na de eerste liggen."))
        row.full_clean(exclude=["location"])
    location.closures.all().delete()
    ClosurePeriod.objects.bulk_create(closures)


def _replace_special_hours(location: Location, rows: Iterable[tuple]) -> None:
    hours = [
        SpecialOpeningHours(location=location, date=day, opens_at=opens_at, closes_at=closes_at)
        for day, opens_at, closes_at in rows
    ]
    for row in hours:
        if row.closes_at <= row.opens_at:
            raise ValidationError(_("De sluitingstijd moet na de openingstijd liggen."))
        row.full_clean(exclude=["location"])
    location.special_hours.all().delete()
    SpecialOpeningHours.objects.bulk_create(hours)
