"""Load benchmark: 200 concurrent simulated residents against the production server.

    bash scripts/with-postgres.sh .venv/bin/python bench/serve.py [--residents 200] [--seconds 30]
    .venv/bin/python bench/report.py      # writes docs/performance.md

Against the PostgreSQL database in DATABASE_URL (scripts/with-postgres.sh starts a throwaway one)
it migrates, loads the demo data (`load_demo --force`, as on a demonstration server) and collects
the static files, then starts gunicorn exactly as `make serve` does (src/ontwikkelplein/conf/
gunicorn.py with its defaults, the production settings plus one extra URL, bench/serve_urls.py)
on 127.0.0.1. A small asyncio client (standard library only: no load tool to install) keeps
--residents visitors busy for --seconds per target, in --rounds alternating rounds, each doing
what a resident does, one request at a time without pause:

  site     the home page, a search with a word and a postcode, then one or two offer pages
  minimal  GET /bench/minimal/: a view that renders nothing and touches no database, through the
           same gunicorn, settings and middleware (the floor of this server on this machine)

Every answer must be 200 (0 errors expected). Throughput and p50/p95 are reported per target and
per page, and the site's against the floor as ratios measured in the same run. The client runs on
the same machine and takes part of its CPU. Results go to bench/results/serve.json.
"""

import argparse
import asyncio
import datetime
import json
import os
import random
import runpy
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

from run import machine_facts  # noqa: E402

WORDS = ["digid", "taalcafé", "computer", "toeslagen", "voorlezen", "formulieren", "klik en tik"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, round(p / 100 * len(ordered)))  # nearest rank
    return ordered[rank - 1]


def server_env(tmp: Path, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="serve_settings",
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(BENCH)]),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        ONTWIKKELPLEIN_DEMO="1",
        DATABASE_CONN_MAX_AGE="60",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        # The demo's referrals send mail; nothing is measured there.
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True)


def targets_from_database(env: dict) -> dict:
    """Offer pages and postcodes of the demo data, read with the same settings."""
    os.environ.update(env)
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from ontwikkelplein.catalogue.models import Offer
    from ontwikkelplein.organisations.models import Location

    offers = [
        f"/aanbod/{pk}/"
        for pk in Offer.objects.filter(status="published").values_list("pk", flat=True)[:200]
    ]
    postcodes = sorted({code[:4] for code in Location.objects.values_list("postcode", flat=True)})
    return {"offers": offers, "postcodes": postcodes}


async def fetch(port: int, path: str) -> tuple[int, float]:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
        "User-Agent: ontwikkelplein-bench\r\nConnection: close\r\n\r\n".encode()
    )
    await writer.drain()
    data = await reader.read()
    writer.close()
    elapsed = time.perf_counter() - started
    try:
        status = int(data.split(b" ", 2)[1])
    except (IndexError, ValueError):
        status = 0
    return status, elapsed


class Tally:
    """Samples and errors of one target, added up over its rounds."""

    def __init__(self):
        self.samples: dict[str, list[float]] = {}
        self.errors: list[str] = []
        self.wall = 0.0

    def summary(self) -> dict:
        every = [x for values in self.samples.values() for x in values]
        return {
            "seconds": round(self.wall, 1),
            "requests": len(every),
            "errors": len(self.errors),
            "error_examples": sorted(set(self.errors))[:10],
            "throughput_rps": round(len(every) / self.wall, 1) if self.wall else 0.0,
            "p50_ms": round(percentile(every, 50) * 1000, 1),
            "p95_ms": round(percentile(every, 95) * 1000, 1),
            "pages": {
                kind: {
                    "requests": len(values),
                    "p50_ms": round(percentile(values, 50) * 1000, 1),
                    "p95_ms": round(percentile(values, 95) * 1000, 1),
                    "mean_ms": round(statistics.fmean(values) * 1000, 1),
                }
                for kind, values in sorted(self.samples.items())
            },
        }


def journeys(visit, residents: int, seed: int) -> list:
    """One endless journey per resident: visit after visit, carried on from round to round (so
    short rounds do not make every resident start again at the home page)."""

    def journey(rng: random.Random):
        while True:
            yield from visit(rng)

    return [journey(random.Random(seed * 1000 + number)) for number in range(residents)]


async def load(port: int, seconds: float, walkers: list, tally: Tally):
    samples = tally.samples
    errors = tally.errors
    stop_at = time.perf_counter() + seconds

    async def resident(walker):
        # No new request after the round's time; the ones under way finish and count.
        while time.perf_counter() < stop_at:
            kind, path = next(walker)
            try:
                status, elapsed = await fetch(port, path)
            except OSError as exc:
                errors.append(f"{kind}: {type(exc).__name__}")
                continue
            if status != 200:
                errors.append(f"{kind}: HTTP {status} {path}")
                continue
            samples.setdefault(kind, []).append(elapsed)

    began = time.perf_counter()
    await asyncio.gather(*(resident(walker) for walker in walkers))
    tally.wall += time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per target")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("run under scripts/with-postgres.sh (DATABASE_URL=postgres://…)")

    tmp = Path(tempfile.mkdtemp(prefix="ontwikkelplein-serve-bench-"))
    port = free_port()
    env = server_env(tmp, port)
    t0 = time.perf_counter()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "load_demo", "--force")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    setup_s = round(time.perf_counter() - t0, 1)
    data = targets_from_database(env)
    if not data["offers"] or not data["postcodes"]:
        raise SystemExit("the demo data has no published offers or locations")

    def resident_visit(rng: random.Random):
        yield "home", "/"
        word = rng.choice(WORDS).replace(" ", "+").replace("é", "%C3%A9")
        yield "search", f"/zoeken/?q={word}&waar={rng.choice(data['postcodes'])}"
        for _ in range(rng.choice((1, 2))):
            yield "offer", rng.choice(data["offers"])

    def minimal_visit(rng: random.Random):
        yield "minimal", "/bench/minimal/"

    log = (tmp / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "src/ontwikkelplein/conf/gunicorn.py"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    # The background worker beside it, as `make serve` runs it (/readyz waits for its heartbeat).
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = asyncio.run(fetch(port, "/readyz"))
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"the server did not start; see {tmp / 'gunicorn.log'}")
            time.sleep(0.5)
        load_before = os.getloadavg()[0]
        # Warm up every worker process on both targets, then measure them in alternating rounds,
        # so that other work on the machine weighs on both alike.
        site_walkers = journeys(resident_visit, args.residents, args.seed)
        minimal_walkers = journeys(minimal_visit, args.residents, args.seed)
        warm = Tally()
        asyncio.run(load(port, args.warmup, site_walkers, warm))
        asyncio.run(load(port, args.warmup, minimal_walkers, warm))
        site_tally, minimal_tally = Tally(), Tally()
        per_round = args.seconds / args.rounds
        for _ in range(args.rounds):
            asyncio.run(load(port, per_round, site_walkers, site_tally))
            asyncio.run(load(port, per_round, minimal_walkers, minimal_tally))
        site, minimal = site_tally.summary(), minimal_tally.summary()
        load_after = os.getloadavg()[0]
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        os.killpg(server.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)

    sys.path.insert(0, str(REPO / "src"))
    from django.conf import settings as dj
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        engine_version = f"PostgreSQL {cursor.fetchone()[0]}"
    gunicorn_cfg = runpy.run_path(str(REPO / "src/ontwikkelplein/conf/gunicorn.py"))
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine_version": engine_version,
        "machine": machine_facts(),
        "residents": args.residents,
        "seconds": args.seconds,
        "rounds": args.rounds,
        "setup_s": setup_s,
        "offers": len(data["offers"]),
        "gunicorn": {
            "workers": gunicorn_cfg["workers"],
            "threads": gunicorn_cfg["threads"],
            "worker_class": gunicorn_cfg["worker_class"],
        },
        "settings": dj.SETTINGS_MODULE,
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "site": site,
        "minimal": minimal,
        "ratio": {
            "throughput": round(minimal["throughput_rps"] / max(site["throughput_rps"], 0.1), 1),
            "p50": round(site["p50_ms"] / max(minimal["p50_ms"], 0.1), 1),
            "p95": round(site["p95_ms"] / max(minimal["p95_ms"], 0.1), 1),
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "serve.json").write_text(json.dumps(result, indent=2))
    print(json.dumps({k: result[k] for k in ("site", "minimal", "ratio")}, indent=2))
    if site["errors"] or minimal["errors"]:
        raise SystemExit(f"errors under load: {site['error_examples'] + minimal['error_examples']}")


if __name__ == "__main__":
    main()
