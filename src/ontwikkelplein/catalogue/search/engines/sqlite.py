"""SQLite: FTS5 over the stems that Python computes (analysis.stem), ranked with bm25
(migrations/0003_search_storage.py)."""

from django.db import connection

from ontwikkelplein.catalogue.search.engines.base import Engine


class SQLiteEngine(Engine):
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

    def term_match_sql(self, terms, deciding=None):
        # bm25 of the "any term" match; per term, an uncorrelated `rowid IN (MATCH)` that SQLite
        # evaluates once into a temporary index, so each flag is one lookup per matched row.
        match_sql, args = self.match_sql(self.expression(deciding or terms, "or"))
        if len(terms) == 1:
            return match_sql.replace(" AS score", " AS score, %s AS matched", 1), [
                float(terms[0].weight),
                *args,
            ]
        flags, flag_args = [], []
        for term in terms:
            flags.append(
                "CASE WHEN catalogue_search_fts.rowid IN (SELECT rowid FROM catalogue_search_fts"
                " WHERE catalogue_search_fts MATCH %s) THEN %s ELSE 0.0 END"
            )
            flag_args += [self.expression((term,), "or"), float(term.weight)]
        sql = match_sql.replace(" AS score", f" AS score, ({' + '.join(flags)}) AS matched", 1)
        return sql, flag_args + args

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
