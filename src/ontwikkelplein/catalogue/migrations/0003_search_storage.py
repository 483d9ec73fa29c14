"""Storage for catalogue.search. The tables are not Django models: each engine gets its own
shape (an FTS5 virtual table on SQLite, a weighted tsvector with a GIN index on PostgreSQL) and
only catalogue/search.py reads or writes them. Both engines store the same pre-analysed words."""

from django.db import migrations

SQLITE = [
    # rowid of the FTS5 table = id here; `words` lists the distinct indexed words of the offer,
    # so reindexing one offer can keep the vocabulary counts exact.
    """CREATE TABLE catalogue_search_entry (
        id integer NOT NULL PRIMARY KEY,
        offer_id char(32) NOT NULL UNIQUE,
        words text NOT NULL
    )""",
    # Text arrives already folded and stemmed by search.py, so the tokenizer only splits on spaces.
    """CREATE VIRTUAL TABLE catalogue_search_fts USING fts5(
        title, summary, body, tokenize = 'unicode61 remove_diacritics 0'
    )""",
    """CREATE TABLE catalogue_search_word (
        word varchar(100) NOT NULL PRIMARY KEY,
        display varchar(100) NOT NULL,
        length integer NOT NULL,
        ndocs integer NOT NULL
    )""",
    "CREATE INDEX catalogue_search_word_length ON catalogue_search_word (length)",
]

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE TABLE catalogue_search_entry (
        offer_id uuid NOT NULL PRIMARY KEY,
        document tsvector NOT NULL,
        words text NOT NULL
    )""",
    "CREATE INDEX catalogue_search_entry_document ON catalogue_search_entry USING gin (document)",
    """CREATE TABLE catalogue_search_word (
        word varchar(100) NOT NULL PRIMARY KEY,
        display varchar(100) NOT NULL,
        length integer NOT NULL,
        ndocs integer NOT NULL
    )""",
    # GiST rather than GIN: typo correction asks for the nearest words (ORDER BY word <-> 'x'),
    # which only a GiST trigram index can answer without a similarity cut-off.
    "CREATE INDEX catalogue_search_word_trgm ON catalogue_search_word USING gist (word gist_trgm_ops)",
]

DROP = [
    "DROP TABLE IF EXISTS catalogue_search_word",
    "DROP TABLE IF EXISTS catalogue_search_fts",
    "DROP TABLE IF EXISTS catalogue_search_entry",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = SQLITE
    elif vendor == "postgresql":
        statements = POSTGRES
    else:
        raise RuntimeError(f"catalogue search supports SQLite and PostgreSQL, not {vendor}")
    for statement in statements:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_reference_data")]
    operations = [migrations.RunPython(create, drop)]
