"""A short check for personal data in a story. Stories are free text and must not let anyone
recognise the person: no e-mail address, phone number, BSN-like number, postcode with house
number, or a name after "meneer"/"mevrouw". The check leans towards refusing; the form also asks
the author not to write names (names in general cannot be recognised reliably)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}")
# Runs of digits with single spaces, dots or dashes: "06-12345678", "123 456 782".
_NUMBER_RUN = re.compile(r"(?<!\d)\+?\d(?:[ .\-]?\d)*(?!\d)")
_POSTCODE_NUMBER = re.compile(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b[ ,]*\d{1,5}")
_TITLE_NAME = re.compile(
    r"\b(?:meneer|mevrouw|mevr\.?|dhr\.?|mw\.?|mr\.?|mrs\.?)\s+[A-Z][\w'\-]+", re.IGNORECASE
)

KINDS = {
    "email": _("een e-mailadres"),
    "number": _("een telefoonnummer of ander persoonsnummer"),
    "address": _("een adres"),
    "name": _("een naam"),
}


def found_kinds(text: str) -> list[str]:
    kinds = []
    if _EMAIL.search(text):
        kinds.append("email")
    # Eight or more digits in a row is a phone number, BSN or account number, not a story.
    if any(len(re.sub(r"\D", "", m.group())) >= 8 for m in _NUMBER_RUN.finditer(text)):
        kinds.append("number")
    if _POSTCODE_NUMBER.search(text):
        kinds.append("address")
    if _TITLE_NAME.search(text):
        kinds.append("name")
    return kinds


def check_story(text: str) -> None:
    kinds = found_kinds(text)
    if kinds:
        raise ValidationError(
            _(
                "Het verhaal lijkt persoonsgegevens te bevatten (%(found)s). Haal dat weg: een "
                "verhaal is anoniem, niemand mag de persoon kunnen herkennen."
            ),
            code="personal_data",
            params={"found": ", ".join(str(KINDS[k]) for k in kinds)},
        )
