"""HSDS 3.1 import: collect the records of a file, validate all of them, then upsert them in one
transaction. The inverse of opendata.hsds (docs/hsds-mapping.md), so an export imports back
without loss, and the same ids come back.

All or nothing: the rules of the HSDS schemas are checked on every record before anything is
written; what can only be known against the database (a location in a town we do not know, an
offer that belongs to another library) is checked while writing, and any such problem rolls the
whole transaction back. Either way the report names each record, field and reason in Dutch.

Upsert by HSDS id: a record whose id we have is compared field by field and only saved when
something differs (so updated_at moves only for real changes); records we do not have keep their
HSDS id as our primary key. Organisations and locations are matched by id, else by name.

The package, in the order a run goes through it:
- files: reading a file safely (HSDS JSON, or the tabular datapackage as folder or zip) within
  its limits of size, unpacking and nesting;
- records: collecting its records into a Bundle, each once, keyed by HSDS id;
- rules and checking: the rules of the HSDS schemas, checked on every record, each broken rule
  a Problem; report: the options of a run and the report it gives back;
- writer, with a part per record kind (organisations, locations, terms, services, schedules) and
  fields (the mapping helpers they share): the upsert;
- runner: the whole run in one transaction, and the search index after it.
What other modules use is imported here, so they import from `ontwikkelplein.opendata.importer`.
"""

from ontwikkelplein.opendata.importer.checking import check
from ontwikkelplein.opendata.importer.files import (
    MAX_FILE_BYTES,
    ImportFileError,
    Source,
    read_file,
    read_path,
)
from ontwikkelplein.opendata.importer.records import Bundle, collect, detect
from ontwikkelplein.opendata.importer.report import ImportOptions, ImportReport
from ontwikkelplein.opendata.importer.rules import Problem, validate
from ontwikkelplein.opendata.importer.runner import ImportAborted, run
from ontwikkelplein.opendata.importer.writer import Writer

__all__ = [
    "MAX_FILE_BYTES",
    "Bundle",
    "ImportAborted",
    "ImportFileError",
    "ImportOptions",
    "ImportReport",
    "Problem",
    "Source",
    "Writer",
    "check",
    "collect",
    "detect",
    "read_file",
    "read_path",
    "run",
    "validate",
]
