"""Search quality: the labelled resident queries of bench/quality/queries.toml against the demo.

    .venv/bin/python bench/search_quality.py --engine sqlite
    bash scripts/with-postgres.sh .venv/bin/python bench/search_quality.py --engine postgres
    .venv/bin/python bench/quality_report.py     # the "Search quality" part of docs/performance.md

It builds a fresh database (SQLite: a file in a temporary folder; PostgreSQL: the DATABASE_URL
that scripts/with-postgres.sh sets), migrates it and loads the demo catalogue with the demo's own
loader (`load_demo`, without the desk history, referrals, learning records, course runs and
impact questionnaires, which search does not read; --full-demo loads those too). Each query is
then resolved the way the public search page does it: `q` and `waar` through the page's
SearchForm (place lookup included) into SearchParams, then catalogue.search.search(). The offers
on the first page are compared with the labels:

  top-1    share of queries whose first result is an offer that fits (grade 1 or 2)
  top-3    share of queries with a fitting offer among the first three
  nDCG@3   normalised discounted cumulative gain at 3: gain = the grade (2 fits well,
           1 acceptable, 0 not labelled), discount log2(rank + 1), divided by the same sum for
           the best possible order of the labelled offers; averaged over the queries

per engine, per category and per query. Results go to bench/results/quality-<engine>.json; the
queries that miss (for developers) are printed and written to bench/results/quality-<engine>.txt.

The labels are the team's judgement of what fits a resident; a held-out set is used as well, so
improve the search in general rather than for these queries (see the header of queries.toml)."""

import argparse
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
QUERIES = REPO / "bench" / "quality" / "queries.toml"
CATEGORIES = {
    "catalogue": "Plain catalogue words",
    "sentence": "Sentences",
    "typo": "Typing errors",
    "compound": "Compounds apart or joined",
    "english": "English",
    "other-language": "Other languages",
    "seasonal": "Out of season (tax help)",
    "need": "Needs in everyday words",
    "distance": "Distance matters",
}
GRADES = (1, 2)
K = 3


class QuerySetError(ValueError):
    """The query file is not well-formed."""


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    place: str
    category: str
    fits: dict[str, int]  # demo offer key (or "*:template") -> grade
    note: str = ""


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The labelled queries, checked for shape (not against the catalogue; see expand())."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise QuerySetError(f"{path}: {error}") from None
    allowed = {"id", "text", "place", "category", "fits", "note"}
    queries, seen = [], set()
    for n, raw in enumerate(data.get("query", []), start=1):
        where = f"{path.name}, query {n} ({raw.get('id', '?')})"
        unknown = set(raw) - allowed
        if unknown:
            raise QuerySetError(f"{where}: unknown fields {sorted(unknown)}")
        for name in ("id", "text", "category", "fits"):
            if not raw.get(name):
                raise QuerySetError(f"{where}: `{name}` is missing or empty")
        if raw["id"] in seen:
            raise QuerySetError(f"{where}: the id is used twice")
        seen.add(raw["id"])
        if raw["category"] not in CATEGORIES:
            raise QuerySetError(f"{where}: unknown category {raw['category']!r}")
        if not isinstance(raw["fits"], dict):
            raise QuerySetError(f"{where}: `fits` must be a table of key = grade")
        for key, grade in raw["fits"].items():
            if grade not in GRADES or isinstance(grade, bool):
                raise QuerySetError(f"{where}: grade of {key!r} must be 1 or 2, not {grade!r}")
            if ":" not in key:
                raise QuerySetError(f"{where}: {key!r} is not a demo offer key (owner:template)")
        if raw.get("place") is not None and not str(raw["place"]).strip():
            raise QuerySetError(f"{where}: `place` is empty; leave it out for no place")
        queries.append(
            Query(
                id=raw["id"],
                text=raw["text"],
                place=str(raw.get("place", "")).strip(),
                category=raw["category"],
                fits=dict(raw["fits"]),
                note=raw.get("note", ""),
            )
        )
    return queries


def expand(fits: dict[str, int], published_keys: set[str]) -> dict[str, int]:
    """Labels with "*:template" replaced by that template's offer at every library that has it.

    Raises QuerySetError for a key that is not a published demo offer, or a wildcard that
    matches none: a label must never silently stop counting when the demo changes."""
    expanded: dict[str, int] = {}
    for key, grade in fits.items():
        if key.startswith("*:"):
            suffix = key[1:]
            matches = [k for k in published_keys if k.endswith(suffix)]
            if not matches:
                raise QuerySetError(f"{key!r} matches no published demo offer")
        elif key in published_keys:
            matches = [key]
        else:
            raise QuerySetError(f"{key!r} is not a published demo offer")
        for match in matches:
            expanded[match] = max(grade, expanded.get(match, 0))
    return expanded


# --- Metrics ---------------------------------------------------------------------------------


def dcg(gains: list[float], k: int = K) -> float:
    """Discounted cumulative gain of the first k gains: sum of gain / log2(rank + 1)."""
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains[:k], start=1))


def ndcg(ranked: list[str], labels: dict[str, int], k: int = K) -> float:
    """nDCG@k of a ranked list of keys against graded labels (1.0 = the best possible order).
    A query without labels has no ideal order; it scores 0 (the set never has one)."""
    ideal = dcg(sorted(labels.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg([labels.get(key, 0) for key in ranked], k) / ideal


def fit_at(ranked: list[str], labels: dict[str, int], k: int) -> bool:
    """Whether an offer that fits (grade 1 or 2) is among the first k."""
    return any(labels.get(key, 0) > 0 for key in ranked[:k])


def first_fit(ranked: list[str], labels: dict[str, int]) -> int | None:
    """The 1-based rank of the first fitting offer in the list, or None."""
    for rank, key in enumerate(ranked, start=1):
        if labels.get(key, 0) > 0:
            return rank
    return None


@dataclass
class Outcome:
    query: Query
    labels: dict[str, int]
    ranked: list[str]
    total: int = 0
    corrections: dict[str, str] = field(default_factory=dict)
    error: str = ""
    ms: float = 0.0

    @property
    def top1(self) -> bool:
        return fit_at(self.ranked, self.labels, 1)

    @property
    def top3(self) -> bool:
        return fit_at(self.ranked, self.labels, 3)

    @property
    def ndcg3(self) -> float:
        return ndcg(self.ranked, self.labels, K)

    def as_dict(self) -> dict:
        return {
            "id": self.query.id,
            "text": self.query.text,
            "place": self.query.place,
            "category": self.query.category,
            "labels": self.labels,
            "top": self.ranked[:10],
            "total": self.total,
            "corrections": self.corrections,
            "error": self.error,
            "top1": self.top1,
            "top3": self.top3,
            "ndcg3": round(self.ndcg3, 4),
            "first_fit": first_fit(self.ranked, self.labels),
            "ms": round(self.ms, 1),
        }


def aggregate(outcomes: list[Outcome]) -> dict:
    n = len(outcomes)
    if not n:
        return {"n": 0, "top1": 0.0, "top3": 0.0, "ndcg3": 0.0, "no_results": 0}
    return {
        "n": n,
        "top1": round(sum(o.top1 for o in outcomes) / n, 4),
        "top3": round(sum(o.top3 for o in outcomes) / n, 4),
        "ndcg3": round(sum(o.ndcg3 for o in outcomes) / n, 4),
        "no_results": sum(1 for o in outcomes if not o.ranked),
    }


# --- Running ---------------------------------------------------------------------------------


def setup_django(engine: str, database: Path | None = None) -> str | None:
    """Point Django at a fresh database (or, for SQLite, at `database`, kept between runs);
    returns a temporary folder to remove afterwards."""
    tmp = None
    if engine == "sqlite" and database:
        os.environ["DATABASE_URL"] = f"sqlite:///{database.resolve()}"
    elif engine == "sqlite":
        tmp = tempfile.mkdtemp(prefix="ontwikkelplein-quality-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/quality.sqlite3"
    elif not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("--engine postgres needs DATABASE_URL; run it under scripts/with-postgres.sh")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ontwikkelplein.conf.test")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    return tmp


# Parts of load_demo that write records search never reads (thousands of desk contacts, most
# of the loading time). Replaced by no-ops unless --full-demo.
NOT_FOR_SEARCH = (
    "load_desk_registrations",
    "load_referrals",
    "load_learning",
    "load_courses",
    "load_impact",
)


def load_catalogue(full: bool) -> dict:
    """The demo catalogue through the demo's own loader (it ends with rebuild_index())."""
    from unittest import mock

    from ontwikkelplein.demo import services

    if full:
        return services.load_demo()
    skipped = {
        name: mock.Mock(return_value=0) for name in NOT_FOR_SEARCH if hasattr(services, name)
    }
    with mock.patch.multiple(services, **skipped):
        return services.load_demo()


def demo_keys() -> tuple[dict, set[str]]:
    """Offer id -> demo key for every demo offer, and the keys of the published ones."""
    from django.utils import timezone

    from ontwikkelplein.demo.ids import demo_uuid
    from ontwikkelplein.demo.offers import build_offers

    specs = build_offers(timezone.localdate())
    by_id = {demo_uuid("offer", spec["key"]): spec["key"] for spec in specs}
    published = {spec["key"] for spec in specs if spec["status"] == "published"}
    return by_id, published


def run_query(query: Query, labels: dict[str, int], terms, key_by_id) -> Outcome:
    """One query as the public search page runs it: SearchForm -> SearchParams -> search()."""
    from ontwikkelplein.catalogue import search
    from ontwikkelplein.catalogue.forms import SearchForm
    from ontwikkelplein.catalogue.views.public import PER_PAGE

    started = time.perf_counter()
    form = SearchForm({"q": query.text, "waar": query.place}, terms=terms)
    form.is_valid()  # never fails as a whole, as on the page
    outcome = Outcome(query=query, labels=labels, ranked=[])
    if query.place and form.place is None:
        outcome.error = f"place {query.place!r} not resolved"
    params = form.search_params(per_page=PER_PAGE)
    results = search.search(params)
    outcome.ms = (time.perf_counter() - started) * 1000
    outcome.ranked = [key_by_id.get(hit.offer.pk, str(hit.offer.pk)) for hit in results.hits]
    outcome.total = results.total
    outcome.corrections = dict(results.corrections)
    return outcome


def evaluate(queries: list[Query]) -> list[Outcome]:
    from ontwikkelplein.catalogue import selectors
    from ontwikkelplein.catalogue.views.public import FILTER_TAXONOMIES

    key_by_id, published = demo_keys()
    terms = selectors.active_terms(*FILTER_TAXONOMIES)
    return [run_query(q, expand(q.fits, published), terms, key_by_id) for q in queries]


def engine_version() -> str:
    import sqlite3

    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version} (FTS5)"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def git_commit() -> str:
    """The commit measured, with "+changes" when the work tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=10", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+changes" if dirty else "")


def describe(outcome: Outcome) -> str:
    q = outcome.query
    where = f" @ {q.place}" if q.place else ""
    got = (
        ", ".join(f"{key}{'*' * outcome.labels.get(key, 0)}" for key in outcome.ranked[:K])
        or "(no results)"
    )
    fixed = (
        " [searched: " + ", ".join(f"{a}->{b}" for a, b in outcome.corrections.items()) + "]"
        if outcome.corrections
        else ""
    )
    best = ", ".join(
        key for key, _ in sorted(outcome.labels.items(), key=lambda item: (-item[1], item[0]))
    )
    return (
        f"  {q.id} ({q.category}): {q.text!r}{where}{fixed}\n      got:  {got}\n      want: {best}"
    )


def developer_report(engine: str, result: dict, outcomes: list[Outcome]) -> str:
    overall = result["overall"]
    lines = [
        f"Search quality on {engine} ({result['engine_version']}), commit {result['commit']}, "
        f"{result['date']}",
        f"{overall['n']} queries: top-1 {overall['top1']:.0%}, top-3 {overall['top3']:.0%}, "
        f"nDCG@3 {overall['ndcg3']:.3f}, no results {overall['no_results']}",
        "",
        "Per category: n, top-1, top-3, nDCG@3, no results",
    ]
    for category, stats in result["categories"].items():
        lines.append(
            f"  {category:15} {stats['n']:3}  {stats['top1']:5.0%}  {stats['top3']:5.0%}  "
            f"{stats['ndcg3']:.3f}  {stats['no_results']}"
        )
    errors = [o for o in outcomes if o.error]
    if errors:
        lines += ["", "Errors:"] + [f"  {o.query.id}: {o.error}" for o in errors]
    misses = [o for o in outcomes if not o.top3]
    lines += ["", f"No fitting offer in the top 3 ({len(misses)}; * = grade of a result):"]
    lines += [describe(o) for o in misses]
    late = [o for o in outcomes if o.top3 and not o.top1]
    lines += ["", f"Fitting offer in the top 3 but not first ({len(late)}):"]
    lines += [describe(o) for o in late]
    return "\n".join(lines) + "\n"


def default_output(engine: str, queries: Path) -> Path:
    """bench/results/quality-<engine>.json for the team's set; another set (the held-out one)
    gets its own name, so its results never overwrite the team's."""
    if queries.resolve() == QUERIES.resolve():
        return RESULTS / f"quality-{engine}.json"
    return RESULTS / f"quality-{queries.stem}-{engine}.json"


def changes(previous: dict, current: dict) -> str:
    """What changed since the previous run with the same output: overall figures and the
    queries whose nDCG@3 moved (by id), so a change to the search shows what it won and lost."""
    before, after = previous.get("overall", {}), current["overall"]
    lines = [
        "",
        f"Since the previous run (commit {previous.get('commit', '?')}, "
        f"{previous.get('date', '?')}):",
    ]
    for name, label in (("top1", "top-1"), ("top3", "top-3"), ("ndcg3", "nDCG@3")):
        if name in before:
            lines.append(f"  {label}: {before[name]:.3f} -> {after[name]:.3f}")
    old = {q["id"]: q for q in previous.get("queries", [])}
    better, worse = [], []
    for query in current["queries"]:
        was = old.get(query["id"])
        if was is None or abs(was["ndcg3"] - query["ndcg3"]) < 1e-9:
            continue
        line = (
            f"  {query['id']}: nDCG@3 {was['ndcg3']:.3f} -> {query['ndcg3']:.3f}  "
            f"now first: {(query['top'] or ['(no results)'])[0]}"
        )
        (better if query["ndcg3"] > was["ndcg3"] else worse).append(line)
    lines += [f"Better ({len(better)}):", *better, f"Worse ({len(worse)}):", *worse]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres"], required=True)
    parser.add_argument(
        "--queries",
        type=Path,
        default=QUERIES,
        help="a labelled set in the same format (default: bench/quality/queries.toml)",
    )
    parser.add_argument(
        "--full-demo", action="store_true", help="load all demo data, not only what search reads"
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="default: bench/results/quality-<engine>.json (another --queries file: "
        "quality-<its name>-<engine>.json)",
    )
    parser.add_argument(
        "--database",
        type=Path,
        help="SQLite only: keep the database in this file and use it again next time (migrate"
        " and the demo loader bring it up to date; the index is rebuilt), for a quicker loop"
        " while working on the search",
    )
    parser.add_argument("--quiet", action="store_true", help="print the figures, not the misses")
    args = parser.parse_args()

    queries = load_queries(args.queries)
    if args.database and args.engine != "sqlite":
        sys.exit("--database is for SQLite; PostgreSQL uses DATABASE_URL")
    tmp = setup_django(args.engine, args.database)
    try:
        from django.core.management import call_command

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        timings = {"migrate_s": round(time.perf_counter() - started, 1)}
        started = time.perf_counter()
        loaded = load_catalogue(args.full_demo)
        timings["load_demo_s"] = round(time.perf_counter() - started, 1)
        print(
            f"{args.engine}: demo catalogue loaded ({loaded['indexed']} offers in the index) in "
            f"{timings['load_demo_s']} s; {len(queries)} queries",
            flush=True,
        )
        started = time.perf_counter()
        outcomes = evaluate(queries)
        timings["queries_s"] = round(time.perf_counter() - started, 1)
        by_category = {
            category: aggregate([o for o in outcomes if o.query.category == category])
            for category in CATEGORIES
            if any(o.query.category == category for o in outcomes)
        }
        result = {
            "engine": args.engine,
            "engine_version": engine_version(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "commit": git_commit(),
            "queries_file": str(args.queries.relative_to(REPO))
            if args.queries.is_relative_to(REPO)
            else str(args.queries),
            "indexed_offers": loaded["indexed"],
            "timings": timings,
            "overall": aggregate(outcomes),
            "categories": by_category,
            "queries": [o.as_dict() for o in outcomes],
        }
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    output = args.output or default_output(args.engine, args.queries)
    previous = None
    if output.exists():
        try:
            previous = json.loads(output.read_text())
        except ValueError:
            previous = None
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    report = developer_report(args.engine, result, outcomes)
    if previous:
        report += changes(previous, result)
    output.with_suffix(".txt").write_text(report)
    if args.quiet:
        report = "\n".join(report.splitlines()[:2]) + "\n"
    print(report, end="")
    print(f"written to {output} and {output.with_suffix('.txt')}")
    errors = [o for o in outcomes if o.error]
    if errors:
        sys.exit(f"{len(errors)} queries could not be run as written (see Errors above)")


if __name__ == "__main__":
    main()
