"""Dutch compounds, so that both spellings meet: "taalcafé" and "taal café", "belastingaangifte"
and "aangifte belasting", "computercursus" and "cursus computer".

A compound is split into the parts a Dutch word list knows: Debian's wdutch
(wordlist.py: /usr/share/dict/dutch or settings.ONTWIKKELPLEIN_WORD_LIST, the copy that
catalogue/unmatched.py reads too; only its lower-case entries), plus the words of the needs
vocabulary, synonyms and taxonomy terms that planning passes in for queries. Without the word
list (not installed) documents are not split, and queries only against that vocabulary.

- Both halves use it the same way: a document indexes the parts of each of its compounds as
  extra body words (indexing.document()); a query word that splits may match its parts
  (planning), and two words typed apart may match the word they form together. The parts are
  ordinary Words, stemmed by each engine like any other, so the SQLite and PostgreSQL analyses
  stay equal.
- Linking letters: a part may end in -s-, -e- or -en- that belongs to neither word
  ("belastingsaangifte", "pannenkoek"); the part is the word without them.
- Parts are at least MIN_PART letters (four when the whole word is in the list itself), never
  a stop word, never a prefix that Dutch writes onto verbs ("aanvragen" is not aan + vragen,
  "voorlezen" not voor + lezen) nor a suffix ("-lijk", "-baar"). A word splits into at most
  MAX_PARTS parts; of the ways to split it, the one with the fewest parts wins, then the one
  with the longest shortest part.
After the word list changes, rebuild the index (manage.py rebuild_search_index)."""

from __future__ import annotations

import logging
from functools import lru_cache

from ontwikkelplein.catalogue.search.analysis import STOP_WORDS
from ontwikkelplein.catalogue.search.wordlist import dutch_words, word_list_path, words_at

logger = logging.getLogger(__name__)

MIN_WORD = 6  # shorter words are not compounds worth splitting
MIN_PART = 3
MAX_PARTS = 3
LINKS = ("en", "s", "e")  # tussenklanken

# Bound prefixes of Dutch verbs and nouns: a word starting with one is a derivation, not a
# compound of the prefix and the rest.
PREFIXES = frozenset(
    """aan af achter bij binnen buiten door her in mee mis na neder neer om onder ont op over samen
    tegen terug toe uit ver voor voorbij weg be ge er""".split()  # noqa: SIM905
)
# Endings that are words in the list too, but here only make a derivation or an inflection.
SUFFIXES = frozenset(
    """achtig baar dom eren erd ers heid ing isch lijk loos ren schap ster tje tjes waard zaam
    ige igen iger elijk""".split()  # noqa: SIM905
)


def _part(piece: str, known) -> bool:
    return (
        len(piece) >= MIN_PART
        and piece not in STOP_WORDS
        and piece not in PREFIXES
        and piece not in SUFFIXES
        and piece in known
    )


def _heads(piece: str, known) -> list[str]:
    """The word a compound's first part stands for, with or without its linking letters."""
    found = [piece] if _part(piece, known) else []
    for link in LINKS:
        if piece.endswith(link) and _part(piece[: -len(link)], known):
            found.append(piece[: -len(link)])
    return found


def split(word: str, known: frozenset[str] | set[str] | None = None) -> tuple[str, ...]:
    """The parts of a folded compound ("belastingaangifte" -> ("belasting", "aangifte")), or
    () when it is not one. `known` is the word list (default: the configured one), to which
    planning adds the catalogue's vocabulary."""
    if known is None:
        known = dutch_words()
    if len(word) < MIN_WORD or not word.isalpha() or not known:
        return ()
    return _split(word, known, MAX_PARTS) or ()


def _split(word: str, known, budget: int) -> tuple[str, ...] | None:
    # A word the list knows as a whole may still split, but not into a three-letter part:
    # "kinderen" is no kin + deren, "inloggen" no inlog + gen.
    shortest = MIN_PART + 1 if word in known else MIN_PART
    best, best_key = None, None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        heads = _heads(word[:i], known)
        if not heads:
            continue
        tail = word[i:]
        tails = []
        if _part(tail, known):
            tails.append((tail,))
        if budget > 2 and len(tail) >= 2 * MIN_PART:
            rest = _split(tail, known, budget - 1)
            if rest:
                tails.append(rest)
        for head in heads:
            for rest in tails:
                parts = (head, *rest)
                if min(map(len, parts)) < shortest:
                    continue
                key = (len(parts), -min(map(len, parts)), -len(head))
                if best_key is None or key < best_key:
                    best, best_key = parts, key
    return best


def split_known(word: str) -> tuple[str, ...]:
    """split() against the configured word list only (documents), cached per word and list."""
    return _split_cached(word, word_list_path())


@lru_cache(maxsize=200_000)
def _split_cached(word: str, path: str) -> tuple[str, ...]:
    return split(word, words_at(path))
