"""The "automatic classification" part of docs/performance.md, from
bench/results/classification.json (written by bench/classification.py). bench/report.py includes
it; run alone, this updates only that part of the file:

    .venv/bin/python bench/classification_report.py [--results DIR] [--output docs/performance.md]
"""

import argparse
import json
from pathlib import Path

import parts

HEADING = "# Performance of automatic classification"
# The part that follows this one when it is put in for the first time.
BEFORE = "# Performance of open data (HSDS import and API)"
TARGET_MAIN_THEME = 0.90
TAXONOMIES = [
    ("themes", "Themes"),
    ("target_groups", "Target groups"),
    ("offer_type", "Offer type"),
]

INTRO = """\
# Performance of automatic classification

Written by `bench/report.py` (or `bench/classification_report.py` alone) from the results of
`bench/classification.py`, part of `make bench`, taken on {date} at commit `{commit}`. Like the
search quality figures, these do not depend on the machine: the same code and data give the
same figures anywhere.

## What is measured

Offers that arrive without our themes, target groups or offer type (an HSDS import from another
system) get them from their own words: `catalogue.classification.classify(title, summary,
description)` reads them with the search's analysis (stems, compounds) and weighs the KB's word
list per term, the terms' names and the needs vocabulary (docs/classification.md). The benchmark
takes **{offers} demo offers** ({distinct} distinct titles; the same `build_offers()` that
`load_demo` stores), strips their themes, target groups and offer type, classifies them with the
rules of a fresh install (the national word lists of migration 0012 and the national needs
vocabulary) and compares the result with the labels the team gave them.

- **Main theme**: the first suggested theme is the offer's first (main) theme. Target: at least
  {target:.0%}; `catalogue/tests/test_classification.py` fails below it.
- **Precision**: of the suggested terms, the share that are among the offer's labels.
- **Recall**: of the offer's labels, the share that were suggested.

## Figures

| | Share of offers |
|---|---|
| Main theme right | **{main:.1%}** (target {target:.0%}) |
| Main theme among the offer's themes | {main_in:.1%} |
| Offer type right | {offer_type:.1%} |

| Taxonomy | Precision | Recall | Suggested | Labels |
|---|---|---|---|---|
{rows}

Classifying takes {ms:.2f} ms per offer in a process that has classified before, {cold:.1f} ms
in a fresh one (the first offers also read the Dutch word list and split their compounds); pure
Python, no database once the rules are read.

## Reading the figures

- Main themes and offer types come from strong, specific words (taalcafé, DigiD,
  solliciteren, voorlezen) and are mostly right. Precision and recall of themes are lost on the
  further themes: a second theme the text only touches is missed (recall), or one it mentions
  in passing is suggested (precision).
- Target groups have the lowest recall: many labels (65-plussers on a DigiD spreekuur,
  laaggeletterden on tax help) follow from who comes rather than from the words used. When the
  text says nothing about a group, "Iedereen" is suggested; staff review every automatically
  classified offer ("Automatisch ingedeeld — controleren").
- Misses of the main theme in this run:
{misses}
"""


def load(results: Path) -> dict | None:
    path = results / "classification.json"
    return json.loads(path.read_text()) if path.exists() else None


def render(run: dict) -> str:
    rows = "\n".join(
        f"| {label} | {run['taxonomies'][key]['precision']:.1%} | "
        f"{run['taxonomies'][key]['recall']:.1%} | {run['taxonomies'][key]['suggested']} | "
        f"{run['taxonomies'][key]['labels']} |"
        for key, label in TAXONOMIES
    )
    misses = "\n".join(
        f"  - `{m['key']}` “{m['title']}”: main theme `{m['main_theme']}`, suggested "
        + (", ".join(f"`{c}`" for c in m["suggested"]) or "nothing")
        for m in run["misses"]
    )
    return INTRO.format(
        date=run["date"][:10],
        commit=run["commit"],
        offers=run["offers"],
        distinct=run["distinct_titles"],
        target=TARGET_MAIN_THEME,
        main=run["main_theme"],
        main_in=run["main_theme_in_labels"],
        offer_type=run["offer_type"],
        rows=rows,
        ms=run["ms_per_offer"],
        cold=run.get("ms_per_offer_cold", run["ms_per_offer"]),
        misses=misses or "  - none",
    )


def section(results: Path) -> str:
    """The classification part with a leading newline, or "" when the benchmark has not run."""
    run = load(results)
    return "\n" + render(run) if run else ""


def splice(document: str, part: str) -> str:
    """`document` with its classification part replaced by `part` (before the open data part
    when it has none yet)."""
    return parts.splice(document, HEADING, part, before=BEFORE)


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=repo / "bench" / "results")
    parser.add_argument("--output", type=Path, default=repo / "docs" / "performance.md")
    args = parser.parse_args()
    run = load(args.results)
    if not run:
        raise SystemExit(f"no classification.json in {args.results}; run bench/classification.py")
    args.output.write_text(splice(args.output.read_text(), render(run)))
    print(f"wrote the automatic classification part of {args.output}")


if __name__ == "__main__":
    main()
