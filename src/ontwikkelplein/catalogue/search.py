"""Search over published offers: one module, two engines (SQLite FTS5 and PostgreSQL full text).

A shared Python front half turns text into words, the same for documents and queries:
  text -> words (lowercase; `folded` also without accents) -> drop Dutch stop words
       -> rewrite a few plural forms before stemming (see rewrite()).
Each engine then stems those words itself:
  - PostgreSQL with its own text search configuration `ontwikkelplein_dutch`: the built-in
    'dutch' one (Snowball's Dutch stemmer and stop list) with `unaccent` in front of it
    (migrations/0004_postgres_dutch_configuration.py). Words arrive with their accents, for
    unaccent to remove. The database turns each offer's words into the weighted tsvector it
    stores (setweight(to_tsvector('ontwikkelplein_dutch', ...)), GIN index); query and synonym
    words are stemmed with to_tsvector on the same configuration, so stored and searched
    lexemes always come from the same place.
  - SQLite with the same Snowball algorithm in Python (snowballstemmer 'dutch_porter'; its
    newer 'dutch' is a different algorithm) after fold(), which strips accents like unaccent;
    the stems go into an FTS5 table (migrations/0003_search_storage.py).
Tests compare the two analyses word by word on the demo and reference texts, so the engines
index and search the same lexemes. On those lexemes the shared half then corrects typing errors
against the index vocabulary and expands synonyms (SynonymGroup); the engine matches the
finished lexemes and ranks (bm25 / ts_rank, title first). Filters, distance, ordering and
paging run in one SQL statement per search; a result page then loads its offers in a fixed
handful of queries. Design and figures: docs/performance.md."""

import dataclasses
import math
import re
import unicodedata
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import snowballstemmer
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from rapidfuzz.distance import OSA

from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Schedule,
    ScheduleKind,
    SignUp,
    SynonymGroup,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.organisations.models import Location
from ontwikkelplein.places.geo import KM_PER_DEGREE, distance_km


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    themes: tuple[str, ...] = ()  # TaxonomyTerm codes
    target_groups: tuple[str, ...] = ()
    offer_types: tuple[str, ...] = ()
    free_only: bool = False
    walk_in_only: bool = False
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    origin: tuple[float, float] | None = None  # (latitude, longitude)
    radius_km: float | None = None
    page: int = 1
    per_page: int = 20


@dataclass
class SearchHit:
    offer: Offer
    distance_km: float | None = None
    nearest_location: Location | None = None


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    # A typed word the index did not know (lowercase, without accents) -> the word searched.
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


# --- Analysis: the shared front half -------------------------------------------------------

MAX_QUERY_CHARS = 500  # a search box needs no more; longer input is cut, never an error
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 60  # longer "words" are noise (pasted links, base64) and are not indexed
MAX_PER_PAGE = 100

# PostgreSQL's dutch.stop (the Snowball list), which the 'dutch' configuration drops as well.
DUTCH_STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets
    ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of
    om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren
    was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Question words people type into a search box. Not in PostgreSQL's list, so the front half
# drops every stop word before either engine sees the text.
STOP_WORDS = DUTCH_STOP_WORDS | frozenset(
    "graag jij jou jouw kun kunt onze waar wanneer we welk welke wij".split()  # noqa: SIM905
)

# Letters that Unicode does not decompose into a base letter plus an accent (as unaccent does).
_EXTRA_FOLDS = str.maketrans(
    {
        **{"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŋ": "n", "ŧ": "t", "ĸ": "q"},
        **{"æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ʼ": "'", "ŀ": "l"},
        **{"ẜ": "s", "ẝ": "s", "ỻ": "ll", "ỽ": "v", "ỿ": "y"},
    }
)
_WORD_RE = re.compile(r"[^\W_]+")
# A word as typed: letters and digits, with any combining accents that NFC could not compose.
_TYPED_RE = re.compile(
    r"[^\W_](?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])*"
)
# Lowercase letters for which unaccent and fold() are tested to agree (Basic Latin, Latin-1,
# Latin Extended-A, Latin Extended Additional, Greek): such words reach PostgreSQL as typed, so
# unaccent removes their accents; any other word is sent already folded.
_UNACCENT_SAFE = re.compile(r"[a-z0-9\u00df-\u00f6\u00f8-\u017f\u1e00-\u1eff\u0386-\u03ce]+")
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
# Plurals the Snowball rules do not bring back to the singular.
_IRREGULAR = {"kinderen": "kind", "kinders": "kind", "steden": "stad", "eieren": "ei"}
_PORTER = snowballstemmer.stemmer("dutch_porter")


def fold(text: str) -> str:
    """Lowercase without accents: 'Taalcafé' -> 'taalcafe', 'Straße' -> 'strasse'."""
    # Before decomposing too: NFKD would turn ŀ into l and a middle dot.
    text = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.translate(_EXTRA_FOLDS)


def _typed_words(text: str) -> Iterator[tuple[str, str]]:
    """(folded, typed) per word; `typed` is lowercase with its accents."""
    for match in _TYPED_RE.finditer(unicodedata.normalize("NFC", text)):
        yield from _forms(match.group())


@lru_cache(maxsize=200_000)
def _forms(token: str) -> tuple[tuple[str, str], ...]:
    typed = token.casefold()
    folded = fold(typed)
    pieces = _WORD_RE.findall(folded)
    if pieces == [folded]:
        return ((folded, typed),)
    return tuple((piece, piece) for piece in pieces)  # folding split it: "l·l", "1⁄2"


def words(text: str) -> list[str]:
    """Folded words of at least two characters; punctuation and operators are separators."""
    return [w for w, _ in _typed_words(text) if 1 < len(w) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=200_000)
def rewrite(word: str) -> str:
    """The form of a folded word that both engines stem, so that plurals meet their singular:
    a few irregular plurals (kinderen -> kind); -jes/-ies keeps its -e (taalmaatjes ->
    taalmaatje, like taalmaatje); and where Snowball would leave a doubled final consonant
    (cursussen -> cursuss, lessen -> less), one of the two is dropped before stemming
    (cursusen -> cursus, lesen -> les), if that brings the stem to the single consonant.
    Never a stop word, which PostgreSQL would drop. Words with digits (nt2, 3811) stay."""
    if any(ch.isdigit() for ch in word):
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith(("jes", "ies")):
        word = word[:-1]
    stemmed = _PORTER.stemWord(word)
    end = len(stemmed)
    if (
        end > 3  # with one letter before it, the shorter word may stem differently
        and stemmed[-1] == stemmed[-2]
        and stemmed[-1] in _CONSONANTS
        and word.startswith(stemmed)
    ):
        undoubled = word[: end - 1] + word[end:]
        if _PORTER.stemWord(undoubled) == stemmed[:-1] and undoubled not in STOP_WORDS:
            return undoubled
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball Dutch (Porter), as PostgreSQL's dutch_stem, of a folded and rewritten word.
    Words with digits stay as typed, as PostgreSQL's 'simple' dictionary leaves them."""
    if any(ch.isdigit() for ch in word):
        return word
    return _PORTER.stemWord(word)


@dataclass(frozen=True)
class Word:
    """A meaningful word of a text, in the forms the two halves need."""

    folded: str  # lowercase, no accents: compared with stop words and typing errors, shown
    rewritten: str  # rewrite(folded): what SQLite's stemmer gets
    source: str  # what PostgreSQL gets: the word as typed (lowercase), or its rewrite

    @property
    def python_stem(self) -> str:
        return stem(self.rewritten)


def analyse(text: str) -> list[Word]:
    """The meaningful words of a text, in order: no stop words, no single letters."""
    return [word for folded, typed in _typed_words(text) if (word := _word(folded, typed))]


@lru_cache(maxsize=200_000)
def _word(folded: str, typed: str) -> Word | None:
    if not 1 < len(folded) <= MAX_WORD_LENGTH or folded in STOP_WORDS:
        return None
    rewritten = rewrite(folded)
    as_typed = rewritten == folded and _UNACCENT_SAFE.fullmatch(typed)
    return Word(folded, rewritten, typed if as_typed else rewritten)


def max_edits(word: str) -> int:
    """How many typing errors a word may contain: none in very short words, then 1, then 2."""
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 7 else 2


# --- Query planning: synonyms and typing errors --------------------------------------------

Group = tuple[str, ...]  # stems that must all match (a synonym may be a phrase)


@dataclass(frozen=True)
class Term:
    """One thing the searcher asked for: any of its alternatives may match."""

    alternatives: tuple[Group, ...]


@dataclass(frozen=True)
class Plan:
    terms: tuple[Term, ...]
    corrections: dict[str, str]


def _synonym_groups() -> list[list[list[Word]]]:
    """Every SynonymGroup as its phrases, each phrase as its words."""
    groups = []
    for terms in SynonymGroup.objects.values_list("terms", flat=True):
        phrases = [analyse(term) for term in terms.split(",")]
        groups.append([phrase for phrase in phrases if phrase])
    return groups


def _synonym_index(groups, lexemes) -> tuple[dict[Group, set[Group]], dict[str, str]]:
    """phrase -> every phrase of its group(s); and each synonym stem -> a readable word."""
    alternatives: dict[Group, set[Group]] = defaultdict(set)
    readable: dict[str, str] = {}
    for group in groups:
        phrases = []
        for phrase in group:
            stems = tuple(s for word in phrase for s in lexemes[word])
            if stems:
                phrases.append(stems)
            for word in phrase:
                for s in lexemes[word]:
                    readable.setdefault(s, word.folded)
        for stems in phrases:
            alternatives[stems].update(phrases)
    return alternatives, readable


def plan(text: str) -> Plan:
    """Turn what someone typed into search terms, correcting words the index does not know."""
    typed = analyse((text or "")[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]
    if not typed:
        return Plan((), {})
    engine = _engine()
    groups = _synonym_groups()
    # One call stems the query and every synonym, with the engine's own stemmer.
    lexemes = engine.stems({*typed, *(w for group in groups for phrase in group for w in phrase)})
    synonyms, synonym_words = _synonym_index(groups, lexemes)
    known = engine.known_words({s for word in typed for s in lexemes[word]})
    corrections: dict[str, str] = {}
    stems: list[str] = []
    for word in typed:
        found = lexemes[word]
        if len(found) == 1 and max_edits(word.folded):
            s = found[0]
            if s not in known and s not in synonym_words:
                best = _closest_word(engine, word.folded, s, synonym_words)
                if best is not None:
                    found = (best[0],)
                    corrections[word.folded] = best[1]
        stems.extend(found)
    return Plan(_segment(stems, synonyms), corrections)


def _closest_word(engine, word, s, synonym_words) -> tuple[str, str] | None:
    """The nearest indexed or synonym word within max_edits(word) typing errors (a swap of two
    letters counts as one). A typo can change how a word stems ("belastingaangfite" keeps its
    ending), so both the stems and the readable words are compared. Ties go to the word in most
    offers, then alphabetical order."""
    limit = max_edits(word)
    shortest, longest = min(len(s), len(word)), max(len(s), len(word))
    # Stems are up to ~4 letters shorter than their words (-heid, -ingen).
    low, high = shortest - limit - 4, longest + limit
    candidates = engine.words_near(s, low, high)  # stem -> (readable word, offers)
    for stem_, readable in synonym_words.items():
        if low <= len(stem_) <= high:
            candidates.setdefault(stem_, (readable, 0))
    best = None
    for stem_, (readable, ndocs) in candidates.items():
        distance = min(
            OSA.distance(s, stem_, score_cutoff=limit),
            OSA.distance(word, readable, score_cutoff=limit),
        )
        if distance <= limit:
            key = (distance, -ndocs, stem_)
            if best is None or key < best[0]:
                best = (key, stem_, readable)
    return None if best is None else (best[1], best[2])


def _segment(stems: list[str], synonyms: dict[Group, set[Group]]) -> tuple[Term, ...]:
    """Group stems into terms, longest synonym phrase first ("inloggen overheid" is one term)."""
    longest = max((len(p) for p in synonyms), default=1)
    terms: list[Term] = []
    i = 0
    while i < len(stems):
        for size in range(min(longest, len(stems) - i), 0, -1):
            phrase = tuple(stems[i : i + size])
            if phrase in synonyms or size == 1:
                found = synonyms.get(phrase, set()) | {phrase}
                break
        term = Term(tuple(sorted(found, key=lambda g: (len(g), g))))
        if term not in terms:
            terms.append(term)
        i += size
    return tuple(terms)


# --- Engines --------------------------------------------------------------------------------


@dataclass
class Document:
    """An offer as the index sees it: its meaningful words per weighted field."""

    title: list[Word]
    summary: list[Word]
    body: list[Word]

    @property
    def fields(self) -> tuple[list[Word], list[Word], list[Word]]:
        return self.title, self.summary, self.body


@dataclass
class Entry:
    """A document with the engine's stems of its words, ready to store."""

    db_id: object
    document: Document
    lexemes: dict[Word, tuple[str, ...]]

    def field_stems(self) -> list[str]:
        """Per field, its stems in order, separated by spaces (SQLite's FTS5 columns)."""
        return [
            " ".join(s for word in part for s in self.lexemes[word])
            for part in self.document.fields
        ]

    def field_sources(self) -> list[str]:
        """Per field, its words as PostgreSQL analyses them, separated by spaces."""
        return [" ".join(word.source for word in part) for part in self.document.fields]

    @cached_property
    def stems(self) -> set[str]:
        return {s for part in self.document.fields for word in part for s in self.lexemes[word]}

    def readable(self) -> dict[str, str]:
        """A word to show per stem: the shortest, so "cursus" rather than "cursussen"."""
        readable: dict[str, str] = {}
        for part in self.document.fields:
            for word in part:
                for s in self.lexemes[word]:
                    _prefer_shorter(readable, s, word.folded)
        return readable


def _prefer_shorter(readable: dict[str, str], s: str, word: str) -> None:
    if s not in readable or (len(word), word) < (len(readable[s]), readable[s]):
        readable[s] = word


class _Engine:
    """What differs between SQLite and PostgreSQL; everything else is shared."""

    vendor = ""

    def db_id(self, offer_id: uuid.UUID):
        raise NotImplementedError

    def stems(self, words: set[Word]) -> dict[Word, tuple[str, ...]]:
        """The engine's stem of each word: one as a rule, none for a word it does not index."""
        raise NotImplementedError

    def match_sql(self, expression: str) -> tuple[str, list]:
        """SELECT offer_id, score (higher is better) of the offers matching the expression."""
        raise NotImplementedError

    def expression(self, terms: tuple[Term, ...], mode: str) -> str:
        raise NotImplementedError

    def words_near(self, s: str, low: int, high: int) -> dict[str, tuple[str, int]]:
        """Vocabulary words of low..high letters that may be close to s: word -> (readable
        word, number of offers)."""
        raise NotImplementedError

    def known_words(self, stems: set[str]) -> set[str]:
        if not stems:
            return set()
        with connection.cursor() as cursor:
            marks = ", ".join(["%s"] * len(stems))
            cursor.execute(
                f"SELECT word FROM catalogue_search_word WHERE word IN ({marks})",  # noqa: S608
                list(stems),
            )
            return {row[0] for row in cursor.fetchall()}

    # Writes: one offer at a time, or everything at once for rebuild_index.

    def read_words(self, cursor, db_id) -> set[str] | None:
        raise NotImplementedError

    def write(self, cursor, db_id, entry: Entry | None, existed: bool) -> None:
        raise NotImplementedError

    def clear(self, cursor) -> None:
        raise NotImplementedError

    def bulk_write(self, cursor, entries: list[Entry]) -> None:
        raise NotImplementedError

    def after_rebuild(self, cursor) -> None:
        pass


class _SQLite(_Engine):
    vendor = "sqlite"

    def db_id(self, offer_id):
        return offer_id.hex  # Django stores UUIDs as 32 hex characters on SQLite

    def stems(self, words):
        return {word: (word.python_stem,) for word in words}

    def match_sql(self, expression):
        # bm25 is lower for better matches; columns weigh title 5, summary 2, body 1.
        return (
            "SELECT e.offer_id AS offer_id,"
            " -bm25(catalogue_search_fts, 5.0, 2.0, 1.0) AS score"
            " FROM catalogue_search_fts"
            " JOIN catalogue_search_entry e ON e.id = catalogue_search_fts.rowid"
            " WHERE catalogue_search_fts MATCH %s",
            [expression],
        )

    def expression(self, terms, mode):
        # Every stem is a quoted FTS5 string, so nothing the user typed is read as syntax.
        def quoted(s):
            return '"' + s.replace('"', '""') + '"'

        def term_sql(term):
            groups = [
                quoted(g[0]) if len(g) == 1 else "(" + " AND ".join(map(quoted, g)) + ")"
                for g in term.alternatives
            ]
            return "(" + " OR ".join(groups) + ")"

        return f" {mode.upper()} ".join(term_sql(t) for t in terms)

    def words_near(self, s, low, high):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, display, ndocs FROM catalogue_search_word"
                " WHERE length BETWEEN %s AND %s",
                [low, high],
            )
            return {word: (display, ndocs) for word, display, ndocs in cursor.fetchall()}

    def read_words(self, cursor, db_id):
        cursor.execute("SELECT words FROM catalogue_search_entry WHERE offer_id = %s", [db_id])
        row = cursor.fetchone()
        return None if row is None else set(row[0].split())

    def write(self, cursor, db_id, entry, existed):
        if existed:
            cursor.execute(
                "DELETE FROM catalogue_search_fts WHERE rowid ="
                " (SELECT id FROM catalogue_search_entry WHERE offer_id = %s)",
                [db_id],
            )
            cursor.execute("DELETE FROM catalogue_search_entry WHERE offer_id = %s", [db_id])
        if entry is None:
            return
        cursor.execute(
            "INSERT INTO catalogue_search_entry (offer_id, words) VALUES (%s, %s)",
            [db_id, " ".join(sorted(entry.stems))],
        )
        cursor.execute("SELECT id FROM catalogue_search_entry WHERE offer_id = %s", [db_id])
        rowid = cursor.fetchone()[0]
        # A row left behind by a database flush (tests) could hold this rowid: replace it.
        cursor.execute("DELETE FROM catalogue_search_fts WHERE rowid = %s", [rowid])
        cursor.execute(
            "INSERT INTO catalogue_search_fts (rowid, title, summary, body)"
            " VALUES (%s, %s, %s, %s)",
            [rowid, *entry.field_stems()],
        )

    def clear(self, cursor):
        cursor.execute("DELETE FROM catalogue_search_fts")
        cursor.execute("DELETE FROM catalogue_search_entry")
        cursor.execute("DELETE FROM catalogue_search_word")

    def bulk_write(self, cursor, entries):
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM catalogue_search_entry")
        start = cursor.fetchone()[0] + 1
        cursor.executemany(
            "INSERT INTO catalogue_search_entry (id, offer_id, words) VALUES (%s, %s, %s)",
            [
                (start + i, entry.db_id, " ".join(sorted(entry.stems)))
                for i, entry in enumerate(entries)
            ],
        )
        cursor.executemany(
            "INSERT INTO catalogue_search_fts (rowid, title, summary, body)"
            " VALUES (%s, %s, %s, %s)",
            [(start + i, *entry.field_stems()) for i, entry in enumerate(entries)],
        )

    def after_rebuild(self, cursor):
        cursor.execute(
            "INSERT INTO catalogue_search_fts (catalogue_search_fts) VALUES ('optimize')"
        )


class _Postgres(_Engine):
    vendor = "postgresql"
    CONFIGURATION = "ontwikkelplein_dutch"  # made by migrations/0004
    # ts_rank weights for D, C, B, A: title (A) counts five times a body word (C), like bm25 above.
    RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
    CACHE_SIZE = 100_000

    def __init__(self):
        # source word -> its lexemes. The configuration only changes with a migration, so what
        # the database said once holds; a search for known words then needs no extra query.
        self._lexemes: dict[str, tuple[str, ...]] = {}

    def db_id(self, offer_id):
        return offer_id

    def stems(self, words):
        sources = {word.source for word in words}
        known = {s: found for s in sources if (found := self._lexemes.get(s)) is not None}
        missing = sorted(sources - known.keys())
        if missing:
            with connection.cursor() as cursor:
                # Each word on its own, in the configuration the documents are analysed with;
                # lexemes in the order the words produced them.
                cursor.execute(
                    "SELECT w, ARRAY(SELECT lexeme FROM unnest(to_tsvector(%s::regconfig, w))"
                    " ORDER BY positions[1], lexeme) FROM unnest(%s::text[]) AS w",
                    [self.CONFIGURATION, missing],
                )
                found = {w: tuple(lexemes) for w, lexemes in cursor.fetchall()}
            known.update(found)
            if len(self._lexemes) + len(found) > self.CACHE_SIZE:
                self._lexemes.clear()
            self._lexemes.update(found)
        return {word: known[word.source] for word in words}

    def match_sql(self, expression):
        # The query is written out twice rather than joined in once, so the planner sees it and
        # can estimate from the column statistics whether the GIN index pays off.
        return (
            "SELECT e.offer_id AS offer_id,"
            " ts_rank(%s::float4[], e.document, %s::tsquery) AS score"
            " FROM catalogue_search_entry e WHERE e.document @@ %s::tsquery",
            [self.RANK_WEIGHTS, expression, expression],
        )

    @staticmethod
    def lexeme(s: str) -> str:
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"

    def expression(self, terms, mode):
        # The lexemes came from the configuration already (stems()); quoted and cast with
        # ::tsquery they are matched as they are, without a second analysis.
        def term_sql(term):
            groups = [
                self.lexeme(g[0]) if len(g) == 1 else "(" + " & ".join(map(self.lexeme, g)) + ")"
                for g in term.alternatives
            ]
            return "(" + " | ".join(groups) + ")"

        return (" & " if mode == "and" else " | ").join(term_sql(t) for t in terms)

    def words_near(self, s, low, high):
        # pg_trgm's distance operator walks the GiST index nearest-first, so only the few
        # hundred most similar words are read; the edit distance is checked in Python, the same
        # way as on SQLite.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, display, ndocs FROM catalogue_search_word"
                " WHERE length BETWEEN %s AND %s ORDER BY word <-> %s LIMIT 200",
                [low, high, s],
            )
            return {word: (display, ndocs) for word, display, ndocs in cursor.fetchall()}

    def read_words(self, cursor, db_id):
        # One reindex of an offer at a time (also before its first row exists), so the word
        # counts cannot be applied twice.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [str(db_id)])
        cursor.execute("SELECT words FROM catalogue_search_entry WHERE offer_id = %s", [db_id])
        row = cursor.fetchone()
        return None if row is None else set(row[0].split())

    # PostgreSQL analyses the words itself: title A, summary B, the rest C. The words are not
    # stored; kept out of the table, its rows stay narrow and matching reads fewer pages.
    INSERT = (
        "INSERT INTO catalogue_search_entry (offer_id, document, words) VALUES (%s,"
        " setweight(to_tsvector(%s::regconfig, %s), 'A')"
        " || setweight(to_tsvector(%s::regconfig, %s), 'B')"
        " || setweight(to_tsvector(%s::regconfig, %s), 'C'), %s)"
    )

    def _row(self, db_id, entry: Entry) -> list:
        title, summary, body = entry.field_sources()
        configuration = self.CONFIGURATION
        words = " ".join(sorted(entry.stems))
        return [db_id, configuration, title, configuration, summary, configuration, body, words]

    def write(self, cursor, db_id, entry, existed):
        if entry is None:
            cursor.execute("DELETE FROM catalogue_search_entry WHERE offer_id = %s", [db_id])
            return
        cursor.execute(
            self.INSERT + " ON CONFLICT (offer_id) DO UPDATE"
            " SET document = EXCLUDED.document, words = EXCLUDED.words",
            self._row(db_id, entry),
        )

    def clear(self, cursor):
        # DELETE, not TRUNCATE: searches keep reading the old index until the rebuild commits.
        cursor.execute("DELETE FROM catalogue_search_entry")
        cursor.execute("DELETE FROM catalogue_search_word")

    def bulk_write(self, cursor, entries):
        cursor.executemany(self.INSERT, [self._row(entry.db_id, entry) for entry in entries])

    def after_rebuild(self, cursor):
        # Bulk inserts wait in the GIN index's pending list (until autovacuum); merged now, the
        # planner trusts the index straight away (2-5x faster matching at 50,000 offers).
        cursor.execute("SELECT gin_clean_pending_list('catalogue_search_entry_document'::regclass)")
        cursor.execute("ANALYZE catalogue_search_entry")
        cursor.execute("ANALYZE catalogue_search_word")


_ENGINES = {engine.vendor: engine for engine in (_SQLite(), _Postgres())}


def _engine() -> _Engine:
    try:
        return _ENGINES[connection.vendor]
    except KeyError:
        raise NotImplementedError(
            f"search runs on SQLite or PostgreSQL, not {connection.vendor}"
        ) from None


# --- Searching ------------------------------------------------------------------------------


def _filter_where(params: SearchParams, today) -> tuple[str, list]:
    """The WHERE clause (on catalogue_offer only, no joins) for publication and the filters."""
    qs = Offer.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_to__isnull=True) | Q(valid_to__gte=today),
        status=OfferStatus.PUBLISHED,
    )
    through_filters = (
        (Offer.themes.through, params.themes),
        (Offer.target_groups.through, params.target_groups),
    )
    for through, codes in through_filters:
        if codes:
            qs = qs.filter(
                Exists(
                    through.objects.filter(
                        offer_id=OuterRef("pk"), taxonomyterm__code__in=list(codes)
                    )
                )
            )
    if params.offer_types:
        qs = qs.filter(
            offer_type_id__in=TaxonomyTerm.objects.filter(
                taxonomy__slug=Taxonomy.OFFER_TYPE, code__in=list(params.offer_types)
            ).values("pk")
        )
    if params.free_only:
        qs = qs.filter(is_free=True)
    if params.walk_in_only:
        qs = qs.filter(sign_up=SignUp.WALK_IN)
    if params.weekdays:
        days = sorted({int(d) for d in params.weekdays})
        weekly = Q(kind=ScheduleKind.WEEKLY, weekday__in=days) & (
            Q(valid_to__isnull=True) | Q(valid_to__gte=today)
        )
        dated = Q(kind=ScheduleKind.DATED, weekday__in=days, date__gte=today)
        qs = qs.filter(
            Exists(Schedule.objects.filter(weekly | dated, offer_location__offer=OuterRef("pk")))
        )
    query = qs.query
    # The clause is placed after "FROM ... JOIN catalogue_offer": it must not need joins.
    joined = [alias for alias, count in query.alias_refcount.items() if count]
    if joined != [Offer._meta.db_table]:
        raise RuntimeError(f"search filters must not join other tables: {joined}")
    compiler = query.get_compiler(connection=connection)
    sql, sql_params = compiler.compile(query.where)
    return sql, list(sql_params)


def _distance_sql(lat: float, lon: float) -> tuple[str, list]:
    """places.geo.distance_km in SQL (equirectangular), from the origin to location `l`."""
    return (
        "(%s * sqrt(power((l.longitude - %s) * cos(radians((l.latitude + %s) / 2.0)), 2)"
        " + power(l.latitude - %s, 2)))",
        [KM_PER_DEGREE, lon, lat, lat],
    )


def _bounding_box(lat: float, lon: float, radius: float) -> list[float]:
    """A box that surely holds every point within `radius` km, for the location index."""
    dlat = radius / KM_PER_DEGREE
    widest = min(89.0, abs(lat) + dlat)
    dlon = radius / (KM_PER_DEGREE * math.cos(math.radians(widest)))
    return [lat - dlat, lat + dlat, lon - dlon, lon + dlon]


def _statement(engine, expression, where, params, limit, offset) -> tuple[str, list]:
    """One statement: matching offers, their nearest location, order, page and total.
    It is assembled from fixed fragments; every value, including what the user typed, is a
    query parameter."""
    where_sql, where_params = where
    ctes, args = [], []
    if expression is not None:
        match_sql, match_args = engine.match_sql(expression)
        # MATERIALIZED: match once, then look the offers up. Otherwise a planner may walk the
        # published offers and run the full-text match once per offer.
        ctes.append(f"matches AS MATERIALIZED ({match_sql})")
        args += match_args
        hits = (
            "SELECT catalogue_offer.id AS offer_id, matches.score AS score,"
            " catalogue_offer.title AS title"
            " FROM matches JOIN catalogue_offer ON catalogue_offer.id = matches.offer_id"
        )
    else:
        hits = (
            "SELECT catalogue_offer.id AS offer_id, 0.0 AS score, catalogue_offer.title AS title"
            " FROM catalogue_offer"
        )
    ctes.append(f"hits AS ({hits} WHERE {where_sql})")
    args += where_params

    if params.origin:
        lat, lon = params.origin
        radius = params.radius_km
        distance, distance_args = _distance_sql(lat, lon)
        # Distances are computed once per location (a few thousand at most), not per offer.
        in_range = ""
        if radius is not None:
            in_range = (
                " AND l.latitude BETWEEN %s AND %s AND l.longitude BETWEEN %s AND %s"
                f" AND {distance} <= %s"
            )
        ctes.append(
            "places AS MATERIALIZED (SELECT l.id AS location_id, "  # noqa: S608 - see above
            f"{distance} AS distance FROM organisations_location l"
            f" WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL{in_range})"
        )
        args += distance_args
        if radius is not None:
            args += _bounding_box(lat, lon, radius) + distance_args + [radius]
            # Within a radius: start from the few places in range, then keep the hits.
            ctes.append(
                "in_range AS (SELECT ol.offer_id AS offer_id, MIN(p.distance) AS distance"
                " FROM places p"
                " JOIN catalogue_offerlocation ol ON ol.location_id = p.location_id"
                " GROUP BY ol.offer_id)"
            )
            ctes.append(
                "nearest AS (SELECT h.offer_id AS offer_id, h.score AS score, h.title AS title,"
                " n.distance AS distance FROM in_range n JOIN hits h ON h.offer_id = n.offer_id)"
            )
        else:
            # Everywhere: every hit, nearest place first; no place with coordinates: NULL.
            ctes.append(
                "nearest AS (SELECT h.offer_id AS offer_id, h.score AS score, h.title AS title,"
                " MIN(p.distance) AS distance FROM hits h"
                " LEFT JOIN catalogue_offerlocation ol ON ol.offer_id = h.offer_id"
                " LEFT JOIN places p ON p.location_id = ol.location_id"
                " GROUP BY h.offer_id, h.score, h.title)"
            )
        select = "SELECT offer_id, score, distance, COUNT(*) OVER () AS total FROM nearest"
        order = "CASE WHEN distance IS NULL THEN 1 ELSE 0 END, distance, "
    else:
        select = "SELECT offer_id, score, NULL, COUNT(*) OVER () AS total FROM hits"
        order = ""
    if expression is not None:
        order += "score DESC, "
    order += "lower(title), offer_id"
    sql = f"WITH {', '.join(ctes)} {select} ORDER BY {order} LIMIT %s OFFSET %s"
    return sql, args + [limit, offset]


def _count(sql: str, args: list) -> int:
    """The total when the page lies past the last result (so no row carried it)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) counted", args[:-2] + [10**9, 0])  # noqa: S608
        return cursor.fetchone()[0]


def _card_queryset():
    """What a result card shows, and no more."""
    return Offer.objects.select_related("organisation", "offer_type").prefetch_related(
        "themes", "target_groups"
    )


def _as_uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def search(params: SearchParams) -> SearchResults:
    """Published, current offers matching the words and filters. All words must match (each
    through any of its synonyms or its correction); when that finds nothing, any word may.
    With an origin: nearest first, then most relevant; else most relevant, else by title."""
    engine = _engine()
    page = max(1, int(params.page or 1))
    per_page = min(MAX_PER_PAGE, max(1, int(params.per_page or 20)))
    if params.radius_km is not None and not params.radius_km > 0:
        params = dataclasses.replace(params, radius_km=None)
    search_plan = plan(params.text)
    where = _filter_where(params, timezone.localdate())
    modes = ["and", "or"] if len(search_plan.terms) > 1 else ["and"]
    rows, total = [], 0
    for mode in modes if search_plan.terms else [None]:
        expression = engine.expression(search_plan.terms, mode) if mode else None
        sql, args = _statement(engine, expression, where, params, per_page, (page - 1) * per_page)
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            rows = cursor.fetchall()
        total = rows[0][3] if rows else (_count(sql, args) if page > 1 else 0)
        if total:
            break
    return SearchResults(
        hits=_hits(rows, params.origin),
        total=total,
        page=page,
        per_page=per_page,
        corrections=search_plan.corrections,
    )


def _hits(rows, origin) -> list[SearchHit]:
    queryset = _card_queryset()
    if origin:
        queryset = queryset.prefetch_related(
            Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location"))
        )
    offers = queryset.in_bulk([_as_uuid(r[0]) for r in rows])
    hits = []
    for offer_id, _, distance, _ in rows:
        offer = offers.get(_as_uuid(offer_id))
        if offer is None:  # deleted between the two queries
            continue
        location = _nearest_location(offer, origin) if distance is not None else None
        hits.append(SearchHit(offer=offer, distance_km=distance, nearest_location=location))
    return hits


def _nearest_location(offer: Offer, origin) -> Location | None:
    """The place the SQL distance was measured to: the nearest, ties to the lowest id."""
    located = [
        ol.location
        for ol in offer.offer_locations.all()
        if ol.location.latitude is not None and ol.location.longitude is not None
    ]
    return min(
        located,
        key=lambda loc: (distance_km(*origin, loc.latitude, loc.longitude), str(loc.pk)),
        default=None,
    )


def raw_statement(text: str, limit: int = 20) -> tuple[str, list]:
    """The bare ranked engine query for `text` (all terms, no filters, no distance), as used
    inside search(). The benchmark times it as the floor a search page is compared with."""
    engine = _engine()
    terms = plan(text).terms
    if not terms:
        raise ValueError(f"nothing to search for in {text!r}")
    match_sql, args = engine.match_sql(engine.expression(terms, "and"))
    return f"{match_sql} ORDER BY score DESC LIMIT %s", [*args, limit]


# --- Indexing -------------------------------------------------------------------------------


def _index_queryset():
    return Offer.objects.select_related("organisation", "offer_type", "programme").prefetch_related(
        "themes",
        "target_groups",
        "levels",
        "partners",
        Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location")),
    )


def _indexable(offer: Offer | None, today) -> bool:
    # Offers that start later are indexed now (search() checks the dates); expired ones are not,
    # since only an edit, which reindexes, can make them current again.
    return (
        offer is not None
        and offer.status == OfferStatus.PUBLISHED
        and (offer.valid_to is None or offer.valid_to >= today)
    )


def document(offer: Offer) -> Document:
    """Title (weight A), summary (B), and description plus every name a resident might search
    for (C): themes, target groups, offer type, levels, programmes, provider and partners,
    location names and towns."""
    body_parts = [offer.description, offer.offer_type.name, offer.organisation.name]
    body_parts += [t.name for t in offer.themes.all()]
    body_parts += [t.name for t in offer.target_groups.all()]
    body_parts += [t.name for t in offer.levels.all()]
    if offer.programme is not None:
        body_parts.append(offer.programme.name)
    body_parts += [p.name for p in offer.partners.all()]
    for offer_location in offer.offer_locations.all():
        body_parts += [offer_location.location.name, offer_location.location.city]
    return Document(
        title=analyse(offer.title),
        summary=analyse(offer.summary),
        body=analyse("\n".join(body_parts)),
    )


def _entries(engine, documents: list[tuple[object, Document]]) -> list[Entry]:
    """The documents with their stems, from one call to the engine's stemmer."""
    lexemes = engine.stems({word for _, doc in documents for part in doc.fields for word in part})
    return [Entry(db_id, doc, lexemes) for db_id, doc in documents]


def _add_words(cursor, counts: Counter, readable: dict[str, str]) -> None:
    cursor.executemany(
        "INSERT INTO catalogue_search_word (word, display, length, ndocs) VALUES (%s, %s, %s, %s)"
        " ON CONFLICT (word) DO UPDATE"
        " SET ndocs = catalogue_search_word.ndocs + EXCLUDED.ndocs",
        [(w, readable[w], len(w), counts[w]) for w in sorted(counts)],
    )


def _remove_words(cursor, removed: set[str]) -> None:
    ordered = sorted(removed)  # a fixed order, so concurrent reindexing cannot deadlock
    cursor.executemany(
        "UPDATE catalogue_search_word SET ndocs = ndocs - 1 WHERE word = %s",
        [(w,) for w in ordered],
    )
    marks = ", ".join(["%s"] * len(ordered))
    cursor.execute(
        f"DELETE FROM catalogue_search_word WHERE ndocs <= 0 AND word IN ({marks})",  # noqa: S608
        ordered,
    )


def index_offer(offer_id) -> None:
    """(Re)index one offer; removes it from the index when it is not published (or expired).
    Services call it in transaction.on_commit after changing an offer."""
    engine = _engine()
    offer_uuid = _as_uuid(offer_id)
    db_id = engine.db_id(offer_uuid)
    with transaction.atomic():
        offer = _index_queryset().filter(pk=offer_uuid).first()
        entry = None
        if _indexable(offer, timezone.localdate()):
            entry = _entries(engine, [(db_id, document(offer))])[0]
        with connection.cursor() as cursor:
            old = engine.read_words(cursor, db_id)
            engine.write(cursor, db_id, entry, existed=old is not None)
            old = old or set()
            new = entry.stems if entry else set()
            if old - new:
                _remove_words(cursor, old - new)
            if new - old:
                _add_words(cursor, Counter(new - old), entry.readable())


def rebuild_index(batch_size: int = 2000) -> int:
    """Reindex every published offer; returns how many were indexed."""
    engine = _engine()
    today = timezone.localdate()
    counts: Counter = Counter()
    readable: dict[str, str] = {}
    indexed = 0
    queryset = _index_queryset().filter(status=OfferStatus.PUBLISHED).order_by("pk")
    queryset = queryset.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    with transaction.atomic(), connection.cursor() as cursor:
        engine.clear(cursor)
        last = None
        while True:
            batch_qs = queryset if last is None else queryset.filter(pk__gt=last)
            batch = list(batch_qs[:batch_size])
            if not batch:
                break
            entries = _entries(engine, [(engine.db_id(o.pk), document(o)) for o in batch])
            for entry in entries:
                counts.update(entry.stems)
                for s, word in entry.readable().items():
                    _prefer_shorter(readable, s, word)
            engine.bulk_write(cursor, entries)
            indexed += len(entries)
            last = batch[-1].pk
        if counts:
            _add_words(cursor, counts, readable)
        engine.after_rebuild(cursor)
    return indexed
