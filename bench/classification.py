"""Automatic classification measured on the demo offers (issue 14, item 2).

    .venv/bin/python bench/classification.py [--quiet]
    .venv/bin/python bench/classification_report.py   # only its part of docs/performance.md

Takes every demo offer as the demo's loader builds it (demo/offers.py build_offers: the same
titles, summaries and descriptions that `load_demo` stores), strips its themes, target groups
and offer type, classifies its title, summary and description with catalogue.classification
against the rules of a fresh install (the reference terms with the national word lists and the
national needs vocabulary: classification.reference_rules(), what migrate seeds) and compares
the result with the labels the team gave the offer:

  main theme      share of offers whose first suggested theme is their first (main) theme
  main theme in   share whose first suggested theme is one of their themes
  precision       per taxonomy, suggested terms that are among the offer's labels / suggested
  recall          per taxonomy, labels that were suggested / labels
  offer type      share of offers whose suggested offer type is theirs (none suggested: wrong)

Results go to bench/results/classification.json; the offers whose main theme is wrong are
printed (unless --quiet). Deterministic: no database, no clock beyond the demo's dates."""

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontwikkelplein.conf.test")

TAXONOMIES = [
    ("themes", "Themes"),
    ("target_groups", "Target groups"),
    ("offer_type", "Offer type"),
]


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def measure(specs: list[dict], rules) -> dict:
    """The figures for `specs` (demo offer dicts) classified with `rules`."""
    from ontwikkelplein.catalogue.classification import classify

    counts = {key: {"suggested": 0, "right": 0, "labels": 0, "found": 0} for key, _ in TAXONOMIES}
    main_exact = main_in = type_right = 0
    misses = []
    started = time.perf_counter()
    for spec in specs:
        suggestion = classify(spec["title"], spec["summary"], spec["description"], rules)
        predicted = {
            "themes": [t.code for t in suggestion.themes],
            "target_groups": [t.code for t in suggestion.target_groups],
            "offer_type": [suggestion.offer_type.code] if suggestion.offer_type else [],
        }
        gold = {
            "themes": list(spec["themes"]),
            "target_groups": list(spec["target_groups"]),
            "offer_type": [spec["offer_type"]],
        }
        for key, _ in TAXONOMIES:
            right = set(predicted[key]) & set(gold[key])
            counts[key]["suggested"] += len(predicted[key])
            counts[key]["right"] += len(right)
            counts[key]["labels"] += len(gold[key])
            counts[key]["found"] += len(right)
        first = predicted["themes"][0] if predicted["themes"] else None
        main_exact += first == gold["themes"][0]
        main_in += first in gold["themes"]
        type_right += predicted["offer_type"] == gold["offer_type"]
        if first != gold["themes"][0]:
            misses.append(
                {
                    "key": spec["key"],
                    "title": spec["title"],
                    "main_theme": gold["themes"][0],
                    "suggested": predicted["themes"],
                }
            )
    elapsed = time.perf_counter() - started
    # Timed again warm (the word list read, compounds split once per word): what a process
    # that has classified before pays per offer.
    warm_started = time.perf_counter()
    for spec in specs:
        classify(spec["title"], spec["summary"], spec["description"], rules)
    warm = time.perf_counter() - warm_started
    n = len(specs)
    per_taxonomy = {
        key: {
            "precision": c["right"] / c["suggested"] if c["suggested"] else 0.0,
            "recall": c["found"] / c["labels"] if c["labels"] else 0.0,
            "suggested": c["suggested"],
            "labels": c["labels"],
        }
        for key, c in counts.items()
    }
    return {
        "offers": n,
        "distinct_titles": len({s["title"] for s in specs}),
        "main_theme": main_exact / n,
        "main_theme_in_labels": main_in / n,
        "offer_type": type_right / n,
        "taxonomies": per_taxonomy,
        "ms_per_offer_cold": elapsed * 1000 / n,
        "ms_per_offer": warm * 1000 / n,
        "misses": misses,
    }


def demo_specs(today: datetime.date | None = None) -> list[dict]:
    from ontwikkelplein.demo.offers import build_offers

    return build_offers(today or datetime.date.today())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    import django

    django.setup()
    from ontwikkelplein.catalogue.classification import reference_rules

    result = measure(demo_specs(), reference_rules())
    result["date"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    result["commit"] = _commit()
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "classification.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{result['offers']} offers: main theme {result['main_theme']:.1%} "
        f"(in labels {result['main_theme_in_labels']:.1%}), offer type {result['offer_type']:.1%}"
    )
    for key, label in TAXONOMIES:
        stats = result["taxonomies"][key]
        print(f"  {label}: precision {stats['precision']:.1%}, recall {stats['recall']:.1%}")
    if not args.quiet:
        for miss in result["misses"]:
            print(
                f"  miss {miss['key']}: {miss['title']!r} "
                f"{miss['main_theme']} <- {miss['suggested']}"
            )


if __name__ == "__main__":
    main()
