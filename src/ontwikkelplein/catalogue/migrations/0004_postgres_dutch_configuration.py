"""PostgreSQL analyses the search documents itself, with its 'dutch' configuration and unaccent.

The text search configuration `ontwikkelplein_dutch` copies the built-in `dutch` one (Snowball's
Dutch stemmer with its stop list) and puts `unaccent` in front of the stemmer, and in front of
'simple' for words with digits. catalogue/search.py now fills catalogue_search_entry.document
with setweight(to_tsvector('ontwikkelplein_dutch', <words>), 'A' / 'B' / 'C') per field, and
stems query words with the same configuration; the table keeps its shape.

Rows indexed before this migration hold stems made by Python. They use the same Snowball
algorithm, so they keep matching, but run `manage.py rebuild_search_index` after migrating a
database with published offers so that PostgreSQL analyses every document itself. SQLite is not
changed (its FTS5 table keeps the stems search.py makes): this migration does nothing there."""

from django.db import migrations

CONFIGURATION = "ontwikkelplein_dutch"

FORWARD = [
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = pg_catalog.dutch)",
    # The token types of words. Hyphenated ones cannot reach it (search.py splits words on
    # hyphens) but are mapped the same way for anyone querying the table by hand.
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION}"
    " ALTER MAPPING FOR asciiword, word, asciihword, hword, hword_asciipart, hword_part"
    " WITH unaccent, dutch_stem",
    # Words with digits (nt2, 3811, 65plussers) are not stemmed ('simple', as in 'dutch'),
    # but lose their accents like every other word.
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION}"
    " ALTER MAPPING FOR numword, numhword, hword_numpart WITH unaccent, simple",
]

BACKWARD = [f"DROP TEXT SEARCH CONFIGURATION {CONFIGURATION}"]


def _execute(schema_editor, statements):
    if schema_editor.connection.vendor == "postgresql":
        for statement in statements:
            schema_editor.execute(statement)


def forward(apps, schema_editor):
    _execute(schema_editor, FORWARD)


def backward(apps, schema_editor):
    _execute(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_search_storage")]
    operations = [migrations.RunPython(forward, backward)]
