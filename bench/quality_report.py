"""The "Search quality" part of docs/performance.md, from bench/results/quality-<engine>.json
(written by bench/search_quality.py). bench/report.py includes it; run alone, this updates only
that part of the file:

    .venv/bin/python bench/quality_report.py [--results DIR] [--output docs/performance.md]
"""

import argparse
import json
from pathlib import Path

import parts

ENGINES = [("sqlite", "SQLite (FTS5)"), ("postgres", "PostgreSQL (full text)")]
CATEGORIES = {
    "catalogue": "Plain catalogue words",
    "sentence": "Sentences",
    "typo": "Typing errors",
    "compound": "Compounds apart or joined",
    "english": "English",
    "other-language": "Other languages",
    "seasonal": "Out of season (tax help in December)",
    "need": "Needs in everyday words",
    "distance": "Distance matters",
}
# The search of main before issue 13's work (commit 22c0e07; measured on branch quality, which
# changes no search code), on 2026-12-07 with the 133 queries of
# bench/quality/queries.toml: the figure the work is compared with. Measure it again (and
# update it here) only when the set's labels change.
BASELINE = {
    "commit": "22c0e07",
    "date": "2026-12-07",
    "sqlite": {"n": 133, "top1": 0.6165, "top3": 0.7143, "ndcg3": 0.569, "no_results": 15},
    "postgres": {"n": 133, "top1": 0.6241, "top3": 0.6992, "ndcg3": 0.5669, "no_results": 15},
}

HEADING = "# Search quality"
NEXT_HEADING = "# Performance of the front desk"  # the part that follows this one

INTRO = """\
# Search quality

Written by `bench/report.py` (or `bench/quality_report.py` alone) from the results of
`bench/search_quality.py`, part of `make bench`,
taken on {dates} at commit {commits}.
Unlike the timings, these figures do not depend on the machine's speed: the same code, data and
date give the same figures anywhere.

## What is measured

`bench/quality/queries.toml` holds **{n} resident queries**, written and labelled by the team
over the demo catalogue: what a resident types in "Wat zoek je?", optionally with what they type
in "Waar?" (postcodes and town names in all six demo library areas), and the offers that fit,
graded **2** (fits well) or **1** (acceptable), by their stable demo keys (`eemland:taalcafe`).
The queries are of nine kinds (categories below): the catalogue's own words; sentences
("ik snap de brief niet", "ik kom niet rond", "mijn oma kan niet met de computer"); typing errors
("computr cursus", "belsting hulp"); compounds written apart or joined ("taal cafe",
"computercursus", "DigiD-aanvraag"); English ("help with reading", "learn dutch"); other
languages (Turkish, Arabic, Polish, Ukrainian, German, French, Spanish); tax help asked for out
of season; needs in everyday words that no offer has in its title ("ik ben mijn wachtwoord
kwijt", "mijn kind slaapt slecht"); and queries where distance matters.

With a place, only offers within reach are labelled (the library area; from Dordrecht, an offer
in Breda 26 km away is at most acceptable unless the resident named it). An offer out of season
still fits: the resident should find it, with the month it returns. A separate, held-out set of
resident queries is used as well, so the search should get better in general, not for these
queries; labels change only when a demo offer changes.

`bench/search_quality.py --engine sqlite|postgres` builds a fresh database, migrates it, loads
the demo catalogue with the demo's own loader and resolves each query as the public search page
does: `q` and `waar` through the page's `SearchForm` (place lookup included) into `SearchParams`,
then `catalogue.search.search()`. The first results are compared with the labels:

- **Top-1**: share of queries whose first result fits (grade 1 or 2).
- **Top-3**: share of queries with a fitting offer among the first three.
- **nDCG@3**: normalised discounted cumulative gain at 3, averaged over the queries. The gain of
  a result is its grade (2, 1, or 0 when not labelled), discounted by log2(rank + 1); the sum is
  divided by that of the best possible order of the labelled offers, so 1.0 means the best
  offers in the best order.
- **No results**: queries that found nothing at all.
"""

READING = """\
## Reading the figures

- The queries that miss are listed for developers in `bench/results/quality-<engine>.txt` (what
  came first, what was wanted), with every result in `quality-<engine>.json`. A second run
  lists the queries that got better or worse since the one before, so a change to the search
  shows what it won and what it lost.
- The held-out set runs with the same runner: `bench/search_quality.py --engine sqlite
  --queries held-out.toml` (results in `quality-held-out-<engine>.json`, never over these).
- `tests/test_search_quality.py` keeps the set from rotting when the demo changes: every label
  is a published demo offer within reach of the query's place, every place resolves, and the
  runner's order is the search page's order.
- A category of a handful of queries moves in big steps: one query of six is 17%.
- Differences between the engines come from their ranking functions (bm25, `ts_rank`) and the
  typo candidates (`pg_trgm` on PostgreSQL); both analyse text the same way.
- Out-of-season queries depend on the date: the demo's tax help runs in March and April of the
  coming year, so from May to February these queries test that it is found out of season.

## Re-running

```
make bench-quality                           # both engines, then this part of the file
.venv/bin/python bench/search_quality.py --engine sqlite
bash scripts/with-postgres.sh .venv/bin/python bench/search_quality.py --engine postgres
.venv/bin/python bench/quality_report.py     # only this part of docs/performance.md
# While working on the search: keep the SQLite database between runs (about half the time).
.venv/bin/python bench/search_quality.py --engine sqlite --database /tmp/quality.sqlite3
```
"""


def load(results: Path) -> dict[str, dict]:
    found = {}
    for engine, _ in ENGINES:
        path = results / f"quality-{engine}.json"
        if path.exists():
            found[engine] = json.loads(path.read_text())
    return found


def pct(value: float) -> str:
    return f"{value:.0%}"


def row(label: str, stats: dict) -> str:
    return (
        f"| {label} | {stats['n']} | {pct(stats['top1'])} | {pct(stats['top3'])} | "
        f"{stats['ndcg3']:.3f} | {stats['no_results']} |"
    )


def render(runs: dict[str, dict]) -> str:
    engines = [(engine, label) for engine, label in ENGINES if engine in runs]
    first = runs[engines[0][0]]
    parts = [
        INTRO.format(
            dates=" and ".join(sorted({run["date"][:10] for run in runs.values()})),
            commits=" and ".join(
                f"`{c}`" for c in sorted({run["commit"] for run in runs.values()})
            ),
            n=first["overall"]["n"],
        )
    ]
    parts.append("## Figures\n")
    parts.append("| Engine | Queries | Top-1 | Top-3 | nDCG@3 | No results |")
    parts.append("|---|---|---|---|---|---|")
    for engine, label in engines:
        parts.append(row(f"{label}, commit `{runs[engine]['commit']}`", runs[engine]["overall"]))
    for engine, label in engines:
        parts.append(
            row(
                f"{label}, baseline: main before issue 13 (`{BASELINE['commit']}`)",
                BASELINE[engine],
            )
        )
    parts.append("\n## Per category\n")
    header = "| Category | Queries |"
    rule = "|---|---|"
    for _, label in engines:
        header += f" {label}: top-1 / top-3 / nDCG@3 |"
        rule += "---|"
    parts += [header, rule]
    for category, category_label in CATEGORIES.items():
        cells = []
        n = 0
        for engine, _ in engines:
            stats = runs[engine]["categories"].get(category)
            if not stats:
                cells.append("–")
                continue
            n = stats["n"]
            cells.append(f"{pct(stats['top1'])} / {pct(stats['top3'])} / {stats['ndcg3']:.3f}")
        if n:
            parts.append(f"| {category_label} | {n} | " + " | ".join(cells) + " |")
    parts.append("")
    parts.append(READING)
    return "\n".join(parts)


def section(results: Path) -> str:
    """The search quality part, or "" when bench/search_quality.py has not run."""
    runs = load(results)
    return "\n" + render(runs) if runs else ""


def splice(document: str, part: str) -> str:
    """`document` with its search quality part replaced by `part` (before the front desk part
    when it has none yet)."""
    return parts.splice(document, HEADING, part, before=NEXT_HEADING)


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=repo / "bench" / "results")
    parser.add_argument("--output", type=Path, default=repo / "docs" / "performance.md")
    args = parser.parse_args()
    part = section(args.results)
    if not part:
        raise SystemExit(f"no quality-*.json in {args.results}; run bench/search_quality.py first")
    args.output.write_text(splice(args.output.read_text(), part))
    print(f"wrote the search quality part of {args.output}")


if __name__ == "__main__":
    main()
