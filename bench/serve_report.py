"""The "production server under load" part of docs/performance.md, from
bench/results/serve.json (written by bench/serve.py). bench/report.py appends it."""

import json
from pathlib import Path

import parts

PAGES = [
    ("home", "Home page `GET /`"),
    ("search", "Search with a word and a postcode `GET /zoeken/?q=…&waar=…`"),
    ("offer", "Offer page `GET /aanbod/<id>/`"),
    ("minimal", "Minimal view `GET /bench/minimal/` (the floor)"),
]

INTRO = """\

# Performance of the production server under load

Written by `bench/report.py` from the results of `bench/serve.py` ({date}), part of
`make bench`.

## What is measured

`bench/serve.py`, under `scripts/with-postgres.sh`, migrates a throwaway PostgreSQL 15 database,
loads the demo data (`load_demo --force`, {offers} published offers) and starts gunicorn as
`make serve` does: `src/ontwikkelplein/conf/gunicorn.py` with its defaults
({workers} workers × {threads} threads, `{worker_class}`), the production settings (`DEBUG` off,
JSON access log with request ids, WhiteNoise, the database cache table, persistent database
connections of 60 s) plus one extra URL, on 127.0.0.1, with the background worker
(`manage.py qcluster`) beside it as `make serve` runs it. A small asyncio client (standard library
only) keeps **{residents} simulated residents** busy at once, {seconds:.0f} s per target after a
warm-up, in {rounds} alternating rounds (so other work on the machine weighs on both targets
alike), each resident doing one request at a time without pause, over a new connection per
request:

- **site**: the home page, a search with a word and a postcode of a demo location, then one or
  two offer pages, over and over;
- **minimal**: a view that renders nothing and touches no database, through the same gunicorn,
  settings and middleware: the floor of this server on this machine.

No resident starts a request after a round's time is up; the requests under way then finish
and count, and throughput is completed requests over the whole time, including that tail.
Every answer must be 200; the run fails on any error. Latency is from opening the connection to
the last byte, so it includes the wait for a free gunicorn thread: with {residents} residents and
{slots} threads, most of a request's time under full load is queueing. p50 and p95 are
nearest-rank percentiles. The client runs on the same machine and takes part of its
{cpus} CPU(s).
"""

READING = """\
## Reading the figures

- Throughput is what the machine sustains with every thread busy; the latency a resident sees is
  roughly (residents ÷ throughput). More CPUs (or nodes) raise the throughput; more threads per
  worker only help while requests wait on the database.
- The ratio to the minimal view is the price of the pages themselves (queries, search, templates)
  on top of what gunicorn, Django's middleware and the log cost for every request.
- Under full load a request's latency is mostly its wait for a free thread, so the three pages
  show about the same latency; what each page costs shows in the throughput of the mix. The
  search with a postcode does the most work (full-text match, distance to the locations, result
  cards; see the search benchmark at the top of this file); its latency without queueing is in
  that section.
- The machine was shared with other work while these figures were taken (a load average well
  above its CPU count, see the table): the server, the client and other processes took turns on
  the same CPUs, which stretches the latencies of both targets and especially their tails. Treat
  the absolute numbers as an upper bound, and compare the ratios between runs.
"""


def load(results: Path) -> dict | None:
    path = results / "serve.json"
    return json.loads(path.read_text()) if path.exists() else None


def render(run: dict) -> str:
    site, minimal = run["site"], run["minimal"]
    gunicorn = run["gunicorn"]
    parts = [
        INTRO.format(
            date=run["date"][:10],
            offers=run["offers"],
            workers=gunicorn["workers"],
            threads=gunicorn["threads"],
            worker_class=gunicorn["worker_class"],
            residents=run["residents"],
            seconds=run["seconds"],
            rounds=run.get("rounds", 1),
            slots=gunicorn["workers"] * gunicorn["threads"],
            cpus=run["machine"]["cpus_available"],
        )
    ]
    parts.append("## Machine\n")
    parts.append("| | |\n|---|---|")
    parts.append(f"| Date | {run['date']} |")
    parts.append(f"| Database | {run['engine_version']} |")
    parts.append(f"| CPU | {run['machine']['cpu']} |")
    parts.append(f"| CPUs available | {run['machine']['cpus_available']} |")
    parts.append(f"| Memory | {run['machine']['memory_gb']} GB |")
    parts.append(f"| OS / Python | {run['machine']['os']} / Python {run['machine']['python']} |")
    load_avg = " / ".join(str(x) for x in run["load_average_1min"])
    parts.append(f"| Load average (1 min) before / after | {load_avg} |")
    parts.append("\n## Results\n")
    parts.append("| Target | Requests | Errors | Throughput | p50 | p95 |")
    parts.append("|---|---|---|---|---|---|")
    for label, stats in (("site (resident mix)", site), ("minimal view", minimal)):
        parts.append(
            f"| {label} | {stats['requests']:,} | {stats['errors']} | "
            f"{stats['throughput_rps']:,.1f} req/s | {stats['p50_ms']:,.1f} ms | "
            f"{stats['p95_ms']:,.1f} ms |"
        )
    ratio = run["ratio"]
    parts.append(
        f"| **site ÷ minimal** | | | {ratio['throughput']}× fewer | {ratio['p50']}× | "
        f"{ratio['p95']}× |"
    )
    parts.append("\n### Per page\n")
    parts.append("| Page | Requests | p50 | p95 |")
    parts.append("|---|---|---|---|")
    for kind, label in PAGES:
        stats = (site if kind != "minimal" else minimal)["pages"].get(kind)
        if stats:
            parts.append(
                f"| {label} | {stats['requests']:,} | {stats['p50_ms']:,.1f} ms | "
                f"{stats['p95_ms']:,.1f} ms |"
            )
    parts.append("")
    parts.append(READING)
    parts.append("Re-run: `bash scripts/with-postgres.sh .venv/bin/python bench/serve.py` then")
    parts.append("`.venv/bin/python bench/report.py` (or `make bench` for everything).\n")
    return "\n".join(parts)


def section(results: Path) -> str:
    """The load part, or "" when bench/serve.py has not run."""
    run = load(results)
    return render(run) if run else ""


HEADING = "# Performance of the production server under load"


def splice(document: str, part: str) -> str:
    """`document` with its load part replaced by `part` (the parts after it, such as the light
    pages, are kept)."""
    return parts.splice(document, HEADING, part)


def main() -> None:
    """Update only the load part of docs/performance.md (bench/report.py rewrites all of it)."""
    import argparse

    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--results", type=Path, default=repo / "bench" / "results")
    parser.add_argument("--output", type=Path, default=repo / "docs" / "performance.md")
    args = parser.parse_args()
    part = section(args.results)
    if not part:
        raise SystemExit(f"no serve.json in {args.results}; run bench/serve.py first")
    args.output.write_text(splice(args.output.read_text(), part))
    print(f"wrote the load part of {args.output}")


if __name__ == "__main__":
    main()
