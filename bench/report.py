"""Writes docs/performance.md from the JSON files bench/run.py left in bench/results/.

.venv/bin/python bench/report.py [--results bench/results] [--output docs/performance.md]
"""

import argparse
import json
from pathlib import Path

import classification_report
import desk_report
import overview_report
import quality_report
import serve_report
from parts import kept_part
from run import PAGE_P95_RATIO_BASELINE, PAGE_P95_RATIO_TARGET

REPO = Path(__file__).resolve().parent.parent
ENGINES = [("sqlite", "SQLite (FTS5)"), ("postgres", "PostgreSQL (full text)")]
LAYERS = [
    ("page", "Search page: `GET /zoeken/?q=…&waar=3811`"),
    ("search", "`catalogue.search.search()`"),
    ("raw", "Bare engine query (the floor)"),
]

INTRO = """\
# Performance of search

Written by `bench/report.py` from the results of `make bench`, taken on {dates}. Run it again on
your own machine to get your own figures; the ratios are what carry over between machines.

## What is measured

`bench/run.py --engine sqlite|postgres` builds a fresh database (SQLite in a file in a temporary
folder; PostgreSQL 15 started by `scripts/with-postgres.sh`), migrates it and generates a
national-scale catalogue with `bulk_create`: **{offers:,} offers** (about 90% published, the rest
drafts, archived or expired) over **{locations:,} locations** placed around real PC4 centroids,
with themes, target groups, levels, partners, programmes and weekly times. It then builds the
search index with `rebuild_index()` and times, for {n_queries} fixed queries a resident might type
near postcode 3811 (Amersfoort) — including a typing error (`digdi`) and a radius (`afstand=10`) —
three layers in the same run, {repeat} times each, interleaved:

- **page**: the whole public search page through Django's test `Client`: form, place lookup,
  `search()`, result cards, template.
- **search**: `catalogue.search.search()` with the same words and origin: analysis, synonyms,
  typo check, filters, distance to the nearest place, ordering, paging and total, and loading
  the page of offers.
- **raw**: the bare ranked full-text statement for the same analysed terms (FTS5
  `MATCH … ORDER BY bm25` or `@@ tsquery … ORDER BY ts_rank`, top 20), with no filters, distance
  or paging.

The raw statement is the floor: no search page can be faster than the engine's own match. Each
figure is reported next to it as a ratio measured in the same run, so a slow or busy machine moves
both. Latencies are wall-clock; p50 and p95 are nearest-rank percentiles over all timed runs of
all queries.
"""

DESIGN = """\
## How the engines analyse text

Both engines index and search the same lexemes (`catalogue/search/`; tests compare them word
by word on the demo and reference data):

- Shared Python splits text into words, drops Dutch stop words and rewrites a few plurals before
  stemming (`rewrite()`: cursussen → cursusen, which stems to cursus).
- **PostgreSQL** analyses with its own text search configuration `ontwikkelplein_dutch`, the
  built-in `dutch` one (Snowball stemmer, stop list) with `unaccent` in front of the stemmer.
  Words arrive with their accents, for `unaccent` to remove. The database turns each offer's
  words into the weighted `tsvector` it stores, title A, summary B, the rest C, with
  `setweight(to_tsvector('ontwikkelplein_dutch', …), …)` (GIN index); so `rebuild_index()`
  includes PostgreSQL's own analysis of every document. Query and synonym words are stemmed by
  the same configuration (`to_tsvector`, once per word a process has not seen yet); the lexemes
  are matched with `@@ tsquery` and ranked with `ts_rank`; `pg_trgm` finds typo candidates.
- **SQLite** gets the words with accents folded by Python, stemmed by the same Snowball algorithm
  in Python (`snowballstemmer`), in an FTS5 table ranked with bm25.

## Reading the figures

- A broad word is the expensive case: `digid` matches about a quarter of this catalogue, and
  `nederlands leren` about half of it (the needs vocabulary adds alternatives, and a partial
  match is found rather than dropped). The floor pays for scoring every match too; what a search
  adds on top of it is kept away from the matches that cannot reach the page:
  - **Near hits first.** With a place and no radius, `search()` first ranks only the hits within
    30 km (`NEAR_KM`: the places in a bounding box on the location index, their offers through
    the index on `location_id`). Every hit farther away has a blend below 0.5^3 = 0.125 (a fit
    is at most 1, halved every 10 km), so when the page is full and its last hit beats that
    bound, it is the page of the whole ranking. Otherwise (a thin neighbourhood, a deep page)
    the whole ranking runs as a second statement. A test compares both ways over distances,
    page sizes, pages and orders (`test_search_ranking.py`).
  - **Each match is read once, narrowly.** The total and the best score come from every hit,
    but only through the index `catalogue_offer_search_live` on (id, status, valid_to), not the
    offers' wide rows; boost, season and distance are computed only for the hits ranked.
  - **Join order.** SQLite is told the order (`CROSS JOIN`: the few matches first, then each
    offer by its key); PostgreSQL gets the ids as an array (`= ANY(ARRAY(…))`), because it
    cannot estimate how few rows a CTE holds and would otherwise hash the whole offer table.
  - **No JIT.** PostgreSQL's just-in-time compiler took about 1.5 s to compile a search that
    then ran in 0.1 s, whenever its (wrong) row estimates crossed `jit_above_cost`; each
    search statement runs with `SET LOCAL jit = off` in its own transaction.
- With a radius (`afstand`) the query starts from the locations in range instead of from the
  matches, the same way as the near-first step.
- The full-text match is materialised first (`WITH matches AS MATERIALIZED`): without it the
  SQLite planner walks all published offers and runs the match once per offer (7.5 s instead of
  48 ms for `digid` at this size).
- search() to raw is the price of the features on top of the bare match: publication dates and
  filters, the nearest place, ordering, the total count and loading the offers for the result
  cards (a fixed handful of queries, not one per hit).
- page to search is the public view (place lookup, its own card queries, the template).
- PostgreSQL's tables are `ANALYZE`d after loading, as autovacuum would in production; the
  throwaway server runs with `fsync=off`, which does not affect these read-only timings.
- The machine was shared with other work while these figures were taken; the 1-minute load
  average is in the tables. Treat absolute numbers as an upper bound.

## Re-running

```
make bench                                   # both engines at full size, then this file
.venv/bin/python bench/run.py --engine sqlite --offers 5000 --locations 200 --repeat 5
bash scripts/with-postgres.sh .venv/bin/python bench/run.py --engine postgres
.venv/bin/python bench/report.py
```
"""


def load(results: Path) -> dict[str, dict]:
    found = {}
    for engine, _ in ENGINES:
        path = results / f"{engine}.json"
        if path.exists():
            found[engine] = json.loads(path.read_text())
    return found


def ms(value: float) -> str:
    return f"{value:,.1f} ms"


def render(runs: dict[str, dict]) -> str:
    first = next(iter(runs.values()))
    dates = " and ".join(sorted({run["date"][:10] for run in runs.values()}))
    parts = [
        INTRO.format(
            dates=dates,
            offers=first["data"]["offers"],
            locations=first["data"]["locations"],
            n_queries=len(first["queries"]),
            repeat=first["repeat"],
        )
    ]

    parts.append("## Machine\n")
    parts.append("| | " + " | ".join(label for engine, label in ENGINES if engine in runs) + " |")
    parts.append("|---|" + "---|" * len(runs))
    rows = [
        ("Date", lambda r: r["date"]),
        ("Engine", lambda r: r["engine_version"]),
        ("CPU", lambda r: r["machine"]["cpu"]),
        ("CPUs available", lambda r: str(r["machine"]["cpus_available"])),
        ("Memory", lambda r: f"{r['machine']['memory_gb']} GB"),
        ("OS / Python", lambda r: f"{r['machine']['os']} / Python {r['machine']['python']}"),
        (
            "Load average (1 min) before / after timing",
            lambda r: " / ".join(str(x) for x in r["timings"].get("load_average_1min", [])),
        ),
    ]
    for label, value in rows:
        parts.append(
            f"| {label} | " + " | ".join(value(runs[e]) for e, _ in ENGINES if e in runs) + " |"
        )

    parts.append("\n## Data and index\n")
    parts.append("| | " + " | ".join(label for engine, label in ENGINES if engine in runs) + " |")
    parts.append("|---|" + "---|" * len(runs))
    data_rows = [
        (
            "Offers (published)",
            lambda r: f"{r['data']['offers']:,} ({r['data']['published_offers']:,})",
        ),
        (
            "Offers in the index (published, not expired)",
            lambda r: f"{r['data']['indexed_offers']:,}",
        ),
        (
            "Locations / offer places / weekly times",
            lambda r: " / ".join(
                f"{r['data'][key]:,}" for key in ("locations", "offer_locations", "schedules")
            ),
        ),
        ("Generating the data (bulk_create)", lambda r: f"{r['timings']['generate_s']} s"),
        ("`rebuild_index()`", lambda r: f"{r['timings']['rebuild_index_s']} s"),
    ]
    for label, value in data_rows:
        parts.append(
            f"| {label} | " + " | ".join(value(runs[e]) for e, _ in ENGINES if e in runs) + " |"
        )

    parts.append("\n## Latency\n")
    parts.append("| Engine | Layer | p50 | p95 | p50 / floor | p95 / floor |")
    parts.append("|---|---|---|---|---|---|")
    for engine, engine_label in ENGINES:
        if engine not in runs:
            continue
        layers = runs[engine]["layers"]
        for layer, layer_label in LAYERS:
            stats = layers[layer]
            ratio50 = f"{stats['p50_ratio_to_raw']}×" if layer != "raw" else "1×"
            ratio95 = f"{stats['p95_ratio_to_raw']}×" if layer != "raw" else "1×"
            parts.append(
                f"| {engine_label} | {layer_label} | {ms(stats['p50_ms'])} | {ms(stats['p95_ms'])}"
                f" | {ratio50} | {ratio95} |"
            )

    parts.append("\n### Target: the page's p95 toward 4× the floor\n")
    parts.append(
        "Issue 13 (item 7): at 50,000 offers, the search page's p95 should come down from\n"
        "the baseline measured before the issue's work (2026-11-21) toward\n"
        f"{PAGE_P95_RATIO_TARGET:g}× the bare engine query's p95, and must not grow above the"
        " baseline.\n`bench/run.py --check` exits with an error when it does. Ratios taken at"
        " other sizes do\nnot compare with these.\n"
    )
    parts.append("| Engine | Page p95 / floor | Baseline | Target | |")
    parts.append("|---|---|---|---|---|")
    for engine, engine_label in ENGINES:
        if engine not in runs:
            continue
        ratio = runs[engine]["layers"]["page"]["p95_ratio_to_raw"]
        baseline = PAGE_P95_RATIO_BASELINE[engine]
        if ratio <= PAGE_P95_RATIO_TARGET:
            verdict = "target met"
        elif ratio <= baseline:
            verdict = "within the baseline"
        else:
            verdict = "**above the baseline**"
        parts.append(
            f"| {engine_label} | {ratio}× | {baseline}× | {PAGE_P95_RATIO_TARGET:g}× | {verdict} |"
        )

    parts.append("\n## Per query (p50)\n")
    header = "| Query | Matches |"
    rule = "|---|---|"
    for engine, label in ENGINES:
        if engine in runs:
            header += f" {label}: page / search / raw |"
            rule += "---|"
    parts += [header, rule]
    by_engine = {engine: runs[engine]["queries"] for engine in runs}
    for index, query in enumerate(first["queries"]):
        url = query["url"].split("?", 1)[1]
        label = f"`{url}`"
        if query["corrections"]:
            label += " (searched: " + ", ".join(query["corrections"].values()) + ")"
        cells = []
        for engine, _ in ENGINES:
            if engine in runs:
                q = by_engine[engine][index]
                cells.append(
                    f"{q['page_p50_ms']:.1f} / {q['search_p50_ms']:.1f} / {q['raw_p50_ms']:.1f} ms"
                )
        parts.append(f"| {label} | {query['total']:,} | " + " | ".join(cells) + " |")
    parts.append("")
    parts.append(DESIGN)
    return "\n".join(parts)


OPENDATA_HEADING = "# Performance of open data (HSDS import and API)"
# Written by hand from tests/browser/test_light_pages.py's output.
LIGHT_PAGES_HEADING = '# Performance of resident pages ("Light pages")'
DESK_HEADING = "# Performance of the front desk"


def assemble(runs: dict[str, dict], results: Path, previous: str) -> str:
    """The whole file. A part whose benchmark has not run on this machine (bench/results/ is not
    in git) keeps what the file said, rather than disappearing."""
    return (
        render(runs)
        + (quality_report.section(results) or kept_part(previous, quality_report.HEADING))
        + (desk_report.section(results) or kept_part(previous, DESK_HEADING))
        + (overview_report.section(results) or kept_part(previous, overview_report.HEADING))
        + (
            classification_report.section(results)
            or kept_part(previous, classification_report.HEADING)
        )
        + kept_part(previous, OPENDATA_HEADING)
        + (serve_report.section(results) or kept_part(previous, serve_report.HEADING))
        + kept_part(previous, LIGHT_PAGES_HEADING)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "performance.md")
    args = parser.parse_args()
    runs = load(args.results)
    if not runs:
        raise SystemExit(f"no results in {args.results}; run bench/run.py first")
    # Search quality (bench/search_quality.py), the front desk (bench/desk.py), automatic
    # classification (bench/classification.py) and the
    # production server under load (bench/serve.py) follow the search figures in the same file.
    # The open data part is written by hand from bench/opendata.py's output: kept as it is.
    previous = args.output.read_text() if args.output.exists() else ""
    args.output.write_text(assemble(runs, args.results, previous))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
