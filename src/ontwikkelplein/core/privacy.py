"""One detector of personal data in free text that must stay anonymous: the note of a desk
registration (desk.services.check_note), an impact story (impact.services.check_story).

It finds what a visitor may have shown or told: a burgerservicenummer (BSN), an e-mail address,
a phone number, a postcode with a house number and, where asked, a name after "meneer"/"mevrouw"
or any long number (an account or client number). The patterns lean towards refusing: a false
alarm costs the author a few seconds, a stored BSN cannot be taken back.

Pure Python and without database access, so services, API and forms share one rule."""

import re
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    BSN = "bsn"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    NUMBER = "number"
    NAME = "name"


# How each kind is named in the message, in the order the message lists them.
KIND_NAMES = {
    Kind.BSN: _("een burgerservicenummer (BSN)"),
    Kind.EMAIL: _("een e-mailadres"),
    Kind.PHONE: _("een telefoonnummer"),
    Kind.ADDRESS: _("een adres (postcode met huisnummer)"),
    Kind.NUMBER: _("een ander persoonsnummer"),
    Kind.NAME: _("een naam"),
}


@dataclass(frozen=True)
class Finding:
    kind: Kind
    text: str  # the matched text, for tests and logs; never stored


# Digits, optionally split by single spaces, dots or dashes: "123.456.782", "06 12 34 56 78".
_NUMBER_RUN = re.compile(r"(?<!\d)\d(?:[ .\-]?\d)*(?!\d)")
_GROUP_SPLIT = re.compile(r"[ .\-]")

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}")
# International phone numbers written with a country code: +31 6 12345678, 0031 (0)33 1234567.
_INTERNATIONAL_PHONE = re.compile(r"(?:\+|\b00)[1-9][\d ()\-.]{6,20}\d")

# A Dutch postcode (four digits, the first not 0, and two letters) next to a house number.
# Letters in capitals, or lower case written against the digits ("3811ab"): "1000 en 12"
# is a sentence, not an address.
_POSTCODE = r"[1-9]\d{3}(?:[ ]?[A-Z]{2}|[a-z]{2})"
_HOUSE_NUMBER = r"\d{1,5}(?:[ \-]?[A-Za-z]{1,2}\b|[ \-]\d{1,4}\b)?"
_POSTCODE_THEN_NUMBER = re.compile(rf"\b{_POSTCODE}\b[ ,]*(?:nr\.?|nummer)?[ ]*\d{{1,5}}(?!\d)")
_STREET_NUMBER_THEN_POSTCODE = re.compile(
    rf"\b[A-Za-z][\w'\-]*[ ]+{_HOUSE_NUMBER}[ ]*,?[ ]*{_POSTCODE}\b"
)


# A title followed by a capitalised word: "meneer Jansen", "mw. De Vries".
_TITLE_NAME = re.compile(
    r"\b(?:meneer|mevrouw|mevr\.?|dhr\.?|mw\.?|mr\.?|mrs\.?)\s+[A-Z][\w'\-]+", re.IGNORECASE
)
# With long_numbers: eight or more digits in a row are a personal number of some kind (an
# account, client or case number), not something a story needs.
LONG_NUMBER_DIGITS = 8


def _elfproef(digits: str) -> bool:
    """The BSN check ("elfproef"): 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11."""
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _windows(run: str, length: int):
    """The digits of consecutive groups of `run` that add up to exactly `length` digits,
    starting at each group: "kamer 12 123456782" holds "123456782"."""
    groups = [g for g in _GROUP_SPLIT.split(run) if g]
    for start in range(len(groups)):
        digits = ""
        for group in groups[start:]:
            digits += group
            if len(digits) == length:
                yield digits
            if len(digits) >= length:
                break


def _has_dutch_phone(run: str) -> bool:
    """Ten digits starting with 0 and then not 0: 06-12345678, 033 123 45 67, 020-1234567.
    Service numbers (0800, 0900) have 8 or 11 digits and pass."""
    return any(d[0] == "0" and d[1] != "0" for d in _windows(run, 10))


def _has_bsn(run: str) -> bool:
    return any(_elfproef(d) for d in _windows(run, 9))


def find_personal_data(
    text: str, *, names: bool = False, long_numbers: bool = False
) -> list[Finding]:
    """Everything in `text` that looks like personal data, ordered by kind. `names` also finds
    a name after a title; `long_numbers` any run of eight or more digits that is not already
    a phone number or BSN."""
    findings: list[Finding] = []
    if not text:
        return findings
    international = [
        m
        for m in _INTERNATIONAL_PHONE.finditer(text)
        if 8 <= len(re.sub(r"\D", "", m.group())) <= 16
    ]
    findings += [Finding(Kind.PHONE, m.group()) for m in international]
    for match in _NUMBER_RUN.finditer(text):
        if any(m.start() <= match.start() < m.end() for m in international):
            continue  # part of a number with a country code: a phone number, not a BSN
        run = match.group()
        if _has_dutch_phone(run):
            findings.append(Finding(Kind.PHONE, run))
        if _has_bsn(run):
            findings.append(Finding(Kind.BSN, run))
        if (
            long_numbers
            and not findings_in(findings, run)
            and len(re.sub(r"\D", "", run)) >= LONG_NUMBER_DIGITS
        ):
            findings.append(Finding(Kind.NUMBER, run))
    findings += [Finding(Kind.EMAIL, m.group()) for m in _EMAIL.finditer(text)]
    for pattern in (_POSTCODE_THEN_NUMBER, _STREET_NUMBER_THEN_POSTCODE):
        findings += [Finding(Kind.ADDRESS, m.group()) for m in pattern.finditer(text)]
    if names:
        findings += [Finding(Kind.NAME, m.group()) for m in _TITLE_NAME.finditer(text)]
    order = list(KIND_NAMES)
    return sorted(findings, key=lambda f: order.index(f.kind))


def findings_in(findings: list[Finding], run: str) -> bool:
    return any(f.text == run for f in findings)


def found_kinds(text: str, **options) -> list[Kind]:
    kinds: list[Kind] = []
    for finding in find_personal_data(text, **options):
        if finding.kind not in kinds:
            kinds.append(finding.kind)
    return kinds


def _dutch_list(items: list) -> object:
    if len(items) == 1:
        return items[0]
    head = format_lazy("{}" + ", {}" * (len(items) - 2), *items[:-1])
    return format_lazy(_("{head} en {last}"), head=head, last=items[-1])


def refuse_personal_data(text: str, message, **options) -> None:
    """Raises ValidationError (code "personal_data") with `message`, whose %(found)s names the
    kinds of personal data the text seems to hold ("een e-mailadres en een telefoonnummer")."""
    kinds = found_kinds(text, **options)
    if not kinds:
        return
    raise ValidationError(
        message,
        code="personal_data",
        params={"found": _dutch_list([KIND_NAMES[k] for k in kinds])},
    )
