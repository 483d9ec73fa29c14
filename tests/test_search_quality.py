"""The search quality set (bench/quality/queries.toml) stays well-formed as the demo changes, and
the metrics of bench/search_quality.py compute what docs/performance.md says they do."""

import math
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from bench import search_quality as sq
from ontwikkelplein.demo.data import LOCATIONS
from ontwikkelplein.demo.offers import build_offers
from ontwikkelplein.places.geo import distance_km, resolve_place

TODAY = date(2026, 12, 7)  # December: tax help is out of season, as in the set's seasonal queries
REACH_KM = 30  # the set labels offers within the library area; Dordrecht-Breda is about 26 km


@pytest.fixture(scope="module")
def queries():
    return sq.load_queries()


@pytest.fixture(scope="module")
def demo():
    specs = build_offers(TODAY)
    return {spec["key"]: spec for spec in specs if spec["status"] == "published"}


def test_the_set_is_large_and_covers_every_kind_of_query(queries):
    assert len(queries) >= 80
    per_category = Counter(q.category for q in queries)
    assert set(per_category) == set(sq.CATEGORIES)
    assert all(count >= 5 for count in per_category.values()), per_category
    assert len({q.text.lower() + "@" + q.place.lower() for q in queries}) == len(queries)
    # Several regions, with postcodes and town names.
    places = {q.place for q in queries if q.place}
    assert sum(1 for p in places if p[:4].isdigit()) >= 10
    assert sum(1 for p in places if not p[:4].isdigit()) >= 10
    assert sum(1 for q in queries if not q.place) >= 5


def test_every_label_is_a_published_demo_offer(queries, demo):
    for query in queries:
        labels = sq.expand(query.fits, set(demo))  # raises on an unknown key or empty wildcard
        assert labels, query.id
        assert max(labels.values()) == 2, f"{query.id}: no offer fits well"
        if query.place:
            assert not any(key.startswith("*:") for key in query.fits), (
                f"{query.id}: with a place, label the offers within reach by name"
            )


@pytest.mark.django_db
def test_every_place_resolves_and_its_labels_are_within_reach(queries, demo):
    coordinates = {loc["key"]: (loc["lat"], loc["lon"]) for loc in LOCATIONS}
    for query in (q for q in queries if q.place):
        place = resolve_place(query.place)
        assert place is not None, f"{query.id}: {query.place!r} does not resolve"
        for key in sq.expand(query.fits, set(demo)):
            nearest = min(
                distance_km(place.latitude, place.longitude, *coordinates[loc["location"]])
                for loc in demo[key]["locations"]
            )
            assert nearest <= REACH_KM, f"{query.id}: {key} is {nearest:.0f} km away"


def test_load_queries_refuses_a_malformed_file(tmp_path):
    cases = {
        'id = "x"': "unknown fields",
        'category = "poetry"': "unknown category",
        'fits = { "eemland:ido" = 3 }': "must be 1 or 2",
        'fits = { "ido" = 2 }': "not a demo offer key",
        'place = ""': "`place` is empty",
    }
    base = {
        "id": '"a"',
        "text": '"digid"',
        "category": '"catalogue"',
        "fits": '{ "eemland:ido" = 2 }',
    }
    for line, message in cases.items():
        name = line.split(" ", 1)[0]
        fields = dict(base)
        if name == "id":
            fields["colour"] = '"blue"'
        else:
            fields[name] = line.split("= ", 1)[1]
        path = tmp_path / "q.toml"
        path.write_text("[[query]]\n" + "\n".join(f"{k} = {v}" for k, v in fields.items()))
        with pytest.raises(sq.QuerySetError, match=message):
            sq.load_queries(path)
    path.write_text('[[query]]\nid = "a"\ntext = "x"\ncategory = "typo"\nfits = {}\n')
    with pytest.raises(sq.QuerySetError, match="`fits` is missing or empty"):
        sq.load_queries(path)
    twice = '[[query]]\nid = "a"\ntext = "x"\ncategory = "typo"\nfits = { "a:b" = 1 }\n'
    path.write_text(twice * 2)
    with pytest.raises(sq.QuerySetError, match="used twice"):
        sq.load_queries(path)


def test_expand_wildcards_and_refuse_unknown_keys():
    published = {"a:ido", "b:ido", "b:taalcafe"}
    assert sq.expand({"*:ido": 2, "b:ido": 1}, published) == {"a:ido": 2, "b:ido": 2}
    assert sq.expand({"b:taalcafe": 1}, published) == {"b:taalcafe": 1}
    with pytest.raises(sq.QuerySetError, match="not a published"):
        sq.expand({"c:ido": 2}, published)
    with pytest.raises(sq.QuerySetError, match="matches no published"):
        sq.expand({"*:boekstart": 2}, published)
    # A wildcard matches whole template names, not the end of a longer one.
    assert sq.expand({"*:ido": 1}, published | {"a:ido-zorgcentrum"}) == {"a:ido": 1, "b:ido": 1}


def test_ndcg_at_3_by_hand():
    labels = {"a": 2, "b": 1, "c": 1}
    ideal = 2 / math.log2(2) + 1 / math.log2(3) + 1 / math.log2(4)  # 2 + 0.6309 + 0.5
    assert sq.dcg([2, 1, 1]) == pytest.approx(ideal)
    assert sq.ndcg(["a", "b", "c"], labels) == pytest.approx(1.0)
    # c, b, a: 1/1 + 1/log2(3) + 2/log2(4) = 2.6309 of 3.1309.
    assert sq.ndcg(["c", "b", "a"], labels) == pytest.approx(0.8403, abs=1e-4)
    # Unlabelled results gain nothing; only the first three count.
    assert sq.ndcg(["x", "a", "y", "b"], labels) == pytest.approx(
        (2 / math.log2(3)) / ideal, abs=1e-9
    )
    assert sq.ndcg(["x", "y", "z", "a"], labels) == 0.0
    assert sq.ndcg([], labels) == 0.0
    # One offer that fits: first is perfect, second scores 1/log2(3).
    assert sq.ndcg(["a"], {"a": 2}) == 1.0
    assert sq.ndcg(["x", "a"], {"a": 2}) == pytest.approx(0.6309, abs=1e-4)
    assert sq.ndcg(["a"], {}) == 0.0


def test_top_1_top_3_and_first_fit():
    labels = {"a": 2, "b": 1}
    assert sq.fit_at(["b", "x"], labels, 1)
    assert not sq.fit_at(["x", "y", "z", "a"], labels, 3)
    assert sq.fit_at(["x", "y", "a"], labels, 3)
    assert sq.first_fit(["x", "y", "z", "a"], labels) == 4
    assert sq.first_fit(["x"], labels) is None
    query = sq.Query(id="q", text="t", place="", category="typo", fits=labels)
    outcomes = [
        sq.Outcome(query=query, labels=labels, ranked=["a"]),
        sq.Outcome(query=query, labels=labels, ranked=["x", "b"]),
        sq.Outcome(query=query, labels=labels, ranked=[]),
        sq.Outcome(query=query, labels=labels, ranked=["x", "y", "z", "a"]),
    ]
    stats = sq.aggregate(outcomes)
    assert stats["n"] == 4
    assert stats["top1"] == 0.25
    assert stats["top3"] == 0.5
    assert stats["no_results"] == 1
    ideal = 2 + 1 / math.log2(3)
    expected = (2 / ideal + (1 / math.log2(3)) / ideal) / 4
    assert stats["ndcg3"] == pytest.approx(expected, abs=1e-4)


@pytest.mark.django_db
def test_the_runner_ranks_as_the_search_page_shows(client):
    """The runner resolves q and waar as the public page does: its order is the page's order
    (so a change to the page's ranking cannot pass unmeasured)."""
    import re

    from ontwikkelplein.catalogue import selectors
    from ontwikkelplein.catalogue.views.public import FILTER_TAXONOMIES

    loaded = sq.load_catalogue(full=False)
    assert loaded["indexed"] > 50
    key_by_id, published = sq.demo_keys()
    terms = selectors.active_terms(*FILTER_TAXONOMIES)
    cases = [
        sq.Query("a", "taalcafé", "Goes", "catalogue", {"oosterschelde:taalcafe": 2}),
        sq.Query("b", "digid", "", "catalogue", {"*:ido": 2}),
        sq.Query("c", "computr cursus", "3311", "typo", {"aanzet:klik-en-tik": 2}),
    ]
    for query in cases:
        outcome = sq.run_query(query, sq.expand(query.fits, published), terms, key_by_id)
        assert not outcome.error
        assert outcome.ranked, query.text
        page = client.get("/zoeken/", {"q": query.text, "waar": query.place})
        assert page.status_code == 200
        shown = []
        for pk in re.findall(r'href="/aanbod/([0-9a-f-]{36})/', page.content.decode()):
            key = next(k for id_, k in key_by_id.items() if str(id_) == pk)
            if key not in shown:
                shown.append(key)
        assert shown, query.text
        assert shown == outcome.ranked[: len(shown)], query.text
        assert len(shown) == min(len(outcome.ranked), 20)
    assert sq.run_query(cases[0], {}, terms, key_by_id).top1 is False
    unknown = sq.Query("d", "digid", "Nergenshuizen", "catalogue", {"*:ido": 2})
    assert "not resolved" in sq.run_query(unknown, {}, terms, key_by_id).error


def test_a_run_reports_what_changed_since_the_previous_one(tmp_path):
    def run(commit, ndcgs):
        queries = [
            {"id": name, "ndcg3": value, "top": [f"x:{name}"]} for name, value in ndcgs.items()
        ]
        overall = {"top1": 0.5, "top3": 0.5, "ndcg3": sum(ndcgs.values()) / len(ndcgs)}
        return {"commit": commit, "date": "d", "overall": overall, "queries": queries}

    text = sq.changes(
        run("old", {"a": 0.5, "b": 1.0, "c": 0.2}),
        run("new", {"a": 0.9, "b": 0.3, "c": 0.2, "d": 1.0}),
    )
    assert "commit old" in text
    assert "Better (1):\n  a: nDCG@3 0.500 -> 0.900  now first: x:a" in text
    assert "Worse (1):\n  b: nDCG@3 1.000 -> 0.300" in text
    assert "  c:" not in text and "  d:" not in text  # unchanged, and new
    assert sq.default_output("sqlite", sq.QUERIES).name == "quality-sqlite.json"
    held_out = tmp_path / "held-out.toml"
    assert sq.default_output("postgres", held_out).name == "quality-held-out-postgres.json"


def test_the_full_report_keeps_the_hand_written_open_data_part(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(sq.__file__).parent))  # bench/ scripts import siblings
    import report

    document = (
        "# Performance of search\nold\n\n# Performance of the front desk\nx\n\n"
        f"{report.OPENDATA_HEADING}\n\nimport figures\n\n```\n# a comment\n```\n\n"
        "# Performance of the production server under load\nold\n"
    )
    import parts

    kept = parts.kept_part(document, report.OPENDATA_HEADING)
    assert kept.startswith(f"\n{report.OPENDATA_HEADING}\n")
    assert "# a comment" in kept and "import figures" in kept
    assert "under load" not in kept and "front desk" not in kept
    assert parts.kept_part("# Performance of search\n", report.OPENDATA_HEADING) == ""


def test_each_report_rewrites_only_its_own_part(monkeypatch):
    """A *_report.py run alone replaces its part and keeps every other one, also the parts after
    it (the load part is not the last one any more: the light pages follow it)."""
    monkeypatch.syspath_prepend(str(Path(sq.__file__).parent))
    import classification_report
    import quality_report
    import report
    import serve_report

    document = (
        "# Performance of search\nsearch\n\n# Search quality\nold quality\n\n"
        f"{report.DESK_HEADING}\ndesk\n\n{report.OPENDATA_HEADING}\nopen data\n\n"
        f"{serve_report.HEADING}\nold load\n\n{report.LIGHT_PAGES_HEADING}\nlight\n"
    )
    loaded = serve_report.splice(document, f"{serve_report.HEADING}\nnew load\n")
    assert "new load" in loaded and "old load" not in loaded
    assert loaded.endswith(f"{report.LIGHT_PAGES_HEADING}\nlight\n")
    quality = quality_report.splice(document, "# Search quality\nnew quality\n")
    assert "new quality" in quality and "old quality" not in quality
    assert quality.count("# Performance of") == document.count("# Performance of")
    # A part the file does not have yet goes before the part named to follow it.
    classified = classification_report.splice(
        document, f"{classification_report.HEADING}\nclassification\n"
    )
    assert classified.index("classification") < classified.index(report.OPENDATA_HEADING)
    assert classified.index(report.DESK_HEADING) < classified.index("classification")


def test_the_full_report_keeps_parts_whose_benchmark_has_not_run_here(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(Path(sq.__file__).parent))
    import report

    monkeypatch.setattr(report, "render", lambda runs: "# Performance of search\nnew\n")
    previous = (
        "# Performance of search\nold\n\n# Search quality\nquality figures\n\n"
        "# Performance of the front desk\ndesk figures\n\n"
        f"{report.OPENDATA_HEADING}\nimport figures\n\n"
        "# Performance of the production server under load\nload figures\n"
    )
    document = report.assemble({}, tmp_path, previous)  # no results in tmp_path
    assert "new" in document and "old" not in document
    for kept in ("quality figures", "desk figures", "import figures", "load figures"):
        assert document.count(kept) == 1, kept
    assert document.index("desk figures") < document.index("import figures")
