"""The "overview" part of docs/performance.md, from bench/results/overview-<engine>.json (written
by bench/overview.py). bench/report.py appends it after the front desk part; run alone it
rewrites only its own part."""

import argparse
import json
from pathlib import Path

import parts

HEADING = "# Performance of the overview (kept figures)"
NEXT_HEADING = "# Performance of automatic classification"
ENGINES = [("sqlite", "SQLite"), ("postgres", "PostgreSQL")]

INTRO = """\
# Performance of the overview (kept figures)

Written by `bench/overview_report.py` from the results of `bench/overview.py` ({dates}), part of
`make bench`. The claim of issue 16: the national overview of a closed year answers within
**0.2 x** the time of the raw grouped query over the registrations, at 5,000,000 contacts, on
both engines. As elsewhere, the ratio to a floor measured in the same run is what carries over
between machines.

## What is measured

`bench/overview.py --engine sqlite|postgres [--contacts N]` builds a fresh database with the
network and the contacts of `bench/desk.py` (the same generator: {libraries} libraries,
{locations} locations, {per_year:,} contacts a year, bulk inserts of contacts, questions and their
roll-ups; `--contacts` defaults to 5,000,000, ten years). Then, for the last full year and the
whole country, {repeat} runs each, interleaved:

- **raw**: `SELECT topic_id, COUNT(*)` over questions joined to their contacts for the year
  (`bench/desk.py`'s floor: what a report without roll-ups or kept figures starts from);
- **live**: `overview.selectors.overview()` with nothing kept: every library's figures of the
  year and of the year before computed (desk roll-ups, referrals, courses, impact), then kept;
- **kept**: the same call with those figures kept (`KeptFigures`): what every later request
  costs. The state "now" (certified staff, offers, verified share) and the wegwijzer's unmet
  need are still read live; they do not grow with the registrations.

The run checks that the overview's questions equal the raw query's total, and fails when kept is
above 0.2 x raw.

## Results
"""


def load(results: Path) -> dict:
    runs = {}
    for engine, _label in ENGINES:
        path = results / f"overview-{engine}.json"
        if path.exists():
            runs[engine] = json.loads(path.read_text())
    return runs


def render(runs: dict) -> str:
    first = next(iter(runs.values()))
    dates = ", ".join(f"{label} {runs[e]['date'][:10]}" for e, label in ENGINES if e in runs)
    out = [
        INTRO.format(
            dates=dates,
            libraries=first["network"]["libraries"],
            locations=first["network"]["locations"],
            per_year=first["network"]["per_year"],
            repeat=first["layers"]["raw"]["n"],
        )
    ]
    out.append(
        "| Engine | Contacts | Questions in the year | raw p50 | live p50 | kept p50 "
        "| kept / raw | Within 0.2 x |"
    )
    out.append("|---|---|---|---|---|---|---|---|")
    for engine, _label in ENGINES:
        run = runs.get(engine)
        if run is None:
            continue
        layers = run["layers"]
        out.append(
            f"| {run['engine_version']} | {run['contacts']:,} | {run['questions']:,} "
            f"| {layers['raw']['p50_ms']:.0f} ms | {layers['live']['p50_ms']:.0f} ms "
            f"| {layers['kept']['p50_ms']:.0f} ms | {layers['kept']['p50_ratio_to_raw']:.3f} "
            f"| {'yes' if run['meets_target'] else 'no'} |"
        )
    small = [label for engine, label in ENGINES if engine in runs and not runs[engine]["full_size"]]
    out.append("")
    if small:
        out.append(
            f"**Not at full size:** the figures for {', '.join(small)} come from a smaller run "
            "(`--contacts` as in the table), made during development on a shared 2-core machine "
            "with other work running, where generating 5,000,000 contacts did not fit in the "
            "time available; `make bench` runs the full 5,000,000. At 500,000 contacts the "
            "timed year holds as many contacts as at full size (the generator makes "
            f"{first['network']['per_year']:,} a year, newest last year), so the raw query of "
            "that year reads about as much; the kept overview reads one row per library and "
            "window at any size, so the ratio can only fall with more years."
        )
        out.append("")
    machine = first["machine"]
    loads = ", ".join(
        f"{label} {runs[engine]['load_average_1min'][0]}"
        for engine, label in ENGINES
        if engine in runs
    )
    out.append(
        f"Machine: {machine.get('cpu', '')}, {machine.get('cpus_available', '')} CPUs; "
        f"load average at the start of the timing: {loads} (raw and kept are timed in turns in "
        "the same run, so other work on the machine weighs on both)."
    )
    return "\n".join(out) + "\n"


def section(results: Path) -> str:
    runs = load(results)
    return "\n" + render(runs) if runs else ""


def main() -> None:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=repo / "bench" / "results")
    parser.add_argument("--output", type=Path, default=repo / "docs" / "performance.md")
    args = parser.parse_args()
    part = section(args.results)
    if not part:
        raise SystemExit(f"no overview-*.json in {args.results}; run bench/overview.py first")
    document = args.output.read_text()
    args.output.write_text(parts.splice(document, HEADING, part, before=NEXT_HEADING))
    print(f"wrote the overview part of {args.output}")


if __name__ == "__main__":
    main()
