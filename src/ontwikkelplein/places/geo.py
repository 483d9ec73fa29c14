"""Where is the resident? Turns a postcode or place name into a point, and measures distances.
Distances use an equirectangular approximation: within the Netherlands it is accurate to well
under 1%, and the same arithmetic runs in SQL on SQLite and PostgreSQL (see catalogue.search)."""

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.db.models import Avg
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ontwikkelplein.places.models import PostcodeArea

KM_PER_DEGREE = 111.195  # mean Earth radius 6371.0 km * pi / 180
POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$")
# Names residents use for a town that the postcode data spells otherwise (alias -> town).
PLACE_ALIASES = {
    "Den Haag": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
}
# A postcode next to other words ("3811 AB Amersfoort", "Amersfoort, 3811").
ADDRESS_POSTCODE_RE = re.compile(r"(?:^|[\s,])([1-9][0-9]{3}(?:\s?[a-zA-Z]{2})?)(?=$|[\s,])")
# Typed place names longer than this are not compared (a sentence is not a place name).
MAX_PLACE_NAME = 60
# A correction is used directly only when every rival has this many times fewer PC4 areas.
DOMINANT_SIZE = 10


@dataclass(frozen=True)
class Place:
    label: str
    latitude: float
    longitude: float


def normalise_postcode(text: str) -> str | None:
    """'3811ab' -> '3811 AB', '3811' -> '3811'; None when it is not a Dutch postcode."""
    match = POSTCODE_RE.match(text or "")
    if not match:
        return None
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}" if letters else digits


def resolve_place(text: str) -> Place | None:
    """A postcode (PC4 or PC6; the PC4 centroid is used) or a town name; None when unknown.
    Control characters and unpaired surrogates are dropped (PostgreSQL refuses NUL)."""
    text = _printable(text or "").strip()
    if not text:
        return None
    postcode = normalise_postcode(text)
    if postcode:
        area = PostcodeArea.objects.filter(pc4=postcode[:4]).first()
        if area is None:
            return None
        return Place(label=postcode, latitude=area.latitude, longitude=area.longitude)
    alias = _ALIASES_BY_KEY.get(_key(text))
    town = alias[1] if alias else text
    centre = PostcodeArea.objects.filter(town__iexact=town).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude")
    )
    if centre["lat"] is None:
        return None
    name = PostcodeArea.objects.filter(town__iexact=town).values_list("town", flat=True).first()
    return Place(label=alias[0] if alias else name, latitude=centre["lat"], longitude=centre["lon"])


# --- Place names with typing errors ("Amersfort", "Utrect", "Den Hag") ---


@dataclass(frozen=True)
class PlaceMatch:
    """What a typed place came to. `place` is None when it is unknown; then `suggestion` may
    name the known place the resident most likely meant. `corrected` is True when `place` is a
    very close, unambiguous correction of what was typed (say so: "We zoeken bij Amersfoort")."""

    place: Place | None
    suggestion: str = ""
    corrected: bool = False


def _printable(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cs"))


def _key(text: str) -> str:
    """How names are compared: no accents, lower case, only letters and digits ('s-Gravenhage
    and s gravenhage are the same)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[^\W_]+", text))


_ALIASES_BY_KEY = {_key(alias): (alias, town) for alias, town in PLACE_ALIASES.items()}


def _max_edits(length: int) -> int:
    """Typing errors allowed in a name of this many letters: 1 up to 5 letters, 2 up to 10,
    then 3. Names under 3 letters are not guessed at."""
    if length < 3:
        return 0
    return 1 if length <= 5 else 2 if length <= 10 else 3


def _known_names() -> dict[str, tuple[str, int]]:
    """Every known place name by its key: (the name to show, how many PC4 areas it has).
    The aliases count with their town's areas."""
    counts = Counter(PostcodeArea.objects.exclude(town="").values_list("town", flat=True))
    names: dict[str, tuple[str, int]] = {}
    for town, count in counts.items():
        key = _key(town)
        if key and count > names.get(key, ("", 0))[1]:
            names[key] = (town, count)
    for key, (alias, town) in _ALIASES_BY_KEY.items():
        if town in counts:
            names[key] = (alias, counts[town])
    return names


def _ranked_candidates(text: str) -> list[tuple[int, int, str]]:
    """(typing errors, -PC4 areas, name) of the known names within the allowed typing errors,
    best first: fewest errors, then the larger place."""
    key = _key(text)
    if not key or len(key) > MAX_PLACE_NAME or normalise_postcode(text):
        return []
    limit = _max_edits(len(key))
    if not limit:
        return []
    names = _known_names()
    found = process.extract(key, list(names), scorer=OSA.distance, score_cutoff=limit, limit=None)
    return sorted((distance, -names[name][1], names[name][0]) for name, distance, _i in found)


def suggest_place(text: str) -> str | None:
    """The known place name closest to `text` ("Amersfort" -> "Amersfoort", "Den Hag" ->
    "Den Haag"), or None when nothing is close enough. Never raises, whatever the text."""
    candidates = _ranked_candidates(text or "")
    return candidates[0][2] if candidates else None


def find_place(text: str) -> PlaceMatch:
    """resolve_place, and for a name it does not know: the place itself when one known name is
    a single typing error away (at least 5 letters typed) and no other name within two errors
    comes close to it in size (DOMINANT_SIZE times fewer postcode areas: "Den Hag" is Den Haag,
    not Den Ham); otherwise a suggestion to offer the resident."""
    place = resolve_place(text)
    if place is not None or not (text or "").strip():
        return PlaceMatch(place)
    # A whole address line, "3811 AB Amersfoort" or "Amersfoort 3811": its postcode decides.
    postcode = ADDRESS_POSTCODE_RE.search(_printable(text))
    if postcode:
        place = resolve_place(postcode.group(1))
        if place is not None:
            return PlaceMatch(place, suggestion=place.label, corrected=True)
    candidates = _ranked_candidates(text)
    if not candidates:
        return PlaceMatch(None)
    errors, size, name = candidates[0]
    unambiguous = all(
        other_errors > errors + 1 or other_size * DOMINANT_SIZE > size  # sizes are negative
        for other_errors, other_size, _other in candidates[1:]
    )
    if errors == 1 and unambiguous and len(_key(text)) >= 5:
        corrected = resolve_place(name)
        if corrected is not None:
            return PlaceMatch(corrected, suggestion=name, corrected=True)
    return PlaceMatch(None, suggestion=name)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    dy = lat2 - lat1
    return KM_PER_DEGREE * math.hypot(dx, dy)
