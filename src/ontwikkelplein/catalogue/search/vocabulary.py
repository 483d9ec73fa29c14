"""What the search knows besides the index: the needs vocabulary (NeedPhrase), the synonyms
(SynonymGroup) and the names of the taxonomy terms, read once and kept per process until one of
them changes (a single cheap query per search checks that)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.db import connection

from ontwikkelplein.catalogue.models import NeedPhrase, SynonymGroup, TaxonomyTerm
from ontwikkelplein.catalogue.search.analysis import (
    FILLER_WORDS,
    NEGATIONS,
    STOP_WORDS,
    Word,
    analyse,
    rewrite,
    stem,
    words,
)

MAX_AGE_SECONDS = 300  # taxonomy names have no timestamp: read again after this at the latest


def match_form(folded: str) -> str:
    """How phrase words are compared: the Dutch stem of the folded word (in Python, the same on
    both engines), so "brieven" meets "brief" and "computers" meets "computer"."""
    return stem(rewrite(folded))


@dataclass(frozen=True)
class Phrase:
    """An active NeedPhrase, ready to match."""

    id: int
    language: str
    text: str
    required: frozenset[str]  # match forms that must all occur in the query
    words: tuple[tuple[Word, ...], ...]  # catalogue words/phrases it maps to, analysed
    themes: tuple[str, ...]
    offer_types: tuple[str, ...]


def required_forms(folded_words: list[str]) -> frozenset[str]:
    """The words of a phrase that must occur in a query for it to match: every word but stop
    words and words that carry no need, negations kept ("niet" in "ik kan niet lezen"); a
    phrase of only such words needs all of them."""
    meaningful = [
        w for w in folded_words if w in NEGATIONS or (w not in STOP_WORDS and w not in FILLER_WORDS)
    ]
    return frozenset(match_form(w) for w in (meaningful or folded_words))


@dataclass
class Vocabulary:
    phrases: list[Phrase] = field(default_factory=list)
    synonyms: list[list[list[Word]]] = field(default_factory=list)  # group -> phrase -> words
    # Folded words of the vocabulary -> True when curated (phrases, synonyms, term names): typing
    # errors are corrected toward them before the index's frequent words.
    lexicon: frozenset[str] = frozenset()


_cache: dict = {"key": None, "at": 0.0, "value": None}


def _version() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT COUNT(*) FROM catalogue_needphrase),"
            " (SELECT MAX(updated_at) FROM catalogue_needphrase),"
            " (SELECT COUNT(*) FROM catalogue_synonymgroup),"
            " (SELECT MAX(updated_at) FROM catalogue_synonymgroup),"
            " (SELECT COUNT(*) FROM catalogue_taxonomyterm)"
        )
        return (connection.alias, *cursor.fetchone())


def vocabulary() -> Vocabulary:
    key = _version()
    now = time.monotonic()
    if _cache["key"] == key and now - _cache["at"] < MAX_AGE_SECONDS:
        return _cache["value"]
    value = _load()
    _cache.update(key=key, at=now, value=value)
    return value


def clear() -> None:
    _cache.update(key=None, at=0.0, value=None)


def _load() -> Vocabulary:
    active = NeedPhrase.objects.filter(is_active=True).order_by("pk")
    codes: dict[int, dict[str, list[str]]] = {}
    for through, name in (
        (NeedPhrase.themes.through, "themes"),
        (NeedPhrase.offer_types.through, "offer_types"),
    ):
        rows = through.objects.filter(
            needphrase__is_active=True, taxonomyterm__is_active=True
        ).values_list("needphrase_id", "taxonomyterm__code")
        for phrase_id, code in rows.order_by("taxonomyterm__position", "taxonomyterm__code"):
            codes.setdefault(phrase_id, {}).setdefault(name, []).append(code)
    phrases = []
    lexicon: set[str] = set()
    for pk, language, text, mapped in active.values_list("pk", "language", "phrase", "words"):
        folded = words(text)
        if not folded:
            continue
        analysed = tuple(tuple(parts) for item in mapped.split(",") if (parts := analyse(item)))
        own = codes.get(pk, {})
        phrases.append(
            Phrase(
                id=pk,
                language=language,
                text=text,
                required=required_forms(folded),
                words=analysed,
                themes=tuple(own.get("themes", ())),
                offer_types=tuple(own.get("offer_types", ())),
            )
        )
        lexicon.update(w for w in folded if w not in STOP_WORDS and w not in FILLER_WORDS)
        lexicon.update(w.folded for group in analysed for w in group)
    synonyms = []
    for terms in SynonymGroup.objects.values_list("terms", flat=True):
        group = [phrase for term in terms.split(",") if (phrase := analyse(term))]
        synonyms.append(group)
        lexicon.update(w.folded for phrase in group for w in phrase)
    for name, name_en in TaxonomyTerm.objects.filter(is_active=True).values_list("name", "name_en"):
        lexicon.update(w.folded for w in analyse(f"{name} {name_en}"))
    return Vocabulary(phrases=phrases, synonyms=synonyms, lexicon=frozenset(lexicon))
