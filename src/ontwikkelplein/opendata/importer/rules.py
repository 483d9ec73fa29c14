"""The rules of the HSDS 3.1 schemas that an import checks, written out in code (the schema
files in ../shared are reference material, not a run-time dependency): required fields, uuid,
email and uri formats, enums, numbers, nested objects, plus the lengths of our own fields.
Each broken rule becomes a Problem that names the record, the field and the reason in Dutch."""

import datetime
import re
import uuid
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TYPE_LABELS = {
    "organization": gettext_lazy("organisatie"),
    "service": gettext_lazy("aanbod (service)"),
    "location": gettext_lazy("locatie"),
    "service_at_location": gettext_lazy("aanbod op locatie"),
    "schedule": gettext_lazy("tijd (schedule)"),
    "program": gettext_lazy("programma"),
    "taxonomy_term": gettext_lazy("term"),
    "taxonomy": gettext_lazy("taxonomie"),
    "address": gettext_lazy("adres"),
    "phone": gettext_lazy("telefoonnummer"),
    "contact": gettext_lazy("contactpersoon"),
    "attribute": gettext_lazy("kenmerk (attribute)"),
    "file": gettext_lazy("bestand"),
    "gids_row": gettext_lazy("rij (G!DS)"),
}

UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URI_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")
# Every field the HSDS 3.1 schemas type as a string (attribute.value left out: we never read
# it). A number, true or false there (tabular data written from a spreadsheet, the official
# tabular.json has them) is read as its text (records.as_text_fields) before anything else.
STRING_FIELDS = frozenset(
    {
        "accreditations",
        "address_1",
        "address_2",
        "address_type",
        "alert",
        "alternate_name",
        "amount_description",
        "application_process",
        "assured_date",
        "assurer_email",
        "attending_type",
        "attention",
        "byday",
        "bymonthday",
        "byweekno",
        "byyearday",
        "character_set",
        "city",
        "closes_at",
        "code",
        "contact_id",
        "country",
        "currency",
        "department",
        "description",
        "details",
        "document",
        "dtstart",
        "eligibility_description",
        "email",
        "extent",
        "extent_type",
        "external_identifier",
        "external_identifier_type",
        "fees",
        "fees_description",
        "field_name",
        "freq",
        "id",
        "identifier",
        "identifier_scheme",
        "identifier_type",
        "interpretation_services",
        "label",
        "language",
        "last_action_date",
        "last_action_type",
        "last_modified",
        "legal_status",
        "licenses",
        "link_entity",
        "link_id",
        "link_type",
        "location_id",
        "location_type",
        "logo",
        "name",
        "note",
        "notes",
        "number",
        "opens_at",
        "option",
        "organization_id",
        "parent_id",
        "parent_organization_id",
        "phone_id",
        "postal_code",
        "previous_value",
        "program_id",
        "region",
        "replacement_value",
        "resource_id",
        "resource_type",
        "schedule_link",
        "scheme",
        "service_at_location_id",
        "service_id",
        "source",
        "state_province",
        "status",
        "tax_id",
        "tax_status",
        "taxonomy",
        "taxonomy_id",
        "taxonomy_term_id",
        "term_uri",
        "title",
        "transportation",
        "type",
        "unit_id",
        "until",
        "updated",
        "updated_by",
        "uri",
        "url",
        "valid_from",
        "valid_to",
        "version",
        "wait_time",
        "website",
        "wkst",
    }
)
MAX_TEXT = 20_000  # longer free text is not a description but a mistake (or an attack)


def as_text_fields(data) -> None:
    """Numbers, true and false in fields HSDS types as strings become their text, in place
    (iterative: the nesting is limited by importer.files, the stack is not used)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, (dict, list)):
                    stack.append(item)
                elif key in STRING_FIELDS and isinstance(item, (bool, int, float)):
                    if isinstance(item, bool):
                        value[key] = "true" if item else "false"
                    elif isinstance(item, float) and item.is_integer() and abs(item) < 1e15:
                        value[key] = str(int(item))
                    else:
                        value[key] = str(
                            item
                        )  # longer free text is not a description but a mistake (or an attack)


@dataclass(frozen=True)
class Spec:
    # HSDS "required" fields that must be there (not null, not absent); an empty string is
    # valid HSDS (an empty id: importer.ids; an empty organisation name: importer.organisations),
    # the enums refuse it themselves. The schemas' other required fields are plain strings
    # without a minimum length, so an empty string (and, as other producers write it, null or
    # nothing) is valid: an address without state_province, a metadata row without
    # previous_value. What our model needs from them is derived while writing
    # (importer.locations), never refused here.
    required: tuple = ()
    present: tuple = ()  # required by HSDS as a string: may be empty, not null or absent
    uuids: tuple = ()
    emails: tuple = ()
    uris: tuple = ()
    numbers: tuple = ()
    enums: dict | None = None
    lists: dict | None = None  # field -> type of its items
    objects: dict | None = None  # field -> type of the nested object
    max_lengths: dict | None = None  # our own column sizes


_COMMON_LISTS = {"attributes": "attribute", "metadata": "metadata"}

SPECS = {
    "organization": Spec(
        required=("id", "name"),
        uuids=("id", "parent_organization_id"),
        emails=("email",),
        uris=("website", "uri"),
        numbers=("year_incorporated",),
        lists={
            "locations": "location",
            "programs": "program",
            "services": "service",
            "phones": "phone",
            "contacts": "contact",
            "funding": "funding",
            "additional_websites": "url",
            "organization_identifiers": "organization_identifier",
            **_COMMON_LISTS,
        },
        max_lengths={"name": 200, "website": 200, "email": 254},
    ),
    "service": Spec(
        # An empty name is valid HSDS: the offer gets a title from its description, as a draft.
        required=("id", "status"),
        present=("name",),
        uuids=("id", "organization_id", "program_id"),
        emails=("email", "assurer_email"),
        uris=("url",),
        numbers=("minimum_age", "maximum_age"),
        enums={"status": ("active", "inactive", "defunct", "temporarily closed")},
        lists={
            "service_at_locations": "service_at_location",
            "schedules": "schedule",
            "phones": "phone",
            "contacts": "contact",
            "languages": "language",
            "cost_options": "cost_option",
            "required_documents": "required_document",
            "capacities": "service_capacity",
            "funding": "funding",
            "service_areas": "service_area",
            "additional_urls": "url",
            **_COMMON_LISTS,
        },
        objects={"organization": "organization", "program": "program"},
        max_lengths={"name": 150, "url": 200, "email": 254},
    ),
    "service_at_location": Spec(
        required=("id",),
        uuids=("id", "service_id", "location_id"),
        lists={
            "schedules": "schedule",
            "phones": "phone",
            "contacts": "contact",
            "service_areas": "service_area",
            **_COMMON_LISTS,
        },
        objects={"location": "location", "service": "service"},
        max_lengths={"description": 300},
    ),
    "location": Spec(
        required=("id", "location_type"),
        uuids=("id", "organization_id"),
        uris=("url",),
        numbers=("latitude", "longitude"),
        enums={"location_type": ("physical", "postal", "virtual")},
        lists={
            "languages": "language",
            "addresses": "address",
            "contacts": "contact",
            "accessibility": "accessibility",
            "phones": "phone",
            "schedules": "schedule",
            **_COMMON_LISTS,
        },
        max_lengths={"name": 200},
    ),
    "address": Spec(
        required=("id", "address_type"),
        uuids=("id", "location_id"),
        enums={"address_type": ("physical", "postal", "virtual")},
        lists=_COMMON_LISTS,
        max_lengths={"address_1": 200, "city": 100},
    ),
    "schedule": Spec(
        required=("id",),
        uuids=("id", "service_id", "location_id", "service_at_location_id"),
        uris=("schedule_link",),
        numbers=("timezone", "count", "interval"),
        enums={
            "wkst": ("MO", "TU", "WE", "TH", "FR", "SA", "SU"),
            "freq": ("WEEKLY", "MONTHLY"),
        },
        lists=_COMMON_LISTS,
    ),
    "program": Spec(
        required=("id",),
        uuids=("id", "organization_id"),
        lists=_COMMON_LISTS,
        max_lengths={"name": 120},
    ),
    "taxonomy_term": Spec(
        required=("id",),
        uuids=("id", "parent_id", "taxonomy_id"),
        uris=("term_uri",),
        objects={"taxonomy_detail": "taxonomy"},
        lists={"metadata": "metadata"},
        max_lengths={"name": 300, "code": 200, "taxonomy": 200, "term_uri": 500, "language": 20},
    ),
    "taxonomy": Spec(
        required=("id",),
        uuids=("id",),
        uris=("uri",),
        lists={"metadata": "metadata"},
    ),
    "attribute": Spec(
        required=("id",),
        uuids=("id", "link_id", "taxonomy_term_id"),
        objects={"taxonomy_term": "taxonomy_term"},
        lists={"metadata": "metadata"},
    ),
    "phone": Spec(
        required=("id",),  # an empty number is valid HSDS and skipped
        uuids=(
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
        ),
        numbers=("extension",),
        lists={"languages": "language", **_COMMON_LISTS},
    ),
    "contact": Spec(
        required=("id",),
        uuids=("id", "organization_id", "service_id", "service_at_location_id", "location_id"),
        emails=("email",),
        lists={"phones": "phone", **_COMMON_LISTS},
    ),
    "language": Spec(
        required=("id",),
        uuids=("id", "service_id", "location_id", "phone_id"),
        lists=_COMMON_LISTS,
    ),
    "cost_option": Spec(
        required=("id",),
        uuids=("id", "service_id"),
        numbers=("amount",),
        lists=_COMMON_LISTS,
    ),
    "required_document": Spec(
        required=("id",), uuids=("id", "service_id"), uris=("uri",), lists=_COMMON_LISTS
    ),
    "service_capacity": Spec(
        required=("id",),
        uuids=("id", "service_id", "unit_id"),
        numbers=("available", "maximum"),
        objects={"unit": "unit"},
        lists=_COMMON_LISTS,
    ),
    "unit": Spec(required=("id",), uuids=("id",), uris=("uri",), lists=_COMMON_LISTS),
    "url": Spec(
        required=("id",),
        uuids=("id", "organization_id", "service_id"),
        uris=("url",),
        lists=_COMMON_LISTS,
    ),
    "funding": Spec(
        required=("id",), uuids=("id", "organization_id", "service_id"), lists=_COMMON_LISTS
    ),
    "service_area": Spec(
        required=("id",), uuids=("id", "service_id", "service_at_location_id"), lists=_COMMON_LISTS
    ),
    "accessibility": Spec(
        required=("id",), uuids=("id", "location_id"), uris=("url",), lists=_COMMON_LISTS
    ),
    "organization_identifier": Spec(
        required=("id",),
        uuids=("id", "organization_id"),
        lists=_COMMON_LISTS,
    ),
    "metadata": Spec(
        required=("id",),
        uuids=("id", "resource_id"),
    ),
}


@dataclass(frozen=True)
class Problem:
    """One reason a record cannot be imported (or, as a warning, a remark about it)."""

    record_type: str
    record_id: str
    record_name: str
    field: str
    message: str

    def as_dict(self) -> dict:
        return {k: str(v) for k, v in asdict(self).items()}

    @property
    def type_label(self) -> str:
        return str(TYPE_LABELS.get(self.record_type, self.record_type))


def _text(value, limit=120) -> str:
    text = str(value) if value is not None else ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def record_name(obj) -> str:
    if not isinstance(obj, dict):
        return ""
    for key in ("name", "address_1", "number", "document", "option", "description"):
        if isinstance(obj.get(key), str) and obj[key]:
            return _text(obj[key], 80)
    return ""


def problem(record_type, obj, field, message) -> Problem:
    record_id = obj.get("id") if isinstance(obj, dict) else ""
    return Problem(record_type, _text(record_id, 60), record_name(obj), field, str(message))


def validate(record_type: str, obj, *, path: str = "") -> list[Problem]:
    """All problems of one record and everything nested in it (iterative, so a long chain of
    nested objects cannot exhaust the stack)."""
    problems = []
    stack = [(record_type, obj, path)]
    while stack:
        kind, value, prefix = stack.pop()
        spec = SPECS.get(kind)
        if not isinstance(value, dict):
            problems.append(
                Problem(kind, "", "", prefix or "-", _("Dit moet een JSON-object zijn."))
            )
            continue
        if spec is None:
            continue
        problems.extend(_check_fields(kind, spec, value, prefix))
        for field, child_kind in (spec.lists or {}).items():
            items = value.get(field)
            if items is None:
                continue
            if not isinstance(items, list):
                problems.append(problem(kind, value, prefix + field, _("Dit moet een lijst zijn.")))
                continue
            for index, item in enumerate(items):
                stack.append((child_kind, item, f"{prefix}{field}[{index}]."))
        for field, child_kind in (spec.objects or {}).items():
            child = value.get(field)
            if child is not None:
                stack.append((child_kind, child, f"{prefix}{field}."))
    return problems


def _check_fields(kind: str, spec: Spec, value: dict, prefix: str) -> list[Problem]:
    found = []

    def add(field, message):
        found.append(problem(kind, value, prefix + field, message))

    for field in (*spec.required, *spec.present):
        if value.get(field) is None:
            add(field, _("Dit veld is verplicht."))
    for field in spec.uuids:
        # JSON Schema 2020-12 treats "format": "uuid" as an annotation (the official validator
        # accepts "svc-1"): any string is an id, mapped to a uuid of ours (importer.ids). An
        # empty reference is how many producers write "none"; an empty id, see importer.ids.
        present = value.get(field)
        if present is not None and not isinstance(present, str):
            add(field, _("Dit is geen geldige id: %(value)s.") % {"value": _text(present, 60)})
    for field in spec.emails:
        present = value.get(field)
        if present not in (None, "") and not (isinstance(present, str) and EMAIL_RE.match(present)):
            add(
                field,
                _("Dit is geen geldig e-mailadres: %(value)s.") % {"value": _text(present, 60)},
            )
    for field in spec.uris:
        present = value.get(field)
        if present not in (None, "") and not (isinstance(present, str) and URI_RE.match(present)):
            add(field, _("Dit is geen geldig webadres: %(value)s.") % {"value": _text(present, 60)})
    for field in spec.numbers:
        present = value.get(field)
        if isinstance(present, str) and not present.strip():
            continue  # an empty cell: no number
        if present is not None and (
            isinstance(present, bool) or not isinstance(present, (int, float))
        ):
            add(field, _("Dit moet een getal zijn: %(value)s.") % {"value": _text(present, 60)})
    for field, allowed in (spec.enums or {}).items():
        present = value.get(field)
        if present is not None and present not in allowed:
            add(
                field,
                _("De waarde %(value)s is niet toegestaan. Kies uit: %(allowed)s.")
                % {"value": _text(present, 60), "allowed": ", ".join(allowed)},
            )
    structured = set((spec.lists or {}) | (spec.objects or {})) | set(spec.numbers)
    for field, present in value.items():
        if field in structured or present is None:
            continue
        if not isinstance(present, str):
            if isinstance(present, (dict, list)):
                add(field, _("Hier wordt tekst verwacht, geen lijst of object."))
            continue
        if "\x00" in present:
            add(field, _("De tekst bevat een ongeldig teken (NUL)."))
        limit = (spec.max_lengths or {}).get(field, MAX_TEXT)
        if len(present) > limit:
            add(
                field,
                _("De tekst is te lang: %(length)s tekens, hoogstens %(max)s.")
                % {"length": len(present), "max": limit},
            )
    return found


# --- Values our models need, parsed with a Dutch reason when they do not fit -------------------


class Invalid(ValueError):
    """A value that does not fit; str() is the Dutch reason."""


def parse_uuid(value) -> uuid.UUID:
    return uuid.UUID(str(value))


def parse_date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise Invalid(
            _("Dit is geen geldige datum (verwacht: JJJJ-MM-DD): %(value)s.")
            % {"value": _text(value, 40)}
        ) from None


def parse_time(value) -> datetime.time | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    # HSDS allows an offset (10:00:00+01:00 or Z); the wall-clock time is what we keep.
    text = re.sub(r"(Z|[+-]\d{2}:?\d{2})$", "", text)
    try:
        return datetime.time.fromisoformat(text)
    except ValueError:
        raise Invalid(
            _("Dit is geen geldige tijd (verwacht: UU:MM): %(value)s.")
            % {"value": _text(value, 40)}
        ) from None


def valid_url(value: str) -> bool:
    try:
        URLValidator()(value)
    except ValidationError:
        return False
    return True
