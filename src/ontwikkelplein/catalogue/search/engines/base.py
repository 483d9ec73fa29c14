"""What the two engines share: an offer as the index sees it (Document), with the engine's
stems of its words (Entry), and the Engine interface that each engine fills in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from django.db import connection

from ontwikkelplein.catalogue.search.analysis import Word

if TYPE_CHECKING:
    from ontwikkelplein.catalogue.search.planning import Term


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
                    prefer_shorter(readable, s, word.folded)
        return readable


def prefer_shorter(readable: dict[str, str], s: str, word: str) -> None:
    if s not in readable or (len(word), word) < (len(readable[s]), readable[s]):
        readable[s] = word


class Engine:
    """What differs between SQLite and PostgreSQL; everything else is shared."""

    vendor = ""
    # Run before a search statement, in its own transaction (SET LOCAL): what it needs of the
    # engine's settings.
    statement_settings: tuple[str, ...] = ()

    def among(self, column: str, subquery: str) -> str:
        """SQL: `column` is one of the values `subquery` selects (a few, as a rule), in a form
        this engine looks up through the column's index."""
        return f"{column} IN ({subquery})"

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

    def term_match_sql(
        self, terms: tuple[Term, ...], deciding: tuple[Term, ...] | None = None
    ) -> tuple[str, list]:
        """SELECT offer_id, score, matched of the offers matching at least one of the `deciding`
        terms (default: all); `matched` is the sum of the weights (Term.weight) of all the terms
        the offer matches, so that ranking can put a full match above a partial one. One term
        needs no flags."""
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


def as_uuid(value) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
