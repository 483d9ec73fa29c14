"""Field mapping helpers shared by the writers: HSDS values as our field values (ids, URLs,
phone numbers, addresses, descriptions, sign-up and requirements), and assign() that sets
only what differs, so updated_at moves only for real changes."""

import re
import uuid

from django.core.exceptions import ValidationError

from ontwikkelplein.catalogue.models import Requirement, SignUp
from ontwikkelplein.core.person import clean_phone
from ontwikkelplein.opendata.importer.rules import valid_url

PHONE_COLUMN = 30  # Offer.contact_phone, Organisation.phone
HOUSE_NUMBER_RE = re.compile(r"^(?P<street>.+?)\s+(?P<number>\d\S*(?:\s+[A-Za-z]{1,3})?)$")


def as_uuid(value) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def assign(instance, values: dict, keep_blank=()) -> bool:
    """Set the values (plain fields and *_id columns) that differ; True when any did."""
    changed = False
    for name, value in values.items():
        if name in keep_blank and value in ("", None):
            continue
        if getattr(instance, name, None) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def clean_url(value) -> str:
    value = (value or "").strip()
    return value if value and len(value) <= 200 and valid_url(value) else ""


def first_number(phones) -> str:
    for phone in phones or []:
        if isinstance(phone, dict) and phone.get("number"):
            return str(phone["number"])
    return ""


def first_phone(obj) -> str:
    return import_phone(first_number(obj.get("phones")))


def import_phone(raw: str) -> str:
    """A phone number in any of the usual notations (+31 6 1234 5678, 06-12345678,
    0031 30 123 4567, (030) 123 45 67) is kept as written, so a round trip changes nothing (pages
    format it with core.person.format_phone); one longer than our column becomes its national
    digits (core.person.clean_phone) when it is a Dutch number, else it is cut off."""
    raw = " ".join(str(raw or "").split())
    if len(raw) <= PHONE_COLUMN:
        return raw
    try:
        return clean_phone(raw)
    except ValidationError:
        return raw[:PHONE_COLUMN]


def isil_of(obj) -> str:
    for identifier in obj.get("organization_identifiers") or []:
        if (
            isinstance(identifier, dict)
            and str(identifier.get("identifier_scheme", "")).upper() == "ISIL"
        ):
            return str(identifier.get("identifier") or "")[:20]
    return ""


def main_address(obj) -> dict:
    addresses = [a for a in obj.get("addresses") or [] if isinstance(a, dict)]
    for kind in ("physical", "postal"):
        for address in addresses:
            if address.get("address_type") == kind:
                return address
    return addresses[0] if addresses else {}


def split_street(line: str) -> tuple[str, str]:
    line = line.strip()
    match = HOUSE_NUMBER_RE.match(line)
    if match:
        return match["street"].strip(), match["number"].strip()
    return line, ""


def split_description(text: str) -> tuple[str, str]:
    """opendata.hsds writes the one-line summary as the first paragraph of the description."""
    if "\n\n" in text:
        first, rest = text.split("\n\n", 1)
        if first.strip() and len(first) <= 200 and rest.strip():
            return first, rest
    text = text.strip()
    first_sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    summary = first_sentence if len(first_sentence) <= 200 else first_sentence[:199] + "…"
    return summary, text


def parse_sign_up(text: str) -> tuple[str, str]:
    text = text.strip()
    if not text:
        return SignUp.WALK_IN, ""
    first, _sep, rest = text.partition("\n\n")
    label = first.strip().rstrip(".")
    for value, name in SignUp.choices:
        if label.lower() in (str(name).lower(), value):
            return value, rest.strip()
    return SignUp.REGISTRATION, text


def parse_requirements(documents) -> tuple[list[str], str]:
    labels = {str(label).lower(): value for value, label in Requirement.choices}
    codes, other = [], []
    for document in documents:
        if not isinstance(document, dict):
            continue
        text = (document.get("document") or "").strip()
        if not text:
            continue
        code = labels.get(text.lower()) or (text if text in Requirement.values else None)
        if code and code not in codes:
            codes.append(code)
        elif not code:
            other.append(text)
    return codes, "; ".join(other)
