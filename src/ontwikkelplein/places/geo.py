"""Where is the resident? Turns a postcode or place name into a point, and measures distances.
Distances use an equirectangular approximation: within the Netherlands it is accurate to well
under 1%, and the same arithmetic runs in SQL on SQLite and PostgreSQL (see catalogue.search)."""

import math
import re
from dataclasses import dataclass

from django.db.models import Avg

from ontwikkelplein.places.models import PostcodeArea

KM_PER_DEGREE = 111.195  # mean Earth radius 6371.0 km * pi / 180
POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})?\s*$")


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
    """A postcode (PC4 or PC6; the PC4 centroid is used) or a town name; None when unknown."""
    text = (text or "").strip()
    if not text:
        return None
    postcode = normalise_postcode(text)
    if postcode:
        area = PostcodeArea.objects.filter(pc4=postcode[:4]).first()
        if area is None:
            return None
        return Place(label=postcode, latitude=area.latitude, longitude=area.longitude)
    centre = PostcodeArea.objects.filter(town__iexact=text).aggregate(
        lat=Avg("latitude"), lon=Avg("longitude")
    )
    if centre["lat"] is None:
        return None
    name = PostcodeArea.objects.filter(town__iexact=text).values_list("town", flat=True).first()
    return Place(label=name, latitude=centre["lat"], longitude=centre["lon"])


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    dy = lat2 - lat1
    return KM_PER_DEGREE * math.hypot(dx, dy)
