"""PostgreSQL: full text search in its own configuration `ontwikkelplein_dutch` (the built-in
'dutch' with unaccent in front, migrations/0004_postgres_dutch_configuration.py): the database
stems the words and stores each offer's weighted tsvector (GIN index); ranked with ts_rank."""

from django.db import connection

from ontwikkelplein.catalogue.search.engines.base import Engine, Entry


class PostgresEngine(Engine):
    vendor = "postgresql"
    CONFIGURATION = "ontwikkelplein_dutch"  # made by migrations/0004
    # ts_rank weights for D, C, B, A: title (A) counts five times a body word (C), like bm25 above.
    RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
    CACHE_SIZE = 100_000
    # The planner cannot know how few rows a CTE holds and may estimate a search as costly
    # enough to compile it (JIT), which takes about 1.5 s where the search itself takes 0.1 s
    # (docs/performance.md). Short statements gain nothing from JIT.
    statement_settings = ("SET LOCAL jit = off",)

    def __init__(self):
        # source word -> its lexemes. The configuration only changes with a migration, so what
        # the database said once holds; a search for known words then needs no extra query.
        self._lexemes: dict[str, tuple[str, ...]] = {}

    def among(self, column, subquery):
        # The planner cannot see how few rows a CTE holds and would hash a whole table to join
        # them; against an array computed first it looks each value up in the index.
        return f"{column} = ANY(ARRAY({subquery}))"

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

    def term_match_sql(self, terms, deciding=None):
        # Each term's flag tests the row's tsvector, already read for ts_rank, against that
        # term alone: no second index scan.
        expression = self.expression(deciding or terms, "or")
        if len(terms) == 1:
            flags, flag_args = "%s::float8", [float(terms[0].weight)]
        else:
            flags = " + ".join(
                ["CASE WHEN e.document @@ %s::tsquery THEN %s::float8 ELSE 0.0 END"] * len(terms)
            )
            flag_args = []
            for term in terms:
                flag_args += [self.expression((term,), "or"), float(term.weight)]
        return (
            "SELECT e.offer_id AS offer_id,"  # noqa: S608 - fixed fragments, values are parameters
            " ts_rank(%s::float4[], e.document, %s::tsquery)::float8 AS score,"
            f" ({flags}) AS matched"
            " FROM catalogue_search_entry e WHERE e.document @@ %s::tsquery",
            [self.RANK_WEIGHTS, expression, *flag_args, expression],
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
