"""Reading what someone typed into the leeswijzer: an age ("boek voor een kind van 4", "4 jaar",
"18 maanden", "peuter", "groep 5"), an AVI level ("M4", "AVI E3", "start", "plus") or a label
code ("AP", "e"). Pure Python, no database: any text gives a Question, never an error."""

import re
from dataclasses import dataclass

from ontwikkelplein.readingguide.models import AVI_LEVELS

MAX_LENGTH = 200
MAX_AGE = 120  # older is not an age someone means; treated as not understood

AGE = "age"
AVI = "avi"
CODE = "code"
NOTHING = ""

# Words for an age, as parents say them (years).
AGE_WORDS = {
    "baby": 0,
    "babys": 0,
    "baby's": 0,
    "zuigeling": 0,
    "dreumes": 1,
    "dreumesen": 1,
    "peuter": 2,
    "peuters": 2,
    "kleuter": 4,
    "kleuters": 4,
    "tiener": 13,
    "tieners": 13,
    "puber": 13,
    "pubers": 13,
}

_AVI = re.compile(r"(?<![a-z0-9])(?:avi[\s\-:]*)?(start|plus|[me]\s?[3-7])(?![a-z0-9])")
_AVI_S = re.compile(r"(?<![a-z0-9])avi[\s\-:]*s(?![a-z0-9])")
_MONTHS = re.compile(r"(?<!\d)(\d{1,3})\s*(?:maanden|maand|mnd|mnden)(?![a-z])")
_GROUP = re.compile(r"(?<![a-z])groep\s*(\d{1,2})(?!\d)")
_YEARS = re.compile(r"(?<!\d)(\d{1,3})(?!\d)")
_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Question:
    kind: str = NOTHING  # AGE, AVI, CODE or NOTHING
    age: int | None = None  # years
    months: int | None = None  # when the age was given in months
    avi: str = ""  # one of AVI_LEVELS
    code: str = ""  # as typed, upper case
    text: str = ""  # the cleaned text


def clean(text) -> str:
    """Printable text of at most MAX_LENGTH characters, lower case, single spaces."""
    if not isinstance(text, str):
        return ""
    text = "".join(ch if ch.isprintable() else " " for ch in text[: MAX_LENGTH * 2])
    text = text.encode("utf-8", "ignore").decode("utf-8")
    return " ".join(text.lower().split())[:MAX_LENGTH]


def parse(text, codes=()) -> Question:
    """The question in `text`. `codes` are the label codes of the table in use (any case)."""
    cleaned = clean(text)
    if not cleaned:
        return Question()
    avi = _AVI.search(cleaned)
    if avi:
        value = avi.group(1).replace(" ", "")
        level = next(level for level in AVI_LEVELS if level.lower() == value)
        return Question(AVI, avi=level, text=cleaned)
    if _AVI_S.search(cleaned):
        return Question(AVI, avi="Start", text=cleaned)
    months = _MONTHS.search(cleaned)
    if months:
        count = int(months.group(1))
        if count <= MAX_AGE * 12:
            return Question(AGE, age=count // 12, months=count, text=cleaned)
    group = _GROUP.search(cleaned)
    if group and 1 <= int(group.group(1)) <= 8:
        # Group 1 of primary school is the year a child turns 4 or 5: group n is about n + 3.
        return Question(AGE, age=int(group.group(1)) + 3, text=cleaned)
    years = _YEARS.search(cleaned)
    if years and int(years.group(1)) <= MAX_AGE:
        return Question(AGE, age=int(years.group(1)), text=cleaned)
    words = _WORD.findall(cleaned)
    for word in words:
        if word in AGE_WORDS:
            return Question(AGE, age=AGE_WORDS[word], text=cleaned)
    known = {c.lower(): c for c in codes}
    for word in words:
        if word in known:
            return Question(CODE, code=known[word].upper(), text=cleaned)
    return Question(text=cleaned)
