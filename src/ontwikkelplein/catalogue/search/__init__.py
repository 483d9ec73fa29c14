"""Search over published offers: one package, two engines (SQLite FTS5 and PostgreSQL full text).

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
handful of queries. Design and figures: docs/performance.md.

The package, front to back:
- analysis: words, stop words, rewrites and stemming (the shared front half);
- planning: search terms, corrections of typing errors, synonyms;
- engines: SQLite FTS5 (engines/sqlite.py) and PostgreSQL (engines/postgres.py) behind one
  interface (engines/base.py);
- query: search() with filters, distance, ordering and paging;
- indexing: index_offer() and rebuild_index();
- corpus: the same analysis and planning over a small collection that is not the offer index
  (the learning materials), matched and ranked in Python.
Other modules import what they need from `ontwikkelplein.catalogue.search` itself."""

from ontwikkelplein.catalogue.search.analysis import (
    DUTCH_STOP_WORDS,
    STOP_WORDS,
    Word,
    analyse,
    fold,
    max_edits,
    rewrite,
    stem,
    words,
)
from ontwikkelplein.catalogue.search.corpus import Corpus, CorpusHit, CorpusResult
from ontwikkelplein.catalogue.search.indexing import document, index_offer, rebuild_index
from ontwikkelplein.catalogue.search.planning import Plan, Term, plan
from ontwikkelplein.catalogue.search.query import (
    MAX_PER_PAGE,
    ORDER_DISTANCE,
    ORDER_FIT,
    SearchHit,
    SearchParams,
    SearchResults,
    SearchScope,
    raw_statement,
    search,
)

__all__ = [
    "Corpus",
    "CorpusHit",
    "CorpusResult",
    "DUTCH_STOP_WORDS",
    "MAX_PER_PAGE",
    "ORDER_DISTANCE",
    "ORDER_FIT",
    "STOP_WORDS",
    "Plan",
    "SearchHit",
    "SearchParams",
    "SearchResults",
    "SearchScope",
    "Term",
    "Word",
    "analyse",
    "document",
    "fold",
    "index_offer",
    "max_edits",
    "plan",
    "raw_statement",
    "rebuild_index",
    "rewrite",
    "search",
    "stem",
    "words",
]
