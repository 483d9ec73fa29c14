"""BoekStart in the demo: a year of registrations at every demo library's locations (vouchers,
cases, first memberships, with a postcode area near the location), and births for the demo
municipalities so that the reach has something to set the cases against.

The births are DEMO NUMBERS, not CBS figures: they are made up from the demo's own case counts
and carry the source "Demo-aantal, geen CBS-cijfer" on every row of the figures page. Real
figures come from CBS StatLine with `manage.py load_births` (docs/desk-knowledge.md)."""

import datetime
import math
import random

from django.db import transaction

from ontwikkelplein.boekstart.models import Births, Kind, Registration, Via
from ontwikkelplein.demo import data
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.organisations.models import Location
from ontwikkelplein.places.models import PostcodeArea

SEED = 18
DAYS = 365
DEMO_SOURCE = "Demo-aantal, geen CBS-cijfer"
# Cases a day at a main branch, by weekday (Monday first); smaller locations get fewer.
PER_WEEKDAY = [2, 2, 2, 1, 2, 3, 0]
VIA = [(Via.CLINIC, 6), (Via.MUNICIPALITY, 3), (Via.UNKNOWN, 1)]


def _near_postcodes(location, areas, count=6) -> list[str]:
    if location.latitude is None or location.longitude is None:
        return [""]
    lat, lon = location.latitude, location.longitude
    scale = math.cos(math.radians(lat))

    def distance(area):
        return (area.latitude - lat) ** 2 + ((area.longitude - lon) * scale) ** 2

    return [a.pc4 for a in sorted(areas, key=distance)[:count]] or [""]


@transaction.atomic
def load_boekstart(today: datetime.date, days: int = DAYS) -> int:
    rng = random.Random(SEED)
    areas = list(PostcodeArea.objects.all())
    start = today - datetime.timedelta(days=days)
    rows = []
    cases_per_municipality = {}
    for spec in data.LIBRARIES:
        ids = [demo_uuid("location", spec[k]) for k in ("main", "second") if spec.get(k)]
        found = Location.objects.in_bulk(ids)
        locations = [found[i] for i in ids if i in found]
        for rank, location in enumerate(locations):
            postcodes = _near_postcodes(location, areas)
            Registration.objects.filter(
                location=location, registered_by__isnull=True, day__gte=start
            ).delete()
            for offset in range(days, 0, -1):
                day = today - datetime.timedelta(days=offset)
                most = PER_WEEKDAY[day.weekday()] if rank == 0 else PER_WEEKDAY[day.weekday()] // 2
                for _ in range(rng.randint(0, most)):
                    postcode = rng.choice(postcodes)
                    via = rng.choices([v for v, _w in VIA], [w for _v, w in VIA])[0]
                    rows.append(
                        Registration(
                            organisation_id=location.organisation_id,
                            location=location,
                            kind=Kind.VOUCHER,
                            via=via,
                            day=day,
                            postcode_area=postcode,
                        )
                    )
                    rows.append(
                        Registration(
                            organisation_id=location.organisation_id,
                            location=location,
                            kind=Kind.CASE,
                            day=day,
                            postcode_area=postcode,
                        )
                    )
                    if rng.random() < 0.85:
                        rows.append(
                            Registration(
                                organisation_id=location.organisation_id,
                                location=location,
                                kind=Kind.MEMBERSHIP,
                                day=day,
                                postcode_area=postcode,
                            )
                        )
                    if location.municipality_id:
                        cases_per_municipality[location.municipality_id] = (
                            cases_per_municipality.get(location.municipality_id, 0) + 1
                        )
    Registration.objects.bulk_create(rows, batch_size=500)
    for municipality_id, cases in cases_per_municipality.items():
        # Demo births: as if the library reached between 40 and 75 percent of the babies.
        births = max(cases, round(cases / rng.uniform(0.4, 0.75)))
        for year in (today.year - 1, today.year):
            Births.objects.update_or_create(
                municipality_id=municipality_id,
                year=year,
                defaults={"count": births, "source": DEMO_SOURCE},
            )
    return len(rows)
