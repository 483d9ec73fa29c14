"""Front-desk benchmark: registrations per second through the API, and the figures over millions
of contacts, each against a floor measured in the same run.

    .venv/bin/python bench/desk.py --engine sqlite
    bash scripts/with-postgres.sh .venv/bin/python bench/desk.py --engine postgres
    .venv/bin/python bench/report.py            # writes docs/performance.md

It builds a fresh database like bench/run.py (SQLite: a file in a temporary folder; PostgreSQL:
the DATABASE_URL scripts/with-postgres.sh sets), migrates it and makes a network of libraries and
locations. Then:

1. API. A real HTTP server (wsgiref with a fixed pool of worker threads, in a child process, on
   127.0.0.1) serves the site plus a minimal JSON POST view that does nothing (bench/desk_urls.py,
   mounted only here). Client threads in this process send --requests POSTs to each, in
   alternating rounds: POST /api/v1/contacts/ (API key, one to three questions, a fresh
   client_reference) and POST /bench/noop/. Reported: requests per second of both and the ratio.
   The roll-ups the services wrote for these contacts are then compared with rollup(), the
   aggregation used for the bulk data below, so the generated roll-ups are known to be what the
   services would have written.

2. Figures. --contacts sizes (default 1 and 5 million) of contacts with their questions are
   generated at a steady rate of --per-year contacts a year, newest years first, day by day, with
   bulk inserts (SQLite executemany, PostgreSQL COPY) of the contacts, questions and their
   roll-up rows. At each size the dashboard is timed for the last full year, for the whole
   country (a KB-beheerder) and for the busiest library, in three layers:
     page   GET /beheer/cijfers/ through Django's test Client (when the page exists)
     figures desk.selectors.figures(): everything the dashboard shows, with the previous year
     raw    SELECT topic_id, COUNT(*) over questions JOIN contacts for that year (the floor: the
            plain grouped query a report without roll-ups would run)
Results go to bench/results/desk-<engine>.json."""

import argparse
import datetime
import http.client
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
import warnings
import zoneinfo
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
sys.path.insert(0, str(REPO / "bench"))
# WhiteNoise warns that STATIC_ROOT does not exist; static files come from the finders here.
warnings.filterwarnings("ignore", message="No directory at")

from run import machine_facts, setup_django, summary  # noqa: E402

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = datetime.UTC

# Shares of the generated registrations (weights, not exact fractions).
CHANNELS = [("desk", 60), ("appointment", 20), ("phone", 10), ("online", 5), ("outreach", 5)]
QUESTIONS_PER_CONTACT = [(1, 75), (2, 18), (3, 7)]
CATEGORIES = [("digital_government", 70), ("library", 20), ("other", 10)]
TOPIC_WEIGHTS = {
    "digid-aanvragen": 14,
    "digid-activeren": 10,
    "digid-app": 8,
    "digid-machtigen": 5,
    "mijnoverheid": 8,
    "toeslagen": 8,
    "belastingaangifte": 7,
    "aow-pensioen": 4,
    "uitkering-werk": 4,
    "zorg": 4,
    "studiefinanciering": 2,
    "boetes": 2,
    "rijbewijs-voertuig": 3,
    "wonen-huur": 3,
    "gemeentelijke-voorzieningen": 4,
    "apparaat": 8,
    "veilig-internet": 3,
    "overig": 3,
}
HELP_TYPES = [
    ("digital_contact", 50),
    ("provider_info", 20),
    ("digital_society", 10),
    ("course", 8),
    ("referral", 12),
]
REFERRAL_TARGETS = [("colleague", 50), ("organisation", 40), ("offer", 10)]
ROLES = ["specialist_basic_skills", "ido", "taalhuis", "boekstart", "belastinghulp", "other"]
DURATIONS = [("", 50), ("short", 30), ("medium", 15), ("long", 5)]
# Libraries are mostly closed on Sunday and busy on weekdays.
WEEKDAY_WEIGHTS = [10, 10, 10, 10, 10, 6, 1]


def weighted(pairs):
    values, weights = zip(*pairs, strict=True)
    return list(values), list(weights)


# --- The network ----------------------------------------------------------------------------


def make_network(n_libraries: int, n_locations: int, seed: int) -> dict:
    """Library organisations of very different sizes, each with one or more locations."""
    from ontwikkelplein.organisations.models import (
        Location,
        LocationKind,
        Organisation,
        OrganisationKind,
    )
    from ontwikkelplein.places.models import Municipality, Province

    rng = random.Random(seed)
    municipalities = list(Municipality.objects.all())
    if not municipalities:
        province = Province.objects.first() or Province.objects.create(code="PV26", name="Utrecht")
        municipalities = [
            Municipality.objects.create(code="GM9999", name="Benchmark", province=province)
        ]
    libraries = [
        Organisation(id=uuid.uuid4(), name=f"Bibliotheek Bench {i}", kind=OrganisationKind.LIBRARY)
        for i in range(n_libraries)
    ]
    partners = [
        Organisation(
            id=uuid.uuid4(),
            name=f"Partner Bench {i}",
            kind=OrganisationKind.PARTNER,
            sector="welfare",
        )
        for i in range(10)
    ]
    Organisation.objects.bulk_create(libraries + partners)
    # Sizes: a few big city libraries, many small ones.
    sizes = [rng.paretovariate(1.2) for _ in libraries]
    locations = []
    for i in range(n_locations):
        # Every library gets one location, the rest go to the bigger ones more often.
        org = libraries[i] if i < n_libraries else rng.choices(libraries, sizes)[0]
        municipality = municipalities[rng.randrange(len(municipalities))]
        locations.append(
            Location(
                id=uuid.uuid4(),
                organisation=org,
                name=f"Vestiging Bench {i}",
                kind=LocationKind.BRANCH,
                street="Stationsplein",
                house_number=str(1 + i % 200),
                postcode="3811 AB",
                city=municipality.name[:100],
                municipality=municipality,
            )
        )
    Location.objects.bulk_create(locations)
    size_of = dict(zip((o.id for o in libraries), sizes, strict=True))
    per_org = {}
    for location in locations:
        per_org.setdefault(location.organisation_id, []).append(location.id)
    location_ids, location_weights = [], []
    for org_id, ids in per_org.items():
        for location_id in ids:
            location_ids.append((org_id, location_id))
            location_weights.append(size_of[org_id] / len(ids))
    return {
        "libraries": [o.id for o in libraries],
        "partners": [o.id for o in partners],
        "locations": location_ids,
        "location_weights": location_weights,
    }


# --- 1. The API against a minimal view on the same server -------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int, workers: int) -> None:
    """Child process: the site plus the noop view, on a WSGI server with a fixed thread pool,
    so each worker keeps its database connection between requests (as gunicorn's threads do)."""
    from concurrent.futures import ThreadPoolExecutor
    from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontwikkelplein.conf.test")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    settings.ROOT_URLCONF = "desk_urls"  # read per request by Django's handler
    application = get_wsgi_application()

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    class PoolServer(WSGIServer):
        request_queue_size = 256

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.pool = ThreadPoolExecutor(workers)

        def process_request(self, request, client_address):
            self.pool.submit(self._work, request, client_address)

        def _work(self, request, client_address):
            try:
                self.finish_request(request, client_address)
            except Exception:
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    server = PoolServer(("127.0.0.1", port), QuietHandler)
    server.set_app(application)
    print(f"serving on {port}", flush=True)
    server.serve_forever()


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_CONN_MAX_AGE": "600", "DJANGO_DEBUG": "0"}
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), "--workers", str(workers)],
        env=env,
        cwd=REPO,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the benchmark server stopped while starting")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("the benchmark server did not start within a minute")


def contact_body(rng: random.Random, location_id, topics: list[str], agencies: list[str]) -> dict:
    questions = []
    count = rng.choices(*weighted(QUESTIONS_PER_CONTACT))[0]
    for _ in range(count):
        help_types = ["digital_contact"] if rng.random() < 0.8 else ["provider_info", "referral"]
        question = {
            "category": rng.choices(*weighted(CATEGORIES))[0],
            "agency": rng.choice(agencies) if rng.random() < 0.8 else None,
            "topic": rng.choice(topics),
            "help_types": help_types,
        }
        if "referral" in help_types:
            question["referral_target"] = "colleague"
            question["referred_role"] = rng.choice(ROLES)
        questions.append(question)
    return {
        "location": str(location_id),
        "channel": rng.choices(*weighted(CHANNELS))[0],
        "client_reference": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "questions": questions,
    }


def _post_all(port: int, path: str, bodies: list[bytes], headers: dict, clients: int, expect):
    """Send every body once from `clients` threads; returns (elapsed seconds, latencies)."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    position = iter(range(len(bodies)))

    def work():
        while True:
            with lock:
                index = next(position, None)
            if index is None:
                return
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            start = time.perf_counter()
            connection.request("POST", path, bodies[index], headers)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            connection.close()
            with lock:
                latencies.append(elapsed)
                if response.status not in expect:
                    failures.append(f"{path} answered {response.status}")

    threads = [threading.Thread(target=work) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} failed requests, e.g. {failures[0]}")
    return elapsed, latencies


def measure_api(network: dict, requests: int, rounds: int, clients: int, workers: int, seed: int):
    from ontwikkelplein.apikeys.models import Scope
    from ontwikkelplein.apikeys.services import create_api_key
    from ontwikkelplein.desk.models import Agency, Contact, Topic
    from ontwikkelplein.organisations.models import Organisation

    rng = random.Random(seed)
    org_id, location_id = network["locations"][0]
    _, key = create_api_key(
        organisation=Organisation.objects.get(pk=org_id),
        scopes=[Scope.CONTACTS_WRITE],
        name="Benchmark",
    )
    topics = list(Topic.objects.values_list("code", flat=True))
    agencies = list(Agency.objects.values_list("code", flat=True))
    per_round = max(1, requests // rounds)
    warm_up = 20
    total = per_round * rounds + warm_up
    api_bodies = [
        json.dumps(contact_body(rng, location_id, topics, agencies)).encode() for _ in range(total)
    ]
    # The noop view gets bodies of the same size and shape.
    noop_bodies = [
        json.dumps(contact_body(rng, location_id, topics, agencies)).encode() for _ in range(total)
    ]
    api_headers = {"Content-Type": "application/json", "Authorization": f"Bearer {key}"}
    noop_headers = {"Content-Type": "application/json"}

    port = free_port()
    server = start_server(port, workers)
    try:
        _post_all(port, "/api/v1/contacts/", api_bodies[:warm_up], api_headers, clients, {201})
        _post_all(port, "/bench/noop/", noop_bodies[:warm_up], noop_headers, clients, {201})
        samples = {
            "api": {"seconds": 0.0, "latencies": []},
            "noop": {"seconds": 0.0, "latencies": []},
        }
        for r in range(rounds):
            chunk = slice(warm_up + r * per_round, warm_up + (r + 1) * per_round)
            order = ["api", "noop"] if r % 2 == 0 else ["noop", "api"]
            for name in order:
                if name == "api":
                    run = _post_all(
                        port, "/api/v1/contacts/", api_bodies[chunk], api_headers, clients, {201}
                    )
                else:
                    run = _post_all(
                        port, "/bench/noop/", noop_bodies[chunk], noop_headers, clients, {201}
                    )
                samples[name]["seconds"] += run[0]
                samples[name]["latencies"] += run[1]
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    stored = Contact.objects.filter(source="api").count()
    if stored != total:
        raise RuntimeError(f"{total} registrations sent, {stored} stored")
    result = {
        "requests": per_round * rounds,
        "rounds": rounds,
        "clients": clients,
        "workers": workers,
    }
    for name, sample in samples.items():
        result[name] = {
            "per_second": round(len(sample["latencies"]) / sample["seconds"], 1),
            **summary(sample["latencies"]),
        }
    result["api_to_noop"] = round(result["api"]["per_second"] / result["noop"]["per_second"], 3)
    return result


# --- 2. Figures over millions of contacts ------------------------------------------------------


def _convert(vendor: str):
    """Python values to what the bulk path of each engine takes. Ids go in as 32 hex digits:
    what Django stores on SQLite, and valid uuid input for PostgreSQL."""
    if vendor == "sqlite":

        def moment(value):
            return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")

        def day(value):
            return value.isoformat()

        def flag(value):
            return int(value)

    else:

        def moment(value):
            return value

        def day(value):
            return value

        def flag(value):
            return value

    return moment, day, flag


class BulkWriter:
    """Rows into one table, by column name; columns the generator leaves out get the model
    field's default (so a field added later does not break the benchmark), and an
    auto-increment primary key is left to the database."""

    def __init__(self, model, generated: list[str]):
        from django.db import connection

        self.connection = connection
        self.table = model._meta.db_table
        fields = [
            f
            for f in model._meta.concrete_fields
            if f.column in generated or not (f.primary_key or f.null)
        ]
        self.columns = [f.column for f in fields]
        self.positions = [generated.index(c) if c in generated else None for c in self.columns]
        self.defaults = [
            None if c in generated else f.get_db_prep_save(f.get_default(), connection)
            for f, c in zip(fields, self.columns, strict=True)
        ]

    def write(self, rows) -> None:
        if self.positions == list(range(len(self.columns))):
            full = rows
        else:
            full = [
                tuple(
                    row[p] if p is not None else d
                    for p, d in zip(self.positions, self.defaults, strict=True)
                )
                for row in rows
            ]
        columns = ", ".join(self.connection.ops.quote_name(c) for c in self.columns)
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.table} ({columns}) FROM STDIN") as copy:
                    for row in full:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {self.table} ({columns}) VALUES ({marks})", full)


CONTACT_COLUMNS = [
    "id",
    "organisation_id",
    "location_id",
    "channel",
    "registered_at",
    "date",
    "note",
    "registered_by_id",
    "source",
    "client_reference",
    "is_removed",
    "created_at",
    "updated_at",
]
QUESTION_COLUMNS = [
    "id",
    "contact_id",
    "category",
    "agency_id",
    "topic_id",
    "help_types",
    "referral_target",
    "referred_role",
    "referred_organisation_id",
    "referred_offer_id",
    "duration",
    "low_literacy_signal",
    "position",
]
COUNT_COLUMNS = [
    "organisation_id",
    "location_id",
    "date",
    "channel",
    "category",
    "agency_id",
    "topic_id",
    "referral_target",
    "questions",
    "contacts",
]
HELP_COUNT_COLUMNS = ["organisation_id", "location_id", "date", "help_type", "questions"]


def rollup(questions) -> tuple[list[tuple], list[tuple]]:
    """The roll-up rows for a set of questions, the way the services count them one
    registration at a time: (DailyCount rows, DailyHelpCount rows) in COUNT_COLUMNS and
    HELP_COUNT_COLUMNS order. Each question is (organisation, location, date, channel,
    category, agency id or None, topic id or None, referral target, help types, position);
    a contact counts once, on the row of its first question (position 0), and a question
    once for each distinct kind of help."""
    counts: dict[tuple, list[int]] = {}
    helps: dict[tuple, int] = {}
    for (
        org,
        loc,
        day,
        channel,
        category,
        agency,
        topic,
        referral,
        help_types,
        position,
    ) in questions:
        key = (org, loc, day, channel, category, agency or 0, topic or 0, referral or "")
        cell = counts.get(key)
        if cell is None:
            cell = counts[key] = [0, 0]
        cell[0] += 1
        if position == 0:
            cell[1] += 1
        for help_type in set(help_types):
            help_key = (org, loc, day, help_type)
            helps[help_key] = helps.get(help_key, 0) + 1
    return (
        [(*key, n_questions, n_contacts) for key, (n_questions, n_contacts) in counts.items()],
        [(*key, n) for key, n in helps.items()],
    )


def generate_contacts(
    network: dict,
    n: int,
    first_day: datetime.date,
    last_day: datetime.date,
    seed: int,
    chunk: int = 100_000,
) -> dict:
    """n contacts over [first_day, last_day] with their questions and roll-ups. They are made
    day by day, in date order, as registrations arrive, and written in committed chunks of
    whole days (so each chunk's roll-up rows are complete)."""
    from django.db import connection, transaction

    from ontwikkelplein.desk.models import (
        Agency,
        Contact,
        DailyCount,
        DailyHelpCount,
        Question,
        Topic,
    )

    rng = random.Random(seed)
    moment, day_value, flag = _convert(connection.vendor)
    writers = (
        BulkWriter(Contact, CONTACT_COLUMNS),
        BulkWriter(Question, QUESTION_COLUMNS),
        BulkWriter(DailyCount, COUNT_COLUMNS),
        BulkWriter(DailyHelpCount, HELP_COUNT_COLUMNS),
    )

    days = [first_day + datetime.timedelta(days=i) for i in range((last_day - first_day).days + 1)]
    per_day = [0] * len(days)
    for index in rng.choices(
        range(len(days)), cum_weights=_cumulative([WEEKDAY_WEIGHTS[d.weekday()] for d in days]), k=n
    ):
        per_day[index] += 1
    topic_by_code = dict(Topic.objects.values_list("code", "pk"))
    topic_values = [topic_by_code[c] for c in TOPIC_WEIGHTS if c in topic_by_code]
    topic_cum = _cumulative([w for c, w in TOPIC_WEIGHTS.items() if c in topic_by_code])
    agencies = list(Agency.objects.values_list("pk", flat=True)) + [None] * 5
    location_cum = _cumulative(network["location_weights"])
    channel_values, channel_cum = _weighted_cum(CHANNELS)
    count_values, count_cum = _weighted_cum(QUESTIONS_PER_CONTACT)
    category_values, category_cum = _weighted_cum(CATEGORIES)
    help_values, help_cum = _weighted_cum(HELP_TYPES)
    referral_values, referral_cum = _weighted_cum(REFERRAL_TARGETS)
    duration_values, duration_cum = _weighted_cum(DURATIONS)
    partners = [p.hex for p in network["partners"]]
    help_json: dict[tuple, str] = {}

    rebuild = _drop_secondary_indexes([Contact, Question, DailyCount, DailyHelpCount])
    cache = _big_sqlite_cache()
    started = time.perf_counter()
    totals = {"questions": 0, "daily_count_rows": 0, "daily_help_count_rows": 0}
    contact_rows, question_rows, for_rollup = [], [], []

    def flush():
        count_rows, help_rows = rollup(for_rollup)
        with transaction.atomic():
            for writer, rows in zip(
                writers, (contact_rows, question_rows, count_rows, help_rows), strict=True
            ):
                writer.write(rows)
        totals["questions"] += len(question_rows)
        totals["daily_count_rows"] += len(count_rows)
        totals["daily_help_count_rows"] += len(help_rows)
        contact_rows.clear()
        question_rows.clear()
        for_rollup.clear()

    made = 0
    for day, m in zip(days, per_day, strict=True):
        if not m:
            continue
        day_db = day_value(day)
        locations = rng.choices(network["locations"], cum_weights=location_cum, k=m)
        channels = rng.choices(channel_values, cum_weights=channel_cum, k=m)
        counts = rng.choices(count_values, cum_weights=count_cum, k=m)
        q = sum(counts)
        categories = rng.choices(category_values, cum_weights=category_cum, k=q)
        topics = rng.choices(topic_values, cum_weights=topic_cum, k=q)
        first_help = rng.choices(help_values, cum_weights=help_cum, k=q)
        second_help = rng.choices(help_values, cum_weights=help_cum, k=q)
        durations = rng.choices(duration_values, cum_weights=duration_cum, k=q)
        qi = 0
        for i in range(m):
            contact_id = f"{rng.getrandbits(128):032x}"  # random, like uuid4
            at = moment(
                datetime.datetime.combine(
                    day, datetime.time(9 + rng.randrange(9), rng.randrange(60)), AMSTERDAM
                )
            )
            org_id, location_id = locations[i]
            org_hex, location_hex = org_id.hex, location_id.hex
            channel = channels[i]
            contact_rows.append(
                (
                    contact_id,
                    org_hex,
                    location_hex,
                    channel,
                    at,
                    day_db,
                    "",
                    None,
                    "desk",
                    None,
                    flag(False),
                    at,
                    at,
                )
            )
            for position in range(counts[i]):
                helps = (first_help[qi],)
                if rng.random() < 0.2 and second_help[qi] != helps[0]:
                    helps = tuple(h for h in help_values if h in (helps[0], second_help[qi]))
                referral = role = ""
                referred_org = None
                if "referral" in helps:
                    referral = rng.choices(referral_values, cum_weights=referral_cum)[0]
                    if referral == "colleague":
                        role = rng.choice(ROLES)
                    elif referral == "organisation":
                        referred_org = rng.choice(partners)
                encoded = help_json.get(helps)
                if encoded is None:
                    encoded = help_json[helps] = json.dumps(list(helps))
                agency = agencies[rng.randrange(len(agencies))]
                topic = topics[qi] if rng.random() < 0.95 else None
                category = categories[qi]
                question_rows.append(
                    (
                        f"{rng.getrandbits(128):032x}",
                        contact_id,
                        category,
                        agency,
                        topic,
                        encoded,
                        referral,
                        role,
                        referred_org,
                        None,
                        durations[qi],
                        flag(rng.random() < 0.04),
                        position,
                    )
                )
                for_rollup.append(
                    (
                        org_hex,
                        location_hex,
                        day_db,
                        channel,
                        category,
                        agency,
                        topic,
                        referral,
                        helps,
                        position,
                    )
                )
                qi += 1
        made += m
        if len(contact_rows) >= chunk:
            flush()
            print(f"  {made:,} / {n:,} contacts", end="\r", flush=True)
    if contact_rows:
        flush()
    print()
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    _recreate_indexes(rebuild)
    _big_sqlite_cache(cache)
    return {
        "contacts": n,
        "first_day": first_day.isoformat(),
        "last_day": last_day.isoformat(),
        "insert_s": round(load_s, 1),
        "index_s": round(time.perf_counter() - started, 1),
        **totals,
    }


def _drop_secondary_indexes(models) -> list[str]:
    """SQLite: drop the secondary indexes of the tables about to be bulk-loaded and return the
    statements that make them again. Building an index once over sorted keys is much faster
    than inserting millions of random UUIDs into it one by one. PostgreSQL's COPY keeps them."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('%s' for _ in models)})",
            [m._meta.db_table for m in models],
        )
        found = cursor.fetchall()
        for name, _sql in found:
            cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _big_sqlite_cache(restore: int | None = None) -> int | None:
    """SQLite: a 512 MB page cache while loading (the primary key of random UUIDs cannot be
    dropped, and inserting into it misses a small cache all the time); `restore` sets the
    previous size back, so the timings run with the default cache, as the site does."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        previous = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {int(restore if restore is not None else -524288)}")
    return previous


def _recreate_indexes(statements: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _cumulative(weights):
    total, out = 0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _weighted_cum(pairs):
    values, weights = weighted(pairs)
    return values, _cumulative(weights)


def check_rollups_match_services() -> dict:
    """The roll-ups the services wrote for the API's registrations, against rollup() over the
    same registrations: they must be equal, or the generated roll-ups would not be what the
    site would have written."""
    from ontwikkelplein.desk.models import DailyCount, DailyHelpCount, Question

    questions = Question.objects.filter(contact__is_removed=False).values_list(
        "contact__organisation_id",
        "contact__location_id",
        "contact__date",
        "contact__channel",
        "category",
        "agency_id",
        "topic_id",
        "referral_target",
        "help_types",
        "position",
    )
    expected_counts, expected_helps = rollup(questions)
    stored_counts = DailyCount.objects.filter(questions__gt=0).values_list(*COUNT_COLUMNS)
    stored_helps = DailyHelpCount.objects.filter(questions__gt=0).values_list(*HELP_COUNT_COLUMNS)
    if sorted(map(str, stored_counts)) != sorted(map(str, expected_counts)) or sorted(
        map(str, stored_helps)
    ) != sorted(map(str, expected_helps)):
        raise RuntimeError("rollup() does not reproduce the services' roll-ups")
    return {"daily_count_rows": len(expected_counts), "daily_help_count_rows": len(expected_helps)}


def clear_registrations() -> None:
    from ontwikkelplein.desk.models import Contact, DailyCount, DailyHelpCount

    Contact.objects.all().delete()
    DailyCount.objects.all().delete()
    DailyHelpCount.objects.all().delete()


def raw_statement(organisation_id, period) -> tuple[str, list]:
    """The floor: questions per topic over the period, grouped in the database, straight from
    the registrations (no roll-ups)."""
    from django.db import connection

    from ontwikkelplein.desk.models import Contact, Question

    # registered_at is indexed; a day's margin on each side covers the time-zone offset and the
    # stored local date then decides exactly (the way desk.selectors reads registrations).
    low = datetime.datetime.combine(period.start - datetime.timedelta(days=1), datetime.time(), UTC)
    high = datetime.datetime.combine(period.end + datetime.timedelta(days=2), datetime.time(), UTC)
    moment, day, _flag = _convert(connection.vendor)
    sql = (
        f"SELECT q.topic_id, COUNT(*) FROM {Question._meta.db_table} q "
        f"JOIN {Contact._meta.db_table} c ON c.id = q.contact_id "
        "WHERE NOT c.is_removed AND c.registered_at >= %s AND c.registered_at < %s "
        "AND c.date >= %s AND c.date <= %s"
    )
    params = [moment(low), moment(high), day(period.start), day(period.end)]
    if organisation_id is not None:
        sql += " AND c.organisation_id = %s"
        params.append(organisation_id.hex if connection.vendor == "sqlite" else organisation_id)
    return sql + " GROUP BY q.topic_id", params


def busiest_library(period):
    from django.db.models import Sum

    from ontwikkelplein.desk.models import DailyCount

    row = (
        DailyCount.objects.filter(date__gte=period.start, date__lte=period.end)
        .values("organisation_id")
        .annotate(n=Sum("contacts"))
        .order_by("-n")
        .first()
    )
    return row["organisation_id"], row["n"]


def dashboard_users(library_id):
    """A KB-beheerder and a team leader of the library, for the page layer."""
    from ontwikkelplein.accounts.models import User
    from ontwikkelplein.organisations.models import Membership, Organisation, OrganisationKind, Role

    kb, _ = Organisation.objects.get_or_create(
        name="KB bench", defaults={"kind": OrganisationKind.KB}
    )
    kb_user, created = User.objects.get_or_create(username="bench-kb", defaults={"is_staff": True})
    if created:
        Membership.objects.create(user=kb_user, organisation=kb, role=Role.KB_ADMIN)
    lib_user, created = User.objects.get_or_create(username="bench-library")
    if created:
        Membership.objects.create(user=lib_user, organisation_id=library_id, role=Role.TEAM_LEADER)
    return kb_user, lib_user


def measure_figures(repeat: int, with_page: bool = True) -> dict:
    from django.db import connection
    from django.test import Client

    from ontwikkelplein.core.figures.periods import Period, PeriodKind
    from ontwikkelplein.core.figures.scope import Scope
    from ontwikkelplein.core.figures.vocabulary import Level
    from ontwikkelplein.desk import selectors

    today = datetime.date.today()
    period = Period.containing(PeriodKind.YEAR, datetime.date(today.year - 1, 6, 1))
    library_id, library_contacts = busiest_library(period)
    kb_user, lib_user = dashboard_users(library_id)
    page_url = _dashboard_url() if with_page else None
    scenarios = {
        "country": {
            "label": "Whole country (KB), last full year",
            "scope": Scope(Level.COUNTRY, "Heel Nederland"),
            "organisation_id": None,
            "user": kb_user,
            "params": {"niveau": "land"},
        },
        "library": {
            "label": "Busiest library (own view), last full year",
            "scope": Scope(Level.OWN, "Bibliotheek", organisation_ids=frozenset({library_id})),
            "organisation_id": library_id,
            "user": lib_user,
            "params": {"niveau": "eigen"},
        },
    }
    out = {"period": f"{period.start} – {period.end}", "library_contacts": library_contacts}
    for name, scenario in scenarios.items():
        client = Client()
        client.force_login(scenario["user"])
        sql, params = raw_statement(scenario["organisation_id"], period)

        def raw(sql=sql, params=params):
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()

        calls = {
            "figures": lambda scenario=scenario: selectors.figures(scenario["scope"], period),
            "raw": raw,
        }
        if page_url:
            query = {**scenario["params"], "periode": "jaar", "datum": period.start.isoformat()}

            def page(client=client, query=query):
                response = client.get(page_url, query)
                if response.status_code != 200:
                    raise RuntimeError(f"{page_url} answered {response.status_code}")
                return response

            calls = {"page": page, **calls}
        for call in calls.values():  # warm up: caches, plans
            call()
        samples = {layer: [] for layer in calls}
        for _ in range(repeat):
            for layer, call in calls.items():
                start = time.perf_counter()
                call()
                samples[layer].append(time.perf_counter() - start)
        stats = {layer: summary(s) for layer, s in samples.items()}
        for layer in stats:
            if layer != "raw":
                for p in ("p50", "p95"):
                    stats[layer][f"{p}_ratio_to_raw"] = round(
                        stats[layer][f"{p}_ms"] / stats["raw"][f"{p}_ms"], 2
                    )
        total = sum(n for _topic, n in raw())
        out[name] = {"label": scenario["label"], "questions": total, "layers": stats}
    return out


def _dashboard_url() -> str | None:
    from django.urls import NoReverseMatch, reverse

    for name in ("desk:figures", "desk:dashboard", "desk:figures-dashboard"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def engine_version() -> str:
    import sqlite3

    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"])
    parser.add_argument(
        "--contacts",
        type=int,
        nargs="+",
        default=[1_000_000, 5_000_000],
        help="sizes to time the figures at, growing (default: 1 and 5 million)",
    )
    parser.add_argument(
        "--per-year", type=int, default=500_000, help="contacts a year in the generated data"
    )
    parser.add_argument("--libraries", type=int, default=150)
    parser.add_argument("--locations", type=int, default=800)
    parser.add_argument(
        "--requests", type=int, default=2000, help="API and noop POSTs each (0: skip the API)"
    )
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4, help="client threads")
    parser.add_argument("--workers", type=int, default=4, help="server worker threads")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per layer")
    parser.add_argument("--no-page", action="store_true", help="skip the page layer")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--output", type=Path, help="default: bench/results/desk-<engine>.json")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.workers)
        return
    if not args.engine:
        parser.error("--engine is required")

    tmp = setup_django(args.engine)
    try:
        from django.core.management import call_command

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        timings = {"migrate_s": round(time.perf_counter() - started, 1)}
        network = make_network(args.libraries, args.locations, args.seed)

        api = None
        if args.requests:
            print(f"{args.engine}: API, {args.requests} requests each", flush=True)
            load_before = os.getloadavg()[0]
            api = measure_api(
                network, args.requests, args.rounds, args.clients, args.workers, args.seed
            )
            api["load_average_1min"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            api["rollup_check"] = check_rollups_match_services()
            print(
                f"{args.engine}: API {api['api']['per_second']} req/s, noop "
                f"{api['noop']['per_second']} req/s ({api['api_to_noop']});"
                " the roll-ups match the services'",
                flush=True,
            )
            clear_registrations()

        sizes = []
        made = 0
        newest = datetime.date(datetime.date.today().year, 1, 1) - datetime.timedelta(days=1)
        for size in sorted(args.contacts):
            add = size - made
            # Older years are added behind the newest ones, at the same rate a year.
            last_day = newest - datetime.timedelta(days=round(made / args.per_year * 365))
            first_day = last_day - datetime.timedelta(days=round(add / args.per_year * 365) - 1)
            print(
                f"{args.engine}: generating {add:,} contacts ({first_day} – {last_day})", flush=True
            )
            generated = generate_contacts(network, add, first_day, last_day, args.seed + size)
            made = size
            if args.engine == "postgres":
                analyze()  # production tables have statistics (autovacuum)
            print(f"{args.engine}: timing the figures at {size:,} contacts", flush=True)
            load_before = os.getloadavg()[0]
            measured = measure_figures(args.repeat, with_page=not args.no_page)
            sizes.append(
                {
                    "contacts": size,
                    "generated": generated,
                    "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                    **measured,
                }
            )
            for name in ("country", "library"):
                layers = measured[name]["layers"]
                print(
                    f"  {name}: figures p50 {layers['figures']['p50_ms']} ms,"
                    f" raw p50 {layers['raw']['p50_ms']} ms",
                    flush=True,
                )
        result = {
            "engine": args.engine,
            "engine_version": engine_version(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine_facts(),
            "network": {
                "libraries": args.libraries,
                "locations": args.locations,
                "per_year": args.per_year,
            },
            "timings": timings,
            "api": api,
            "figures": sizes,
        }
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    output = args.output or RESULTS / f"desk-{args.engine}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"{args.engine}: written to {output}")


if __name__ == "__main__":
    main()
