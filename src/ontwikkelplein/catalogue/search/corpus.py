"""Search over a small collection that is not the offer index (the learning materials of
materials/), with the catalogue's own analysis and planning: the same words, stop words,
rewrites and the engine's stems (SQLite: Python's Snowball; PostgreSQL: its text search
configuration), the same compound parts, needs vocabulary, synonyms and corrections of typing
errors. Only two things differ from offers:

- the vocabulary that corrections are looked up in and that decides which terms can match is
  the collection's own (known_words() and words_near(), what planning.plan() asks its index),
  so "Digisterkr" is corrected to a word of the materials, not of the offers;
- matching and ranking run in Python over the stems of the collection, which is read whole for
  every search. That is right for hundreds of documents (the national list and a library's own
  additions), not for the tens of thousands of offers, which the engines match in SQL.

Ranking follows query.py: fit = coverage² × (0.45 + 0.4 × relevance + 0.15 × boost), where
coverage is the share of the plan's term weight a document matches, relevance how high up the
matches stand (title 1, summary 0.4, body 0.2; the mean over the matched terms) and boost the
share of the document's labels (theme codes) that the needs vocabulary pointed to. A document
is found when it matches one deciding term (query.deciding)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from ontwikkelplein.catalogue.search.analysis import analyse
from ontwikkelplein.catalogue.search.engines import Document, current_engine
from ontwikkelplein.catalogue.search.engines.base import prefer_shorter
from ontwikkelplein.catalogue.search.indexing import compound_parts
from ontwikkelplein.catalogue.search.planning import Plan, Term, plan

FIELD_WEIGHTS = (1.0, 0.4, 0.2)  # title, summary, body
DECIDING_SHARE = 0.5  # as in query.py


def document(title: str, summary: str = "", body: Iterable[str] = ()) -> Document:
    """A document of three weighted fields, with the parts of its compounds in the body (the
    same analysis as indexing.document() gives an offer)."""
    title_words, summary_words = analyse(title or ""), analyse(summary or "")
    body_words = analyse("\n".join(b for b in body if b))
    return Document(
        title=title_words,
        summary=summary_words,
        body=body_words + compound_parts(title_words, summary_words, body_words),
    )


@dataclass(frozen=True)
class CorpusHit:
    key: Hashable
    score: float


@dataclass(frozen=True)
class CorpusResult:
    plan: Plan
    hits: list[CorpusHit]
    everything: bool  # no words that ask for anything: every document, in the given order


class Corpus:
    """Documents by key, stemmed once by the current engine."""

    def __init__(self, documents: dict[Hashable, Document], labels=None):
        self.labels = {key: frozenset(codes) for key, codes in (labels or {}).items()}
        words = {w for doc in documents.values() for part in doc.fields for w in part}
        lexemes = current_engine().stems(words) if words else {}
        self.fields: dict[Hashable, tuple[frozenset[str], ...]] = {}
        counts: dict[str, int] = {}
        readable: dict[str, str] = {}
        for key, doc in documents.items():
            fields = tuple(frozenset(s for w in part for s in lexemes[w]) for part in doc.fields)
            self.fields[key] = fields
            for s in frozenset().union(*fields):
                counts[s] = counts.get(s, 0) + 1
            for part in doc.fields:
                for w in part:
                    for s in lexemes[w]:
                        prefer_shorter(readable, s, w.folded)
        self.vocabulary = {s: (readable[s], n) for s, n in counts.items()}

    # What planning.plan() asks of its index.

    def known_words(self, stems: set[str]) -> set[str]:
        return {s for s in stems if s in self.vocabulary}

    def words_near(self, s: str, low: int, high: int) -> dict[str, tuple[str, int]]:
        return {w: found for w, found in self.vocabulary.items() if low <= len(w) <= high}

    def search(self, text: str) -> CorpusResult:
        """The documents that match `text`, best first (ties in the order given)."""
        the_plan = plan(text, index=self)
        if not the_plan.terms:
            return CorpusResult(the_plan, [CorpusHit(k, 0.0) for k in self.fields], True)
        terms = the_plan.terms
        weights = [_weight(t) for t in terms]
        if not any(weights):
            weights = [1.0] * len(terms)  # all zero counts as equal, as in query.py
        total, heaviest = sum(weights), max(weights)
        deciding = {i for i, w in enumerate(weights) if w >= DECIDING_SHARE * heaviest}
        themes = set(the_plan.themes)
        hits = []
        for position, (key, fields) in enumerate(self.fields.items()):
            matched = [(i, _place(term, fields)) for i, term in enumerate(terms)]
            matched = [(i, place) for i, place in matched if place is not None]
            if not any(i in deciding for i, _ in matched):
                continue
            coverage = sum(weights[i] for i, _ in matched) / total
            relevance = sum(FIELD_WEIGHTS[place] for _, place in matched) / len(matched)
            labels = self.labels.get(key, frozenset())
            boost = len(labels & themes) / len(labels) if labels and themes else 0.0
            fit = coverage**2 * (0.45 + 0.4 * relevance + 0.15 * boost)
            hits.append((-fit, position, CorpusHit(key, round(fit, 6))))
        hits.sort(key=lambda h: (h[0], h[1]))
        return CorpusResult(the_plan, [h[2] for h in hits], False)


def _weight(term: Term) -> float:
    w = float(term.weight)
    return w if w > 0 and w == w else 0.0  # negative or NaN weigh nothing, as in query.py


def _place(term: Term, fields: tuple[frozenset[str], ...]) -> int | None:
    """The highest field (0 title, 1 summary, 2 body) where the term matches: one of its
    alternatives has all its stems there; or, spread over the fields, the body."""
    every = frozenset().union(*fields)
    best = None
    for group in term.alternatives:
        if not set(group) <= every:
            continue
        for place, stems in enumerate(fields):
            if set(group) <= stems:
                best = place if best is None else min(best, place)
                break
        else:
            best = 2 if best is None else best
    return best
