"""Placing an imported address in a Dutch municipality (and so in its province and region).

HSDS lets `state_province`, `region`, `city` and even `postal_code` be empty, and spells the country
as each producer likes ("NL", "Nederland", "the Netherlands"). Our Location needs a municipality,
so it is derived, in this order, each step with a note for the import report:

1. `region` or `city` naming a municipality (our export writes the municipality in `region`);
2. the PC4 postcode: the town of its centroid (places.PostcodeArea) when that is a municipality,
   else the municipality whose namesake town has the nearest centroid;
3. the coordinates: the nearest PC4 centroid (within MAX_KM), then as for the postcode.

An address in another country, or one that none of these places, is not placed: Placement.reason
says why in Dutch, and the offers there stay drafts (importer.publishing)."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ontwikkelplein.places.geo import distance_km, normalise_postcode
from ontwikkelplein.places.models import Municipality, PostcodeArea

# How producers spell the Netherlands (compared lower case, without dots and extra spaces).
DUTCH_COUNTRIES = {
    "nl",
    "nld",
    "528",
    "nederland",
    "netherlands",
    "the netherlands",
    "netherlands the",
    "netherlands (the)",
    "holland",
    "kingdom of the netherlands",
    "koninkrijk der nederlanden",
    "pays-bas",
    "niederlande",
    "países bajos",
}
# The Netherlands (Europe) in degrees, with a margin for the coast and the islands.
BOUNDS = (50.6, 53.7, 3.2, 7.3)
MAX_KM = 10.0  # coordinates farther than this from any Dutch postcode centroid are not placed


@dataclass
class Placement:
    municipality: Municipality | None = None
    note: str = ""  # how the municipality was found, when not written in the address
    reason: str = ""  # why it could not be placed (then municipality is None)
    town: str = ""  # the PC4 town, for an empty city
    latitude: float | None = None  # a PC4 centroid, for a location without coordinates
    longitude: float | None = None


def country_is_dutch(country) -> bool:
    text = " ".join(str(country or "").replace(".", " ").replace(",", " ").lower().split())
    return not text or text in DUTCH_COUNTRIES


def in_the_netherlands(latitude, longitude) -> bool:
    return (
        isinstance(latitude, (int, float))
        and isinstance(longitude, (int, float))
        and not isinstance(latitude, bool)
        and not isinstance(longitude, bool)
        and BOUNDS[0] <= latitude <= BOUNDS[1]
        and BOUNDS[2] <= longitude <= BOUNDS[3]
    )


class PlaceFinder:
    """Reads the municipalities and PC4 centroids once per import run."""

    def __init__(self):
        self.municipalities: dict[str, Municipality] = {}
        for municipality in Municipality.objects.select_related("province"):
            self.municipalities.setdefault(municipality.name.lower(), municipality)
        self.areas = {
            a.pc4: (a.town, a.latitude, a.longitude)
            for a in PostcodeArea.objects.only("pc4", "town", "latitude", "longitude")
        }
        # Centroids of the postcodes whose town is a municipality of the same name.
        self.namesakes = [
            (lat, lon, self.municipalities[town.lower()])
            for town, lat, lon in self.areas.values()
            if town.lower() in self.municipalities
        ]

    def by_name(self, name) -> Municipality | None:
        return self.municipalities.get(str(name or "").strip().lower())

    def _nearest_namesake(self, latitude, longitude) -> Municipality | None:
        if not self.namesakes:
            return None
        best = min(self.namesakes, key=lambda n: distance_km(latitude, longitude, n[0], n[1]))
        return best[2]

    def _from_area(self, town, latitude, longitude) -> tuple[Municipality | None, bool]:
        """The municipality of a PC4 area, and whether it was only estimated."""
        municipality = self.by_name(town)
        if municipality is not None:
            return municipality, False
        return self._nearest_namesake(latitude, longitude), True

    def place(self, address: dict, latitude=None, longitude=None) -> Placement:
        address = address if isinstance(address, dict) else {}
        country = address.get("country")
        if not country_is_dutch(country):
            return Placement(
                reason=_("Het adres ligt niet in Nederland (land: %(country)s).")
                % {"country": str(country)[:60]}
            )
        for key in ("region", "city"):
            municipality = self.by_name(address.get(key))
            if municipality is not None:
                return Placement(municipality)
        raw = "".join(str(address.get("postal_code") or "").split()).upper()
        postcode = normalise_postcode(raw) or ""
        # A full postcode (3811 MG), or only its four digits (3811), as some producers send it.
        pc4 = postcode[:4] if len(postcode) == 7 else raw if re.fullmatch(r"\d{4}", raw) else ""
        area = self.areas.get(pc4) if pc4 else None
        if area is not None:
            town, lat, lon = area
            municipality, estimated = self._from_area(town, lat, lon)
            if municipality is not None:
                note = (
                    _(
                        "Gemeente %(name)s (provincie %(province)s) geschat uit de postcode: "
                        "controleer het."
                    )
                    if estimated
                    else _("Gemeente %(name)s (provincie %(province)s) afgeleid uit de postcode.")
                )
                return Placement(
                    municipality,
                    note=note % {"name": municipality.name, "province": municipality.province.name},
                    town=town,
                    latitude=lat,
                    longitude=lon,
                )
        if in_the_netherlands(latitude, longitude):
            pc4, (town, lat, lon) = (
                min(
                    self.areas.items(),
                    key=lambda item: distance_km(latitude, longitude, item[1][1], item[1][2]),
                )
                if self.areas
                else (None, ("", 0.0, 0.0))
            )
            if pc4 is not None and distance_km(latitude, longitude, lat, lon) <= MAX_KM:
                municipality, _estimated = self._from_area(town, lat, lon)
                if municipality is not None:
                    return Placement(
                        municipality,
                        note=_(
                            "Gemeente %(name)s (provincie %(province)s) afgeleid uit de "
                            "coördinaten (postcodegebied %(pc4)s): controleer het."
                        )
                        % {
                            "name": municipality.name,
                            "province": municipality.province.name,
                            "pc4": pc4,
                        },
                        town=town,
                    )
        return Placement(
            reason=_(
                "De plek kon niet worden bepaald: het adres heeft geen bekende Nederlandse "
                "gemeente, postcode of coördinaten."
            )
        )
