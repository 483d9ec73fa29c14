"""The "front desk" part of docs/performance.md, from bench/results/desk-<engine>.json
(written by bench/desk.py). bench/report.py appends it to the search part."""

import json
from pathlib import Path

ENGINES = [("sqlite", "SQLite"), ("postgres", "PostgreSQL")]
LAYERS = [
    ("page", "page `GET /beheer/cijfers/`"),
    ("figures", "`desk.selectors.figures()`"),
    ("raw", "raw grouped query (floor)"),
]

INTRO = """\

# Performance of the front desk

Written by `bench/report.py` from the results of `bench/desk.py` ({dates}), part of
`make bench`. As above, the ratios to a floor measured in the same run are what carry over
between machines.

## What is measured

`bench/desk.py --engine sqlite|postgres` builds a fresh database the same way as the search
benchmark and makes a network of {libraries} library organisations of very different sizes with
{locations} locations. Then:

1. **Registrations per second.** A real HTTP server (the stdlib WSGI server with a fixed pool of
   {workers} worker threads, in its own process, on 127.0.0.1, with persistent database
   connections) serves the site plus a minimal JSON POST view that does nothing but read its body
   (`bench/desk_urls.py`, mounted only there). {clients} client threads send {requests:,} POSTs to
   each, in {rounds} alternating rounds, one connection per request:
   `POST /api/v1/contacts/` with an API key, one to three questions and a fresh
   `client_reference` (so authentication, validation, the privacy check of the note, the
   contact, its questions, the audit record and both roll-ups, in one transaction), all at one
   location and day, so concurrent registrations update the same roll-up rows (the worst case),
   and `POST /bench/noop/`. Every API answer must be 201 and every registration must be stored.
2. **Figures over millions of contacts.** Contacts are generated at a steady
   {per_year:,} a year (with 1.3 questions each on average), newest years first, so 1 million
   contacts is two years of registrations and 5 million is ten; the dashboard is timed for the
   last full year at each size, for the whole country (a KB-beheerder) and for the busiest
   library (its own view), in three layers, {repeat} runs each, interleaved:
   - **page**: the whole `/beheer/cijfers/?periode=jaar` page through Django's test `Client`,
     logged in (figures, drill-down links, charts, template);
   - **figures**: `desk.selectors.figures()`: everything the page shows, this year against the
     previous one, from the `DailyCount`/`DailyHelpCount` roll-ups;
   - **raw**: `SELECT topic_id, COUNT(*)` over questions joined to their contacts for that year,
     grouped in the database, using the `registered_at` index: the plain query a report without
     roll-ups would start from, for one breakdown only (the floor).

The generated contacts, questions and roll-up rows are written with bulk inserts (SQLite
`executemany`, PostgreSQL `COPY`), day by day in date order as registrations arrive, not through
the services. The roll-up rows come from `rollup()` in `bench/desk.py`, which counts the way the
services do; it is checked in the same run: after part 1 it is applied to the registrations the
API made, and must give exactly the roll-up rows the services wrote one registration at a time
({check}).
"""


def load(results: Path) -> dict[str, dict]:
    found = {}
    for engine, _label in ENGINES:
        path = results / f"desk-{engine}.json"
        if path.exists():
            found[engine] = json.loads(path.read_text())
    return found


def ms(value: float) -> str:
    return f"{value:,.1f} ms"


def _check(runs: dict) -> str:
    parts = []
    for engine, label in ENGINES:
        api = runs.get(engine, {}).get("api")
        if api and api.get("rollup_check"):
            rows = api["rollup_check"]
            parts.append(
                f"{label}: {rows['daily_count_rows']:,} and {rows['daily_help_count_rows']:,} "
                "rows equal"
            )
    return "; ".join(parts) if parts else "not run"


def render(runs: dict[str, dict]) -> str:
    first = next(iter(runs.values()))
    api_first = next((r["api"] for r in runs.values() if r.get("api")), None) or {}
    dates = ", ".join(f"{engine} {run['date'][:10]}" for engine, run in runs.items())
    parts = [
        INTRO.format(
            dates=dates,
            libraries=first["network"]["libraries"],
            locations=first["network"]["locations"],
            per_year=first["network"]["per_year"],
            workers=api_first.get("workers", "-"),
            clients=api_first.get("clients", "-"),
            requests=api_first.get("requests", 0),
            rounds=api_first.get("rounds", "-"),
            repeat=first["figures"][0]["country"]["layers"]["raw"]["n"] if first["figures"] else 0,
            check=_check(runs),
        )
    ]

    parts.append("## Machine and engines\n")
    parts.append("| | " + " | ".join(label for e, label in ENGINES if e in runs) + " |")
    parts.append("|---|" + "---|" * len(runs))
    rows = [
        ("Date", lambda r: r["date"]),
        ("Engine", lambda r: r["engine_version"]),
        ("CPU", lambda r: f"{r['machine']['cpu']} ({r['machine']['cpus_available']} available)"),
        (
            "Load average (1 min) around the API run",
            lambda r: " / ".join(str(x) for x in (r.get("api") or {}).get("load_average_1min", [])),
        ),
    ]
    for label, value in rows:
        parts.append(
            f"| {label} | " + " | ".join(value(runs[e]) for e, _ in ENGINES if e in runs) + " |"
        )

    parts.append("\n## Registrations per second\n")
    parts.append(
        "| Engine | `POST /api/v1/contacts/` | minimal view | API / minimal | "
        "API latency p50 / p95 | minimal latency p50 / p95 |"
    )
    parts.append("|---|---|---|---|---|---|")
    for engine, label in ENGINES:
        api = (runs.get(engine) or {}).get("api")
        if not api:
            continue
        parts.append(
            f"| {label} | {api['api']['per_second']:,.0f} /s | {api['noop']['per_second']:,.0f} /s"
            f" | {api['api_to_noop']:.0%} | {ms(api['api']['p50_ms'])} / {ms(api['api']['p95_ms'])}"
            f" | {ms(api['noop']['p50_ms'])} / {ms(api['noop']['p95_ms'])} |"
        )

    parts.append("\n## Figures over the years\n")
    parts.append(
        "| Engine | Contacts (years) | Who | Questions in the year | "
        + " | ".join(f"{name} p50 / p95" for _key, name in LAYERS)
        + " | figures / floor (p50) |"
    )
    parts.append("|---|---|---|---|---|---|---|---|")
    for engine, label in ENGINES:
        run = runs.get(engine)
        if not run:
            continue
        for size in run["figures"]:
            years = size["contacts"] / run["network"]["per_year"]
            for who in ("country", "library"):
                scenario = size[who]
                layers = scenario["layers"]
                cells = []
                for key, _name in LAYERS:
                    if key in layers:
                        cells.append(f"{ms(layers[key]['p50_ms'])} / {ms(layers[key]['p95_ms'])}")
                    else:
                        cells.append("not measured")
                who_label = "whole country" if who == "country" else "busiest library"
                parts.append(
                    f"| {label} | {size['contacts']:,} ({years:g}) | {who_label} | "
                    f"{scenario['questions']:,} | "
                    + " | ".join(cells)
                    + f" | {layers['figures']['p50_ratio_to_raw']}× |"
                )

    parts.append("\n## Data\n")
    parts.append(
        "| Engine | Contacts added | Questions added | Bulk load | Indexes rebuilt | "
        "DailyCount rows added | DailyHelpCount rows added | Load average around the timing |"
    )
    parts.append("|---|---|---|---|---|---|---|---|")
    for engine, label in ENGINES:
        run = runs.get(engine)
        if not run:
            continue
        for size in run["figures"]:
            g = size["generated"]
            parts.append(
                f"| {label} | {g['contacts']:,} ({g['first_day']} – {g['last_day']})"
                f" | {g['questions']:,} | {g['insert_s']} s | {g['index_s']} s"
                f" | {g['daily_count_rows']:,} | {g['daily_help_count_rows']:,}"
                f" | {' / '.join(str(x) for x in size.get('load_average_1min', []))} |"
            )
    parts.append("")
    parts.append(reading(runs))
    parts.append(NOTES)
    return "\n".join(parts)


def reading(runs: dict[str, dict]) -> str:
    """What the figures say, computed from the results so the text stays true on a re-run."""
    lines = ["## Reading the figures\n"]
    api_parts = [
        f"{label} {runs[e]['api']['api_to_noop']:.0%}"
        for e, label in ENGINES
        if e in runs and runs[e].get("api")
    ]
    if api_parts:
        lines.append(
            "- **The API against the minimal view** ("
            + ", ".join(api_parts)
            + "): the minimal view only parses JSON; a registration also checks the key, "
            "validates every field (looking up the location, agencies and topics), checks the "
            "note for personal data and then writes, in one transaction, the contact, its "
            "questions, the audit record and an update of each roll-up row it touches: about "
            "ten SQL statements for a one-question contact and three more for each further "
            "question. Client threads and server share the machine's processors, so the "
            "absolute rates are a lower bound. SQLite runs one write transaction at a time "
            "(the others wait, `transaction_mode` IMMEDIATE with a busy timeout); on "
            "PostgreSQL concurrent registrations at one location update the same roll-up rows, "
            "which the services lock in one fixed order so they cannot deadlock (a test runs "
            "48 concurrent registrations at one location)."
        )
    for engine, label in ENGINES:
        run = runs.get(engine)
        if not run or not run["figures"]:
            continue
        sizes = run["figures"]
        first, last = sizes[0], sizes[-1]

        def grew(layer, first=first, last=last):
            return {
                who: last[who]["layers"][layer]["p50_ms"] / first[who]["layers"][layer]["p50_ms"]
                for who in ("country", "library")
            }

        growth, raw_growth = grew("figures"), grew("raw")
        lines.append(
            f"- **{label}, from {first['contacts']:,} to {last['contacts']:,} contacts** (the "
            "same number of registrations in the year shown, more years behind it): the "
            f"figures took {growth['country']:.1f}× as long for the whole country and "
            f"{growth['library']:.1f}× for the library; the floor {raw_growth['country']:.1f}× "
            f"and {raw_growth['library']:.1f}×. At the largest size `figures()` took "
            f"{last['country']['layers']['figures']['p50_ratio_to_raw']}× the floor for the "
            f"whole country and {last['library']['layers']['figures']['p50_ratio_to_raw']}× for "
            "the library."
        )
    densities = []
    for engine, label in ENGINES:
        run = runs.get(engine)
        if run and run["figures"]:
            rows = sum(s["generated"]["daily_count_rows"] for s in run["figures"])
            questions = sum(s["generated"]["questions"] for s in run["figures"])
            densities.append(f"{rows:,} `DailyCount` rows for {questions:,} questions ({label})")
    if densities:
        lines.append(
            "- **What the roll-up saves.** `figures()` reads only the roll-ups, and every query "
            "it runs is bounded by the period's dates (indexes on `date` and "
            "`(organisation, date)`), so it never reads the registrations themselves. But a "
            "`DailyCount` row is one combination of day, location, channel, category, agency, "
            "topic and referral, and with hundreds of locations and a few visitors a location a "
            "day almost every question has a combination of its own: "
            + "; ".join(densities)
            + ". At this granularity the roll-up is about as long as the questions table, and "
            "`figures()` reads it several times (the breakdowns, the areas, the help given, the "
            "course over time), for the period and the one before it. That is why it stays "
            "within a small factor of a single grouped query over the raw rows rather than far "
            "below it. A coarser roll-up for long periods (per month, without the day) would "
            "shrink what a year or a quarter reads by up to the number of days in a month."
        )
    lines.append(
        "- **The floor** is one grouped query for one breakdown. Its cost depends on the plan: "
        "PostgreSQL (checked with `EXPLAIN` at one million contacts over ten years) takes the "
        "year's contacts from the `registered_at` index but joins them to the questions by "
        "hashing and scanning the whole questions table, so the floor itself grows with the "
        "years; the roll-up queries of `figures()` are index range scans on `date`."
    )
    page_ratios = [
        size[who]["layers"]["page"]["p50_ms"] / size[who]["layers"]["figures"]["p50_ms"]
        for run in runs.values()
        for size in run["figures"]
        for who in ("country", "library")
        if "page" in size[who]["layers"]
    ]
    page_text = (
        f" The whole page took {min(page_ratios):.2f}× to {max(page_ratios):.2f}× the time of "
        "`figures()` (p50): the rest is access checks, charts, links and the template."
        if page_ratios
        else ""
    )
    lines.append(
        "- The page shows about ten breakdowns with the previous period beside each, so a "
        "figures / floor ratio near 1 means the whole dashboard costs about what a single "
        "report query over the raw rows costs." + page_text
    )
    lines.append(
        "- PostgreSQL's tables are `ANALYZE`d after each load, as autovacuum would in "
        "production; the throwaway server runs with `fsync=off`, which flatters write-heavy "
        "figures (the API) but not the read-only ones. The machine was shared with other work; "
        "the load averages are in the tables."
    )
    return "\n".join(lines) + "\n"


NOTES = """\
## Re-running

A full run takes about ten minutes per engine on the machine above, most of it generating the
five million contacts; `--contacts 1000000` takes about three.

```
make bench                                                   # both engines, then this file
.venv/bin/python bench/desk.py --engine sqlite --contacts 100000 --requests 500
bash scripts/with-postgres.sh .venv/bin/python bench/desk.py --engine postgres
.venv/bin/python bench/report.py
```
"""


def section(results: Path) -> str:
    """The front-desk part, or "" when bench/desk.py has not run."""
    runs = load(results)
    return render(runs) if runs else ""
