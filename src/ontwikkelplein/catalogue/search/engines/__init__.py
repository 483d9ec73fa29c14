"""The two search engines, SQLite FTS5 (sqlite.py) and PostgreSQL full text (postgres.py), behind
one interface (base.Engine); current_engine() is the one for the database in use."""

from django.db import connection

from ontwikkelplein.catalogue.search.engines.base import Document, Engine, Entry, as_uuid
from ontwikkelplein.catalogue.search.engines.postgres import PostgresEngine
from ontwikkelplein.catalogue.search.engines.sqlite import SQLiteEngine

__all__ = ["Document", "ENGINES", "Engine", "Entry", "as_uuid", "current_engine"]

ENGINES = {engine.vendor: engine for engine in (SQLiteEngine(), PostgresEngine())}


def current_engine() -> Engine:
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise NotImplementedError(
            f"search runs on SQLite or PostgreSQL, not {connection.vendor}"
        ) from None
