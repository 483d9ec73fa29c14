"""Overview benchmark: the national overview of a closed year from the kept figures, against the
raw grouped query over the registrations (the floor), measured in the same run.

    .venv/bin/python bench/overview.py --engine sqlite
    bash scripts/with-postgres.sh .venv/bin/python bench/overview.py --engine postgres
    .venv/bin/python bench/overview_report.py     # writes its part of docs/performance.md

It builds a fresh database and the network and contacts of bench/desk.py (the same generator:
bulk inserts of contacts, questions and their roll-ups; --contacts at --per-year a year, newest
year last year), then times, for the last full year and the whole country (a KB-beheerder):
  raw      SELECT topic_id, COUNT(*) over questions JOIN contacts for the year (bench/desk.py's
           floor: the plain grouped query a report without roll-ups or kept figures runs)
  live     overview.selectors.overview() with nothing kept: every library's figures computed
           (and then kept; the kept rows are deleted before each run)
  kept     overview.selectors.overview() with the figures of the year (and of the year before,
           its comparison) kept: what every later request costs
The claim of issue 16: kept p50 <= 0.2 x raw p50 at 5,000,000 contacts, on both engines.
Results go to bench/results/overview-<engine>.json."""

import argparse
import datetime
import json
import os
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
sys.path.insert(0, str(REPO / "bench"))

import desk as desk_bench  # noqa: E402
from run import machine_facts, setup_django, summary  # noqa: E402

TARGET_RATIO = 0.2


def measure(repeat: int, today: datetime.date) -> dict:
    from django.db import connection

    from ontwikkelplein.core.figures.periods import Period, PeriodKind
    from ontwikkelplein.core.figures.scope import Scope
    from ontwikkelplein.core.figures.vocabulary import Level
    from ontwikkelplein.overview import selectors
    from ontwikkelplein.overview.models import KeptFigures

    period = Period.containing(PeriodKind.YEAR, datetime.date(today.year - 1, 6, 1))
    country = Scope(Level.COUNTRY, "Heel Nederland")
    sql, params = desk_bench.raw_statement(None, period)

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def live():
        KeptFigures.objects.all().delete()
        return selectors.overview(country, period, today=today)

    def kept():
        return selectors.overview(country, period, today=today)

    calls = {"raw": raw, "live": live, "kept": kept}
    for call in calls.values():  # warm up: caches, plans; leaves the year kept
        call()
    samples = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - start)
    stats = {name: summary(s) for name, s in samples.items()}
    for name in ("live", "kept"):
        for p in ("p50", "p95"):
            stats[name][f"{p}_ratio_to_raw"] = round(
                stats[name][f"{p}_ms"] / stats["raw"][f"{p}_ms"], 3
            )
    result = kept()
    questions = result.figure("balie", "desk_questions").measure.current.value
    if questions != sum(n for _topic, n in raw()):
        raise RuntimeError("the overview's questions differ from the raw query's")
    return {
        "period": f"{period.start} – {period.end}",
        "questions": questions,
        "kept_rows": KeptFigures.objects.count(),
        "layers": stats,
        "target_ratio": TARGET_RATIO,
        "meets_target": stats["kept"]["p50_ratio_to_raw"] <= TARGET_RATIO,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], required=True)
    parser.add_argument(
        "--contacts",
        type=int,
        default=5_000_000,
        help="contacts generated (default 5 million: ten years at --per-year)",
    )
    parser.add_argument("--per-year", type=int, default=500_000)
    parser.add_argument("--libraries", type=int, default=150)
    parser.add_argument("--locations", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per layer")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--output", type=Path, help="default: bench/results/overview-<engine>.json")
    args = parser.parse_args()

    tmp = setup_django(args.engine)
    try:
        from django.core.management import call_command

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        network = desk_bench.make_network(args.libraries, args.locations, args.seed)
        today = datetime.date.today()
        last_day = datetime.date(today.year, 1, 1) - datetime.timedelta(days=1)
        first_day = last_day - datetime.timedelta(
            days=round(args.contacts / args.per_year * 365) - 1
        )
        print(f"{args.engine}: generating {args.contacts:,} contacts ({first_day} – {last_day})")
        generated = desk_bench.generate_contacts(
            network, args.contacts, first_day, last_day, args.seed + args.contacts
        )
        if args.engine == "postgres":
            desk_bench.analyze()
        build_s = round(time.perf_counter() - started, 1)
        load_before = os.getloadavg()[0]
        measured = measure(args.repeat, today)
        layers = measured["layers"]
        print(
            f"{args.engine}: raw p50 {layers['raw']['p50_ms']} ms, live p50"
            f" {layers['live']['p50_ms']} ms, kept p50 {layers['kept']['p50_ms']} ms"
            f" ({layers['kept']['p50_ratio_to_raw']} x raw)",
            flush=True,
        )
        result = {
            "engine": args.engine,
            "engine_version": desk_bench.engine_version(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine_facts(),
            "network": {
                "libraries": args.libraries,
                "locations": args.locations,
                "per_year": args.per_year,
            },
            "contacts": args.contacts,
            "full_size": args.contacts >= 5_000_000,
            "generated": generated,
            "build_s": build_s,
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            **measured,
        }
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    output = args.output or RESULTS / f"overview-{args.engine}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"{args.engine}: written to {output}")
    if not result["meets_target"]:
        sys.exit(f"{args.engine}: the kept overview is not within {TARGET_RATIO} x the raw query")


if __name__ == "__main__":
    main()
