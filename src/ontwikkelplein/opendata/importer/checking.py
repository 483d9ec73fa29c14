"""Checking a whole file before anything is written: every record against the rules of the
HSDS schemas (importer.rules). What can only be known against the database is checked while
writing (importer.writer)."""

from ontwikkelplein.opendata.importer.records import Bundle
from ontwikkelplein.opendata.importer.report import CHUNK, Progress
from ontwikkelplein.opendata.importer.rules import Problem, validate


def check(bundle: Bundle, progress: Progress | None = None) -> list[Problem]:
    problems = []
    total = len(bundle.roots)
    for index, (kind, obj) in enumerate(bundle.roots, 1):
        problems.extend(validate(kind, obj))
        if progress and (index % CHUNK == 0 or index == total):
            progress("check", index, total)
    return problems
