"""Open-data benchmark: an HSDS import of --services services, and paging through
/api/hsds/services at that size, each beside a floor measured in the same run.

    .venv/bin/python bench/opendata.py --engine sqlite
    bash scripts/with-postgres.sh .venv/bin/python bench/opendata.py --engine postgres

It builds a fresh database like bench/run.py (SQLite: a file in a temporary folder; PostgreSQL:
the DATABASE_URL that scripts/with-postgres.sh sets) and migrates it. Then:

1. Import. An HSDS 3.1 JSON file is generated in the export shape of opendata.hsds (a list of
   full organizations, each with its locations and full services: one place, one weekly time,
   a contact, languages, a cost option and three taxonomy terms per service) with the libraries'
   locations at real PC4 centroids. Timed, once:
     import  opendata.services.import_path(file, publish=True): read, validate every record,
             upsert in one transaction, rebuild the search index (what `manage.py import_hsds`
             does), with its phases (read+check, save, index) as reported by its progress
     floor   bulk_create of exactly the rows the import stores (organisations, locations,
             opening hours, offers, their terms, places and times), already built in memory,
             in one transaction that is then rolled back (the cheapest way to put them there)
   and a second import of the same file (nothing changes: the cost of checking everything).

2. Paging. With the import in place (--services published offers), pages of
   GET /api/hsds/services?page=N&per_page=P (first, middle and last page) through Django's
   test Client, beside the raw floor: the same page as one bare SQL statement (published and
   current offers ordered by title, id with LIMIT/OFFSET) plus the COUNT(*) the page reports.

Figures are p50/p95 and ratios to the floor of the same run. Results go to
bench/results/opendata-<engine>.json."""

import argparse
import datetime
import json
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
sys.path.insert(0, str(REPO / "bench"))

from run import DESCRIPTION_WORDS, TOPICS, machine_facts, setup_django, summary  # noqa: E402

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Rollback(Exception):
    pass


def generate_hsds(n_services: int, seed: int) -> list[dict]:
    """HSDS organizations with locations and full services, as opendata.hsds exports them."""
    from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
    from ontwikkelplein.places.models import Municipality, PostcodeArea

    rng = random.Random(seed)
    areas = list(PostcodeArea.objects.values_list("pc4", "town", "latitude", "longitude")[:2000])
    municipalities = {m.name.lower(): m for m in Municipality.objects.select_related("province")}
    fallback = next(iter(municipalities.values()))
    terms = {(t.taxonomy.slug, t.code): t for t in TaxonomyTerm.objects.select_related("taxonomy")}

    def term_obj(slug, code):
        t = terms[(slug, code)]
        return {
            "id": str(t.pk),
            "code": t.code,
            "name": t.name,
            "description": t.description,
            "taxonomy": t.taxonomy.name,
            "taxonomy_id": str(t.taxonomy_id),
        }

    n_orgs = max(1, n_services // 1000)
    per_org_locations = max(1, n_services // n_orgs // 20)
    organizations = []
    for o in range(n_orgs):
        org_id = str(uuid.uuid4())
        locations = []
        for i in range(per_org_locations):
            pc4, town, lat, lon = areas[rng.randrange(len(areas))]
            municipality = municipalities.get(town.lower(), fallback)
            loc_id = str(uuid.uuid4())
            locations.append(
                {
                    "id": loc_id,
                    "location_type": "physical",
                    "organization_id": org_id,
                    "name": f"Bibliotheek {town} {o}-{i}",
                    "latitude": lat + rng.uniform(-0.01, 0.01),
                    "longitude": lon + rng.uniform(-0.01, 0.01),
                    "addresses": [
                        {
                            "id": str(uuid.uuid4()),
                            "location_id": loc_id,
                            "address_1": f"Stationsplein {1 + i}",
                            "city": town,
                            "region": municipality.name,
                            "state_province": municipality.province.name,
                            "postal_code": f"{pc4} AB",
                            "country": "NL",
                            "address_type": "physical",
                        }
                    ],
                    "schedules": [
                        {
                            "id": str(uuid.uuid4()),
                            "location_id": loc_id,
                            "freq": "WEEKLY",
                            "byday": day,
                            "opens_at": "09:00",
                            "closes_at": "17:00",
                        }
                        for day in BYDAY[:5]
                    ],
                    "accessibility": [],
                }
            )
        organizations.append(
            {
                "id": org_id,
                "name": f"Bibliotheek Benchmark {o}",
                "description": "Een bibliotheekorganisatie.",
                "email": f"info{o}@bibliotheek.example",
                "phones": [],
                "organization_identifiers": [],
                "locations": locations,
                "services": [],
            }
        )
    weights = [t[0] for t in TOPICS]
    for s in range(n_services):
        organization = organizations[s % n_orgs]
        location = organization["locations"][rng.randrange(len(organization["locations"]))]
        _, titles, summary_text, themes, groups, types = rng.choices(TOPICS, weights)[0]
        sid, sal_id = str(uuid.uuid4()), str(uuid.uuid4())
        attributes = [
            (Taxonomy.OFFER_TYPE, rng.choice(types)),
            (Taxonomy.THEME, rng.choice(themes)),
            (Taxonomy.TARGET_GROUP, rng.choice(groups)),
        ]
        description = " ".join(rng.choices(DESCRIPTION_WORDS, k=rng.randint(8, 20))).capitalize()
        organization["services"].append(
            {
                "id": sid,
                "organization_id": organization["id"],
                "name": f"{rng.choice(titles)} {location['addresses'][0]['city']} {s}"[:150],
                "description": f"{summary_text}\n\n{description}.",
                "status": "active",
                "application_process": "Vrije inloop.",
                "fees_description": "Gratis.",
                "email": "aanbod@bibliotheek.example",
                "service_at_locations": [
                    {
                        "id": sal_id,
                        "service_id": sid,
                        "location_id": location["id"],
                        "schedules": [
                            {
                                "id": str(uuid.uuid4()),
                                "service_id": sid,
                                "service_at_location_id": sal_id,
                                "freq": "WEEKLY",
                                "wkst": "MO",
                                "interval": 1,
                                "byday": rng.choice(BYDAY[:5]),
                                "opens_at": "10:00",
                                "closes_at": "12:00",
                            }
                        ],
                        "location": location,
                    }
                ],
                "contacts": [
                    {
                        "id": str(uuid.uuid4()),
                        "service_id": sid,
                        "name": "Balie",
                        "email": "aanbod@bibliotheek.example",
                        "phones": [],
                    }
                ],
                "phones": [],
                "languages": [{"id": str(uuid.uuid4()), "service_id": sid, "code": "nl"}],
                "required_documents": [],
                "cost_options": [
                    {
                        "id": str(uuid.uuid4()),
                        "service_id": sid,
                        "option": "Gratis",
                        "currency": "EUR",
                        "amount": 0,
                    }
                ],
                "capacities": [],
                "attributes": [
                    {
                        "id": str(uuid.uuid4()),
                        "link_id": sid,
                        "link_type": slug,
                        "link_entity": "service",
                        "taxonomy_term_id": str(terms[(slug, code)].pk),
                        "taxonomy_term": term_obj(slug, code),
                    }
                    for slug, code in attributes
                ],
            }
        )
    return organizations


def floor_rows(data: list[dict]) -> dict:
    """The model rows the import stores for `data`, built in memory (not timed)."""
    from ontwikkelplein.catalogue.models import (
        Offer,
        OfferLocation,
        OfferStatus,
        Schedule,
        ScheduleKind,
        Taxonomy,
    )
    from ontwikkelplein.organisations.models import (
        Location,
        LocationKind,
        OpeningHours,
        Organisation,
        OrganisationKind,
    )
    from ontwikkelplein.places.models import Municipality

    municipality_ids = {m.name.lower(): m.pk for m in Municipality.objects.all()}
    rows = {k: [] for k in ("orgs", "locations", "hours", "offers", "terms", "places", "times")}
    ThemeLink, GroupLink = Offer.themes.through, Offer.target_groups.through
    now = datetime.datetime.now(datetime.UTC)
    for org in data:
        rows["orgs"].append(
            Organisation(
                id=org["id"],
                name=org["name"],
                kind=OrganisationKind.PARTNER,
                sector="other",
                description=org["description"],
                email=org["email"],
            )
        )
        for loc in org["locations"]:
            address = loc["addresses"][0]
            street, number = address["address_1"].rsplit(" ", 1)
            rows["locations"].append(
                Location(
                    id=loc["id"],
                    organisation_id=org["id"],
                    name=loc["name"],
                    kind=LocationKind.OTHER,
                    street=street,
                    house_number=number,
                    postcode=address["postal_code"],
                    city=address["city"],
                    municipality_id=municipality_ids[address["region"].lower()],
                    latitude=loc["latitude"],
                    longitude=loc["longitude"],
                )
            )
            for schedule in loc["schedules"]:
                rows["hours"].append(
                    OpeningHours(
                        location_id=loc["id"],
                        weekday=BYDAY.index(schedule["byday"]),
                        opens_at=schedule["opens_at"],
                        closes_at=schedule["closes_at"],
                    )
                )
        for service in org["services"]:
            by_slug = {a["link_type"]: a["taxonomy_term_id"] for a in service["attributes"]}
            summary_text, description = service["description"].split("\n\n", 1)
            rows["offers"].append(
                Offer(
                    id=service["id"],
                    organisation_id=org["id"],
                    title=service["name"],
                    summary=summary_text,
                    description=description,
                    offer_type_id=by_slug[Taxonomy.OFFER_TYPE],
                    contact_email=service["email"],
                    contact_name="Balie",
                    languages=["nl"],
                    status=OfferStatus.PUBLISHED,
                    published_at=now,
                )
            )
            rows["terms"].append(
                ThemeLink(offer_id=service["id"], taxonomyterm_id=by_slug[Taxonomy.THEME])
            )
            rows["terms"].append(
                GroupLink(offer_id=service["id"], taxonomyterm_id=by_slug[Taxonomy.TARGET_GROUP])
            )
            for sal in service["service_at_locations"]:
                rows["places"].append(
                    OfferLocation(
                        id=sal["id"], offer_id=service["id"], location_id=sal["location_id"]
                    )
                )
                for schedule in sal["schedules"]:
                    rows["times"].append(
                        Schedule(
                            id=schedule["id"],
                            offer_location_id=sal["id"],
                            kind=ScheduleKind.WEEKLY,
                            weekday=BYDAY.index(schedule["byday"]),
                            opens_at=schedule["opens_at"],
                            closes_at=schedule["closes_at"],
                        )
                    )
    return rows


def time_floor(rows: dict) -> float:
    from django.db import transaction

    from ontwikkelplein.catalogue.models import Offer

    groups = [
        [r for r in rows["terms"] if isinstance(r, Offer.themes.through)],
        [r for r in rows["terms"] if isinstance(r, Offer.target_groups.through)],
    ]
    start = time.perf_counter()
    try:
        with transaction.atomic():
            for key in ("orgs", "locations", "hours", "offers"):
                type(rows[key][0]).objects.bulk_create(rows[key], batch_size=1000)
            for group in groups:
                type(group[0]).objects.bulk_create(group, batch_size=1000)
            for key in ("places", "times"):
                type(rows[key][0]).objects.bulk_create(rows[key], batch_size=1000)
            elapsed = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    return elapsed


def time_import(path: Path) -> dict:
    from ontwikkelplein.opendata import services

    marks = {}

    def progress(phase, done, total):
        marks.setdefault(f"{phase}_start", time.perf_counter())
        if phase == "save" and done == total:
            marks["save_end"] = time.perf_counter()

    start = time.perf_counter()
    run = services.import_path(
        path, publish=True, progress=progress, max_bytes=2 * 1024 * 1024 * 1024
    )
    end = time.perf_counter()
    if run.status != "done":
        raise SystemExit(f"import failed: {run.errors[:3]}")
    save_start = marks.get("save_start", start)
    save_end = marks.get("save_end", end)
    return {
        "seconds": round(end - start, 3),
        "read_and_check_s": round(save_start - start, 3),
        "save_s": round(save_end - save_start, 3),
        "index_and_finish_s": round(end - save_end, 3),
        "created": run.created,
        "changed": run.changed,
        "unchanged": run.unchanged,
    }


def time_pages(n_services: int, per_page: int, repeat: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    client = Client()
    last = max(1, -(-n_services // per_page))
    pages = sorted({1, max(1, last // 2), last})
    sql = (
        "SELECT id, title, summary, description, website, contact_email, status, updated_at "
        "FROM catalogue_offer WHERE status = %s AND (valid_to IS NULL OR valid_to >= %s) "
        "ORDER BY title, id LIMIT %s OFFSET %s"
    )
    count_sql = (
        "SELECT COUNT(*) FROM catalogue_offer WHERE status = %s "
        "AND (valid_to IS NULL OR valid_to >= %s)"
    )
    results = {}
    for page in pages:
        api, raw = [], []
        url = f"/api/hsds/services?page={page}&per_page={per_page}"
        response = client.get(url)
        assert response.status_code == 200, response.content[:300]
        body = json.loads(response.content)
        assert body["total_items"] == n_services, body["total_items"]
        for _ in range(repeat):  # alternate, so both see the same machine state
            t = time.perf_counter()
            client.get(url)
            api.append(time.perf_counter() - t)
            t = time.perf_counter()
            today = timezone.localdate()
            with connection.cursor() as cursor:
                cursor.execute(sql, ["published", today, per_page, (page - 1) * per_page])
                cursor.fetchall()
                cursor.execute(count_sql, ["published", today])
                cursor.fetchone()
            raw.append(time.perf_counter() - t)
        api_s, raw_s = summary(api), summary(raw)
        results[str(page)] = {
            "api": api_s,
            "raw": raw_s,
            "ratio_p50": round(api_s["p50_ms"] / raw_s["p50_ms"], 1) if raw_s["p50_ms"] else None,
        }
    return {"per_page": per_page, "pages": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--per-page", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    tmp = setup_django(args.engine)
    try:
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        started = datetime.datetime.now(datetime.UTC)
        data = generate_hsds(args.services, args.seed)
        folder = Path(tempfile.mkdtemp(prefix="ontwikkelplein-hsds-"))
        path = folder / "hsds.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        file_mb = round(path.stat().st_size / 1024 / 1024, 1)
        print(f"generated {args.services} services ({file_mb} MB)", flush=True)

        floor_s = time_floor(floor_rows(data))
        print(f"floor (bulk_create): {floor_s:.2f} s", flush=True)
        first = time_import(path)
        print(f"import: {first['seconds']:.2f} s", flush=True)
        second = time_import(path)
        print(f"import again (unchanged): {second['seconds']:.2f} s", flush=True)
        paging = time_pages(args.services, args.per_page, args.repeat)
        shutil.rmtree(folder, ignore_errors=True)

        result = {
            "engine": args.engine,
            "database": connection.vendor,
            "date": started.isoformat(timespec="seconds"),
            "machine": machine_facts(),
            "services": args.services,
            "file_mb": file_mb,
            "import": {
                "first": first,
                "again_unchanged": second,
                "floor_bulk_create_s": round(floor_s, 3),
                "ratio_first": round(first["seconds"] / floor_s, 1),
                "ratio_save_only": round(first["save_s"] / floor_s, 1),
                "services_per_second": round(args.services / first["seconds"]),
            },
            "paging": paging,
        }
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"opendata-{args.engine}.json"
        out.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps({k: result[k] for k in ("import", "paging")}, indent=2))
        print(f"written to {out.relative_to(REPO)}")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
