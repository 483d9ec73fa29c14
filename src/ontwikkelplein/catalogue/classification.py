"""Automatic classification: which themes, target groups and offer type an offer's own words
point to. Used for offers that arrive without our taxonomy (an import: services.classify_offer)
and to propose terms to staff who write an offer by hand (the offer form's "Stel thema's voor").

How it reads a text: the words and stems of the search (search/analysis.py: folded, stop words
known, plurals rewritten, Snowball Dutch stems; compounds split into the parts the word list
knows, search/compounds.py), so "computerlessen" meets "computerles" and "les". Evidence:

- the KB's words per term (TaxonomyTerm.keywords, edited at /beheer/indeelwoorden/): a word or
  short phrase, optionally with ":<weight>", matched as a run of stems (a single word also
  against a compound's parts);
- the term's own name, weight 2;
- the needs vocabulary (NeedPhrase, Dutch, active): a phrase whose meaningful words all occur
  adds 1 to each of its themes and offer types.

Each match counts once per field, times the field's weight (title 3, summary 2, description 1).
A term is suggested when its score reaches MIN_SCORE and RELATIVE_SHARE of the best score in its
taxonomy, at most MAX_TERMS (one offer type). Target groups fall back to "iedereen" when nothing
points elsewhere; the offer type is None when no word points to one (classify_offer then uses
"activiteit"). classify() is pure given Rules; rules() reads them from the database, cached per
process (cleared when the KB saves a word list, at most MAX_AGE_SECONDS old otherwise).
bench/classification.py measures it on the demo offers (docs/performance.md)."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass

from ontwikkelplein.catalogue.search import compounds
from ontwikkelplein.catalogue.search.analysis import STOP_WORDS, fold, rewrite, stem

THEME = "thema"
TARGET_GROUP = "doelgroep"
OFFER_TYPE = "aanbodsoort"
TAXONOMIES = (THEME, TARGET_GROUP, OFFER_TYPE)
FALLBACK_TARGET_GROUP = "iedereen"
FALLBACK_OFFER_TYPE = "activiteit"

FIELD_WEIGHTS = (3.0, 2.0, 1.0)  # title, summary, description
NAME_WEIGHT = 2.0
NEED_PHRASE_WEIGHT = 1.0
MIN_SCORE = 2.0
RELATIVE_SHARE = {THEME: 0.3, TARGET_GROUP: 0.35, OFFER_TYPE: 1.0}
MAX_TERMS = {THEME: 3, TARGET_GROUP: 3, OFFER_TYPE: 1}
MAX_FIELD_CHARS = 20_000  # a description longer than this says nothing more about its terms
MAX_WEIGHT = 10.0
MAX_AGE_SECONDS = 300

_TOKEN_RE = re.compile(r"[^\W_]+")
_WEIGHT_RE = re.compile(r"^(.*?)\s*:\s*(\d+(?:[.,]\d+)?)\s*$")


def _form(token: str) -> str:
    """The match form of a folded token: the search's stem; digits as they are."""
    return stem(rewrite(token))


def _tokens(text: str) -> list[str]:
    """Folded tokens of a text: words of two letters or more, and numbers of any length."""
    return [t for t in _TOKEN_RE.findall(fold(text)) if len(t) > 1 or t.isdigit()]


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for a term: a run of stems, its weight and what staff see."""

    forms: tuple[str, ...]
    weight: float
    label: str


@dataclass(frozen=True)
class TermRule:
    taxonomy: str
    id: str
    code: str
    name: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class PhraseRule:
    """A needs vocabulary phrase: all its forms must occur somewhere in the text."""

    text: str
    required: frozenset[str]
    terms: tuple[tuple[str, str], ...]  # (taxonomy, code)


@dataclass(frozen=True)
class Rules:
    terms: tuple[TermRule, ...] = ()
    phrases: tuple[PhraseRule, ...] = ()


@dataclass(frozen=True)
class TermSuggestion:
    id: str
    code: str
    name: str
    score: float
    words: tuple[str, ...]  # the keywords, names and phrases that led to it


@dataclass(frozen=True)
class Suggestion:
    themes: tuple[TermSuggestion, ...] = ()
    target_groups: tuple[TermSuggestion, ...] = ()
    offer_type: TermSuggestion | None = None
    # Whether the target groups are only the fallback ("iedereen") rather than read from the text.
    target_groups_assumed: bool = False

    @property
    def main_theme(self) -> TermSuggestion | None:
        return self.themes[0] if self.themes else None

    def is_empty(self) -> bool:
        return not self.themes and self.offer_type is None


def parse_keywords(text: str) -> list[tuple[str, float]]:
    """The KB's word list ("lezen:2, makkelijk lezen, nt2:3") as (phrase, weight) pairs; a
    weight that is not a number is read as part of the word, weights are capped at MAX_WEIGHT.
    Entries without a word (only punctuation) are left out."""
    pairs = []
    for item in (text or "").split(","):
        item = item.strip()
        if not item:
            continue
        weight = 1.0
        if match := _WEIGHT_RE.match(item):
            item, weight = match.group(1).strip(), float(match.group(2).replace(",", "."))
        if _tokens(item):
            pairs.append((item, min(max(weight, 0.0), MAX_WEIGHT)))
    return pairs


def invalid_keywords(text: str) -> list[str]:
    """The entries of a word list that cannot match anything (only stop words or punctuation)."""
    bad = []
    for item in (text or "").split(","):
        phrase = _WEIGHT_RE.sub(r"\1", item.strip()).strip()
        if phrase and not _meaningful(_tokens(phrase)):
            bad.append(phrase)
    return bad


def _meaningful(tokens: list[str]) -> bool:
    return any(t not in STOP_WORDS for t in tokens)


def cue(phrase: str, weight: float) -> Cue | None:
    tokens = _tokens(phrase)
    if not _meaningful(tokens):
        return None
    return Cue(tuple(_form(t) for t in tokens), weight, phrase)


def term_rule(taxonomy: str, id, code: str, name: str, keywords: str) -> TermRule:
    cues = [c for phrase, weight in parse_keywords(keywords) if (c := cue(phrase, weight))]
    if (named := cue(name, NAME_WEIGHT)) and named.forms not in {c.forms for c in cues}:
        cues.append(named)
    return TermRule(taxonomy, str(id), code, name, tuple(cues))


@dataclass
class _Field:
    forms: list[str]
    positions: dict[str, list[int]]
    parts: set[str]

    @classmethod
    def of(cls, text: str) -> _Field:
        tokens = _tokens((text or "")[:MAX_FIELD_CHARS])
        forms = [_form(t) for t in tokens]
        positions: dict[str, list[int]] = defaultdict(list)
        for i, form in enumerate(forms):
            positions[form].append(i)
        parts = set()
        for token in set(tokens):
            if len(token) >= 8 and not token.isdigit():
                parts.update(_form(p) for p in compounds.split_known(token) if p != token)
        return cls(forms, positions, parts)

    def has(self, forms: tuple[str, ...]) -> bool:
        if len(forms) == 1:
            return forms[0] in self.positions or forms[0] in self.parts
        n = len(forms)
        for start in self.positions.get(forms[0], ()):
            if tuple(self.forms[start : start + n]) == forms:
                return True
        return False

    def all_forms(self) -> set[str]:
        return set(self.positions) | self.parts


def classify(
    title: str, summary: str = "", description: str = "", rules: Rules | None = None
) -> Suggestion:
    """The themes, target groups and offer type that the offer's words point to, each with a
    score and the words that led to it. Never raises on text; with rules=None it reads them
    from the database (rules())."""
    if rules is None:
        rules = load_rules()
    fields = [
        (_Field.of(str(text or "")), weight)
        for text, weight in zip((title, summary, description), FIELD_WEIGHTS, strict=True)
    ]
    scores: dict[tuple[str, str], float] = defaultdict(float)
    reasons: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_key: dict[tuple[str, str], TermRule] = {}
    for term in rules.terms:
        key = (term.taxonomy, term.code)
        by_key[key] = term
        for c in term.cues:
            hit = sum(weight for f, weight in fields if f.has(c.forms))
            if hit:
                scores[key] += c.weight * hit
                if c.label not in reasons[key]:
                    reasons[key].append(c.label)
    if rules.phrases:
        present = set().union(*(f.all_forms() for f, _ in fields))
        for phrase in rules.phrases:
            if phrase.required and phrase.required <= present:
                for key in phrase.terms:
                    if key in by_key:
                        scores[key] += NEED_PHRASE_WEIGHT * FIELD_WEIGHTS[0]
                        if phrase.text not in reasons[key]:
                            reasons[key].append(phrase.text)

    def chosen(taxonomy: str) -> tuple[TermSuggestion, ...]:
        ranked = sorted(
            (
                (score, key)
                for key, score in scores.items()
                if key[0] == taxonomy and score >= MIN_SCORE
            ),
            key=lambda item: (-item[0], item[1][1]),
        )
        if not ranked:
            return ()
        floor = ranked[0][0] * RELATIVE_SHARE[taxonomy]
        result = []
        for score, key in ranked[: MAX_TERMS[taxonomy]]:
            if score < floor:
                break
            term = by_key[key]
            result.append(
                TermSuggestion(term.id, term.code, term.name, round(score, 2), tuple(reasons[key]))
            )
        return tuple(result)

    themes = chosen(THEME)
    target_groups = chosen(TARGET_GROUP)
    assumed = False
    if not target_groups and (fallback := by_key.get((TARGET_GROUP, FALLBACK_TARGET_GROUP))):
        target_groups = (TermSuggestion(fallback.id, fallback.code, fallback.name, 0.0, ()),)
        assumed = True
    offer_types = chosen(OFFER_TYPE)
    return Suggestion(
        themes=themes,
        target_groups=target_groups,
        offer_type=offer_types[0] if offer_types else None,
        target_groups_assumed=assumed,
    )


# --- Rules from the database ---------------------------------------------------------------

_cache: dict = {"at": 0.0, "value": None}


def clear() -> None:
    _cache.update(at=0.0, value=None)


def load_rules() -> Rules:
    """The active terms of the three taxonomies with their words, and the Dutch needs
    vocabulary; read once per process and kept for MAX_AGE_SECONDS (clear() after a change)."""
    now = time.monotonic()
    if _cache["value"] is not None and now - _cache["at"] < MAX_AGE_SECONDS:
        return _cache["value"]
    value = _read_rules()
    _cache.update(at=now, value=value)
    return value


def reference_rules() -> Rules:
    """The rules of a fresh install (reference_data: the terms, their national word lists and
    the national needs vocabulary), without a database: what bench/classification.py and the
    unit tests measure."""
    from ontwikkelplein.catalogue import reference_data as ref
    from ontwikkelplein.catalogue.search.vocabulary import required_forms

    terms = []
    for taxonomy, rows in ((THEME, ref.THEMES), (TARGET_GROUP, ref.TARGET_GROUPS)):
        for code, name, *_ in rows:
            terms.append(
                term_rule(taxonomy, code, code, name, ref.TERM_KEYWORDS.get((taxonomy, code), ""))
            )
    for code, name, _ in ref.OFFER_TYPES:
        keywords = ref.TERM_KEYWORDS.get((OFFER_TYPE, code), "")
        terms.append(term_rule(OFFER_TYPE, code, code, name, keywords))
    phrases = []
    for language, text, _, themes, offer_types in ref.NEED_PHRASES:
        if language != "nl" or not (themes or offer_types):
            continue
        phrases.append(
            PhraseRule(
                text=text,
                required=required_forms(_tokens(text)),
                terms=tuple((THEME, c) for c in themes)
                + tuple((OFFER_TYPE, c) for c in offer_types),
            )
        )
    return Rules(terms=tuple(terms), phrases=tuple(phrases))


def _read_rules() -> Rules:
    from ontwikkelplein.catalogue.models import TaxonomyTerm
    from ontwikkelplein.catalogue.search.vocabulary import vocabulary

    rows = (
        TaxonomyTerm.objects.filter(taxonomy__slug__in=TAXONOMIES, is_active=True)
        .order_by("taxonomy__slug", "position", "code")
        .values_list("taxonomy__slug", "id", "code", "name", "keywords")
    )
    terms = tuple(term_rule(*row) for row in rows)
    phrases = tuple(
        PhraseRule(
            text=phrase.text,
            required=phrase.required,
            terms=tuple((THEME, c) for c in phrase.themes)
            + tuple((OFFER_TYPE, c) for c in phrase.offer_types),
        )
        for phrase in vocabulary().phrases
        if phrase.language == "nl" and (phrase.themes or phrase.offer_types)
    )
    return Rules(terms=terms, phrases=phrases)


__all__ = [
    "Cue",
    "PhraseRule",
    "Rules",
    "Suggestion",
    "TermRule",
    "TermSuggestion",
    "classify",
    "clear",
    "invalid_keywords",
    "load_rules",
    "reference_rules",
    "parse_keywords",
]
