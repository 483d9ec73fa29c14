"""Likely duplicates between sources: a new offer from the file that we already have under
another id. The same organisation, a shared place (the same location, or one at the same postcode
and house number) and the same or a very similar title (rapidfuzz, TITLE_SCORE or more).

The writer asks `DuplicateFinder.find()` for every offer it creates; what it finds goes into the
report (a note, and ImportReport.duplicates, which opendata.services stores as LikelyDuplicate
rows for staff to merge or keep). Pairs that staff kept apart are not reported again; an id that
was merged into one of ours is read as that offer (`alias`)."""

from rapidfuzz import fuzz, utils

from ontwikkelplein.opendata.models import DuplicateStatus, LikelyDuplicate
from ontwikkelplein.organisations.models import Location

TITLE_SCORE = 85  # token_sort_ratio: "Klik en Tik" ~ "Klik & Tik", not "Taalcafé" ~ "Taalles"


def _address_key(location) -> tuple[str, str] | None:
    postcode = "".join(str(location.postcode or "").split()).upper()
    number = "".join(str(location.house_number or "").split()).lower()
    return (postcode, number) if postcode and number else None


class DuplicateFinder:
    def __init__(self):
        # organisation id -> (offers per location id, location ids per address)
        self.by_org: dict = {}
        decided = LikelyDuplicate.objects.exclude(status=DuplicateStatus.OPEN).values_list(
            "imported_id", "ours_id", "status"
        )
        self.kept = set()
        self.aliases = {}
        for imported_id, ours_id, status in decided:
            if status == DuplicateStatus.MERGED:
                self.aliases[str(imported_id)] = ours_id
            else:
                self.kept.add((str(imported_id), ours_id))

    def alias(self, service_id: str):
        """Our offer id for an HSDS id that staff merged into it, else None."""
        return self.aliases.get(str(service_id))

    def _organisation(self, organisation_id):
        """Offers of the organisation as they were before this run (read once)."""
        if organisation_id not in self.by_org:
            from ontwikkelplein.catalogue.models import OfferLocation

            offers_at = {}
            for location_id, offer_id, title in OfferLocation.objects.filter(
                offer__organisation_id=organisation_id, location__isnull=False
            ).values_list("location_id", "offer_id", "offer__title"):
                offers_at.setdefault(location_id, {})[offer_id] = title
            at_address = {}
            for location in Location.objects.filter(organisation_id=organisation_id).only(
                "id", "postcode", "house_number"
            ):
                key = _address_key(location)
                if key:
                    at_address.setdefault(key, set()).add(location.pk)
            self.by_org[organisation_id] = (offers_at, at_address)
        return self.by_org[organisation_id]

    def find(self, offer, locations) -> list[tuple[object, str, int]]:
        """(our offer id, our title, score) for each likely duplicate of a new offer."""
        if not locations:
            return []
        offers_at, at_address = self._organisation(offer.organisation_id)
        if not offers_at:
            return []
        location_ids = set()
        for location in locations:
            location_ids.add(location.pk)
            key = _address_key(location)
            if key:
                location_ids |= at_address.get(key, set())
        candidates = {}
        for location_id in location_ids:
            candidates.update(offers_at.get(location_id, {}))
        found = []
        for offer_id, title in candidates.items():
            if offer_id == offer.pk or (str(offer.pk), offer_id) in self.kept:
                continue
            score = round(
                fuzz.token_sort_ratio(offer.title, title, processor=utils.default_process)
            )
            if score >= TITLE_SCORE:
                found.append((offer_id, title, score))
        return sorted(found, key=lambda item: -item[2])
