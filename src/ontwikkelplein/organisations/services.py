"""Writes to organisations' locations and brandings. Every function is atomic, checks the user's
right to edit through scoping (raising PermissionDenied) and is the only way views change them."""

import io
import math
import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from ontwikkelplein.core import colour
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import (
    Branding,
    BrandingScope,
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


# --- Branding (an organisation's own colours, logo and address; docs/public-site.md) -----------

BRANDING_FIELDS = (
    "display_name",
    "slug",
    "primary_colour",
    "accent_colour",
    "logo_alt",
    "scope",
    "host",
)
LOGO_MAX_BYTES = 1024 * 1024  # what may be uploaded
LOGO_MAX_PIXELS = 25_000_000  # a larger picture is refused before it is decoded
LOGO_BOX = (400, 160)  # what is kept: at most this wide and high, as PNG
LOGO_MIN_SIDE = 16
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}  # no SVG: it can carry scripts
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _ratio(value: float) -> str:
    """A contrast ratio as people read it, rounded down so a failing one never reads as enough:
    "3,1 : 1"."""
    return f"{number_format(math.floor(value * 10) / 10, decimal_pos=1)} : 1"


def clean_colour(value: str) -> str:
    """ "#1A4A8A", "1a4a8a" and " #1a4a8a " become "#1a4a8a"; anything else is refused."""
    value = (value or "").strip().lower()
    if value and not value.startswith("#"):
        value = f"#{value}"
    if not colour.HEX_COLOUR.match(value):
        raise ValidationError(
            _("Vul een kleur in als # met zes tekens 0-9 of a-f, zoals #1a4a8a."), code="colour"
        )
    return value


def check_primary_colour(primary: str) -> None:
    """White text and links in this colour on white need WCAG AA: 4.5 : 1."""
    found = colour.contrast(primary, colour.WHITE)
    if found < colour.AA_TEXT:
        raise ValidationError(
            _(
                "Deze kleur is te licht voor witte tekst en voor links op wit: %(found)s, "
                "minimaal %(needed)s nodig. Kies een donkerdere kleur."
            )
            % {"found": _ratio(found), "needed": _ratio(colour.AA_TEXT)},
            code="contrast",
        )


def check_accent_colour(accent: str, primary: str) -> None:
    """The accent is a band right under the header in the primary colour (and the logo's frame),
    so the two must be told apart: 3 : 1, as for parts of the interface (WCAG 1.4.11). Its text
    is black or white, whichever reads best (core.colour.branding_tokens)."""
    found = colour.contrast(accent, primary)
    if found < colour.AA_NON_TEXT:
        raise ValidationError(
            _(
                "De tweede kleur lijkt te veel op de hoofdkleur: %(found)s, minimaal %(needed)s "
                "nodig. Kies een veel lichtere of donkerdere kleur."
            )
            % {"found": _ratio(found), "needed": _ratio(colour.AA_NON_TEXT)},
            code="contrast",
        )


def clean_slug(value: str) -> str:
    value = (value or "").strip().lower()
    if not value or len(value) > 50 or not SLUG_PATTERN.match(value):
        raise ValidationError(
            _(
                "Gebruik alleen kleine letters, cijfers en streepjes (hoogstens 50), zoals "
                "bibliotheek-eemland."
            ),
            code="slug",
        )
    return value


def clean_host(value: str) -> str:
    """A host name such as hulp.bibliotheek.nl, or "" for none. No scheme, path or port."""
    value = (value or "").strip().lower().rstrip(".")
    if not value:
        return ""
    labels = value.split(".")
    if (
        len(value) > 253
        or len(labels) < 2
        or not all(HOST_LABEL.match(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise ValidationError(
            _(
                "Vul alleen de naam van het webadres in, zonder https:// en zonder /, zoals "
                "hulp.bibliotheekeemland.nl."
            ),
            code="host",
        )
    return value


def process_logo(data: bytes) -> bytes:
    """An uploaded PNG, JPEG or WebP as a PNG of at most LOGO_BOX, without its metadata (the
    picture is drawn again). Anything else raises a ValidationError with a Dutch message."""
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(
            _("Dit bestand is te groot. Een logo mag hoogstens 1 MB zijn."), code="logo_size"
        )
    unreadable = ValidationError(
        _("Dit is geen logo dat we kunnen gebruiken. Kies een PNG-, JPEG- of WebP-bestand."),
        code="logo_type",
    )
    try:
        with Image.open(io.BytesIO(data), formats=sorted(LOGO_FORMATS)) as image:
            width, height = image.size
            if width * height > LOGO_MAX_PIXELS:
                raise ValidationError(
                    _("Dit plaatje heeft te veel beeldpunten. Kies een kleinere versie."),
                    code="logo_pixels",
                )
            if min(width, height) < LOGO_MIN_SIDE:
                raise ValidationError(
                    _("Dit plaatje is te klein: minstens %(n)s beeldpunten breed en hoog.")
                    % {"n": LOGO_MIN_SIDE},
                    code="logo_small",
                )
            image.seek(0)
            image.load()
            picture = ImageOps.exif_transpose(image).convert("RGBA")
        picture.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
        out = io.BytesIO()
        picture.save(out, "PNG", optimize=True)
    except ValidationError:
        raise
    except Exception as error:  # Pillow raises many kinds for a broken or hostile file
        raise unreadable from error
    return out.getvalue()


def validate_branding(fields: dict) -> dict:
    """The branding fields cleaned, or a ValidationError naming each field that is wrong."""
    _check_branding_fields(fields)
    errors: dict[str, list] = {}
    cleaned = {}

    def attempt(name, clean):
        try:
            cleaned[name] = clean(fields.get(name, ""))
        except ValidationError as error:
            errors.setdefault(name, []).extend(error.messages)

    attempt("slug", clean_slug)
    attempt("host", clean_host)
    attempt("primary_colour", clean_colour)
    attempt("accent_colour", clean_colour)
    for name, limit in (("display_name", 120), ("logo_alt", 120)):
        value = " ".join(str(fields.get(name) or "").split())
        if len(value) > limit:
            errors.setdefault(name, []).append(_("Hoogstens %(n)s tekens.") % {"n": limit})
        cleaned[name] = value
    if not cleaned["display_name"]:
        errors.setdefault("display_name", []).append(_("Vul dit in."))
    scope = fields.get("scope") or ""
    if scope not in BrandingScope.values:
        errors.setdefault("scope", []).append(_("Maak een keuze."))
    cleaned["scope"] = scope
    if "primary_colour" in cleaned:
        try:
            check_primary_colour(cleaned["primary_colour"])
        except ValidationError as error:
            errors.setdefault("primary_colour", []).extend(error.messages)
        else:
            if "accent_colour" in cleaned:
                try:
                    check_accent_colour(cleaned["accent_colour"], cleaned["primary_colour"])
                except ValidationError as error:
                    errors.setdefault("accent_colour", []).extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_branding_fields(fields: dict) -> None:
    unknown = set(fields) - set(BRANDING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown branding fields: {', '.join(sorted(unknown))}")


def save_branding(
    user, organisation: Organisation, *, logo: bytes | None = None, remove_logo=False, **fields
) -> Branding:
    """Creates or changes the organisation's branding. A new logo (the uploaded bytes) is
    re-encoded by process_logo; `remove_logo` drops the stored one. Raises PermissionDenied
    for a user who may not change the organisation and ValidationError for bad input, and
    then changes nothing."""
    if not scoping.can_edit(user, organisation):
        raise PermissionDenied(_("Je mag de huisstijl van deze organisatie niet wijzigen."))
    cleaned = validate_branding(fields)
    new_logo = process_logo(logo) if logo is not None else None
    with transaction.atomic():
        branding = Branding.objects.select_for_update().filter(
            organisation=organisation
        ).first() or Branding(organisation=organisation)
        others = Branding.objects.exclude(organisation=organisation)
        errors = {}
        if others.filter(slug=cleaned["slug"]).exists():
            errors["slug"] = [_("Een andere organisatie gebruikt dit webadres al.")]
        if cleaned["host"] and others.filter(host=cleaned["host"]).exists():
            errors["host"] = [_("Een andere organisatie gebruikt dit webadres al.")]
        for name, value in cleaned.items():
            setattr(branding, name, value)
        if new_logo is not None:
            branding.logo, branding.logo_type = new_logo, "image/png"
        elif remove_logo:
            branding.logo, branding.logo_type = b"", ""
        if branding.logo and not branding.logo_alt:
            errors["logo_alt"] = [
                _("Beschrijf het logo, bijvoorbeeld met de naam van de bibliotheek.")
            ]
        if errors:
            raise ValidationError(errors)
        try:
            with transaction.atomic():
                branding.save()
        except IntegrityError as error:  # the same slug or host saved at the same moment
            raise ValidationError(
                {"slug": [_("Een andere organisatie gebruikt dit webadres al.")]}
            ) from error
    return branding
