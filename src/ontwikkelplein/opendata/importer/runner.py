"""Running an import: collect the records of a file, check all of them, then write them in
one transaction (or, on a dry run, find what would change and roll back), and update the
search index once the transaction has committed."""

from collections import Counter

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import search
from ontwikkelplein.opendata.importer.checking import check
from ontwikkelplein.opendata.importer.files import Source
from ontwikkelplein.opendata.importer.ids import IdMapper
from ontwikkelplein.opendata.importer.records import collect
from ontwikkelplein.opendata.importer.report import ImportOptions, ImportReport
from ontwikkelplein.opendata.importer.rules import Problem
from ontwikkelplein.opendata.importer.writer import Writer

REINDEX_ONE_BY_ONE = 50  # above this many offers one rebuild of the index is cheaper


class ImportAborted(Exception):
    """Raised inside the transaction to roll it back (problems found, or a dry run)."""


def run(source: Source, options: ImportOptions) -> ImportReport:
    """Collect, check and store (or, on a dry run, check what would change and store nothing).
    Labels are read and written in Dutch, as opendata.hsds writes them."""
    with translation.override("nl"):
        return _run(source, options)


def _run(source: Source, options: ImportOptions) -> ImportReport:
    bundle = collect(source)
    report = ImportReport(total=bundle.size, dry_run=options.dry_run)
    report.warnings.extend(Problem("file", "", "", "-", note) for note in bundle.notes)
    report.errors.extend(bundle.problems)
    report.errors.extend(check(bundle, options.progress))
    if report.errors:
        return report
    IdMapper(bundle, str(options.organisation.pk) if options.organisation else None).run()
    report.raw_ids = bundle.raw_ids
    if options.progress:
        options.progress("save", 0, report.total)  # before the transaction: others can see it
    writer = Writer(bundle, options, report)
    try:
        with transaction.atomic():
            writer.write()
            if report.errors or options.dry_run:
                raise ImportAborted
            offer_ids = writer.touched_offers
            transaction.on_commit(lambda: _reindex(offer_ids))
    except ImportAborted:
        pass
    except IntegrityError as exc:  # a rule we did not foresee; still nothing is stored
        report.errors.append(
            Problem(
                "file",
                "",
                "",
                "-",
                _("De database weigerde de gegevens: %(reason)s") % {"reason": str(exc)[:300]},
            )
        )
    if report.errors:
        report.counts = Counter()
    return report


def _reindex(offer_ids) -> None:
    if len(offer_ids) > REINDEX_ONE_BY_ONE:
        search.rebuild_index()
    else:
        for pk in offer_ids:
            search.index_offer(pk)
