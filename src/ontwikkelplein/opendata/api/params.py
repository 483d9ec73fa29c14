"""The query parameters of the HSDS API, checked once: a bad value is a 400 with a Dutch
message that names the parameter, never a silent default or a 500."""

import datetime
import math
import uuid

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from ontwikkelplein.opendata.selectors import Filters
from ontwikkelplein.places.geo import normalise_postcode, resolve_place

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_SEARCH_CHARS = 500
# HSDS gives proximity in metres; the Netherlands fits well within 400 km.
MAX_PROXIMITY_M = 400_000.0
FORMATS = ("json", "ndjson")
TRUE = ("true", "1", "yes")
FALSE = ("false", "0", "no", "")


class BadParameter(ValidationError):
    """400 with {"detail": "..."} (the Dutch message)."""

    def __init__(self, message: str):
        super().__init__({"detail": message})


def _one(query, name: str) -> str:
    value = query.get(name, "")
    if "\x00" in value:
        raise BadParameter(_("De parameter %(name)s bevat een ongeldig teken.") % {"name": name})
    return value.strip()


def integer(query, name: str, default: int, low: int, high: int) -> int:
    raw = _one(query, name)
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(
            _("%(name)s moet een heel getal zijn, niet '%(value)s'.")
            % {"name": name, "value": raw[:40]}
        ) from None
    if not low <= value <= high:
        raise BadParameter(
            _("%(name)s moet tussen %(low)s en %(high)s liggen.")
            % {"name": name, "low": low, "high": high}
        )
    return value


def boolean(query, name: str) -> bool:
    raw = _one(query, name).lower()
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise BadParameter(_("%(name)s moet true of false zijn.") % {"name": name})


def identifier(query, name: str) -> uuid.UUID | None:
    raw = _one(query, name)
    if raw == "":
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadParameter(
            _("%(name)s moet een id zijn (een UUID zoals 3f7b145d-84af-42d7-8fae-eaca714b02b2).")
            % {"name": name}
        ) from None


def text(query, name: str) -> str:
    raw = _one(query, name)
    if len(raw) > MAX_SEARCH_CHARS:
        raise BadParameter(
            _("%(name)s mag hoogstens %(max)s tekens lang zijn.")
            % {"name": name, "max": MAX_SEARCH_CHARS}
        )
    return raw


def moment(query, name: str) -> datetime.datetime | None:
    """An ISO 8601 date-time (with or without offset; without means Dutch time) or a date."""
    raw = _one(query, name)
    if raw == "":
        return None
    value = None
    try:
        value = parse_datetime(raw.replace(" ", "+"))  # '+' arrives as a space when not escaped
        if value is None:
            day = parse_date(raw)
            if day is not None:
                value = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        value = None
    if value is None:
        raise BadParameter(
            _("%(name)s moet een datum of tijdstip zijn, zoals 2025-01-31 of 2025-01-31T09:00:00Z.")
            % {"name": name}
        )
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        # In UTC: an offset the ISO format allows (-21:49) is one PostgreSQL refuses (±15:59).
        return value.astimezone(datetime.UTC)
    except (OverflowError, ValueError) as error:  # a moment beyond year 1 or 9999 in UTC
        raise BadParameter(
            _("%(name)s moet een datum of tijdstip zijn, zoals 2025-01-31 of 2025-01-31T09:00:00Z.")
            % {"name": name}
        ) from error


def output_format(query) -> str:
    raw = _one(query, "format").lower() or "json"
    if raw not in FORMATS:
        raise BadParameter(_("format moet json of ndjson zijn."))
    return raw


def paging(query) -> tuple[int, int]:
    return (
        integer(query, "page", 1, 1, MAX_PAGE),
        integer(query, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    )


def filters(query, *, organisation: bool = True, modified: bool = True) -> Filters:
    return Filters(
        search=text(query, "search"),
        taxonomy_term_id=identifier(query, "taxonomy_term_id"),
        taxonomy_id=identifier(query, "taxonomy_id"),
        organization_id=identifier(query, "organization_id") if organisation else None,
        modified_after=moment(query, "modified_after") if modified else None,
    )


def origin(query) -> tuple[tuple[float, float] | None, float | None]:
    """(latitude, longitude) of the postcode and the proximity converted to km, or (None, None)."""
    raw = _one(query, "postcode")
    proximity_raw = _one(query, "proximity")
    proximity = None
    if proximity_raw:
        try:
            proximity = float(proximity_raw.replace(",", "."))
        except ValueError:
            proximity = math.nan
        if not (math.isfinite(proximity) and 0 < proximity <= MAX_PROXIMITY_M):
            raise BadParameter(
                _("proximity is een afstand in meters, groter dan 0 en hoogstens %(max)s.")
                % {"max": int(MAX_PROXIMITY_M)}
            )
        proximity = proximity / 1000
    if not raw:
        if proximity is not None:
            raise BadParameter(_("Geef bij proximity ook een postcode."))
        return None, None
    if normalise_postcode(raw) is None:
        raise BadParameter(_("postcode moet een Nederlandse postcode zijn, zoals 3811 of 3811 AB."))
    place = resolve_place(raw)
    if place is None:
        raise BadParameter(_("De postcode %(postcode)s kennen we niet.") % {"postcode": raw[:7]})
    return (place.latitude, place.longitude), proximity
