"""Open data writes: HSDS import runs and the mapping of other publishers' taxonomy terms onto
ours. Views and the import_hsds command call these; the work itself is in opendata.importer."""

import datetime
import io
import os
import re
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import Offer, Taxonomy, TaxonomyTerm
from ontwikkelplein.core import jobs
from ontwikkelplein.opendata import importer
from ontwikkelplein.opendata.importer import (
    MAX_FILE_BYTES,
    ImportFileError,
    Problem,
    read_file,
    read_path,
)
from ontwikkelplein.opendata.models import (
    DuplicateStatus,
    ExportRun,
    ExportStatus,
    ExternalTerm,
    ImportRun,
    ImportStatus,
    LikelyDuplicate,
)
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation

STALE_AFTER = datetime.timedelta(days=1)
MAX_REPORTED = 1000  # records listed on the report page; the counters count them all


def _upload_name(run) -> str:
    """Where an upload waits for its import, in Django's storage (docs/background-work.md): the
    worker that runs the import may be another machine than the web node that took the upload."""
    return f"imports/{run.pk}.upload"


# --- Who may import ---------------------------------------------------------------------------


def may_import(user) -> bool:
    """Editors (specialist, team leader, partner staff) and KB-beheerders; POI advisers and
    front-desk staff never write."""
    return scoping.is_kb_admin(user) or scoping.editable_organisations(user).exists()


def importable_organisations(user):
    if scoping.is_kb_admin(user):
        return Organisation.objects.all()
    return scoping.editable_organisations(user)


def _require_import(user, organisation) -> None:
    if not may_import(user):
        raise PermissionDenied(_("Je mag geen gegevens importeren."))
    if organisation is None:
        if not scoping.is_kb_admin(user):
            raise PermissionDenied(_("Kies de organisatie waarvoor je importeert."))
    elif not importable_organisations(user).filter(pk=organisation.pk).exists():
        raise PermissionDenied(
            _("Je mag niet importeren voor %(name)s.") % {"name": organisation.name}
        )


# --- Import runs ----------------------------------------------------------------------------


def create_run(
    user, *, uploaded_file, organisation=None, publish=False, dry_run=False
) -> ImportRun:
    """Keep the upload until the import starts (the progress page starts it)."""
    _require_import(user, organisation)
    if uploaded_file.size > MAX_FILE_BYTES:
        raise ImportFileError(_("Het bestand is te groot."))
    _remove_stale_uploads()
    from ontwikkelplein.opendata.jobs import fail_interrupted_imports

    fail_interrupted_imports()
    run = ImportRun(
        created_by=user,
        organisation=organisation,
        file_name=os.path.basename(uploaded_file.name or "upload")[:255],
        publish=publish,
        dry_run=dry_run,
    )
    run.stored_path = default_storage.save(_upload_name(run), uploaded_file)
    run.save()
    return run


def _remove_stale_uploads() -> None:
    """Uploads whose import was never started are removed after a day."""
    cutoff = timezone.now() - STALE_AFTER
    for run in ImportRun.objects.filter(status=ImportStatus.WAITING, created_at__lt=cutoff).exclude(
        stored_path=""
    ):
        default_storage.delete(run.stored_path)
        ImportRun.objects.filter(pk=run.pk).update(stored_path="")


def start_run(run: ImportRun, *, user) -> ImportRun:
    """The progress page's button: queue the import for a worker (docs/background-work.md).
    The run shows "in de wachtrij" until a worker takes it; a second click changes nothing."""
    _require_import(user, run.organisation)
    # One UPDATE decides who queues it (a double click, two colleagues); the job is queued when
    # that change commits.
    queued = ImportRun.objects.filter(pk=run.pk, status=ImportStatus.WAITING).update(
        status=ImportStatus.QUEUED
    )
    if queued:
        jobs.enqueue(
            "ontwikkelplein.opendata.jobs.run_import",
            str(run.pk),
            user.pk,
            max_attempts=1,  # a rejected or failed import is answered, not retried
            group="import",
        )
    run.refresh_from_db()
    return run


def execute_run(
    run: ImportRun, *, user=None, progress=None, max_bytes=MAX_FILE_BYTES, path=None
) -> ImportRun:
    """Run the import of `run` now, in this process (the worker's job, or the command line).
    The counters of the run are saved while it checks (outside the import's transaction) so a
    progress page can show them."""
    if run.status not in (ImportStatus.WAITING, ImportStatus.QUEUED):
        return run
    started = ImportRun.objects.filter(
        pk=run.pk, status__in=[ImportStatus.WAITING, ImportStatus.QUEUED]
    ).update(status=ImportStatus.CHECKING, started_at=timezone.now())
    if not started:  # another worker started it a moment ago
        run.refresh_from_db()
        return run
    run.refresh_from_db()

    def report_progress(phase, done, total):
        if phase == "check":
            ImportRun.objects.filter(pk=run.pk).update(processed=done, total=total)
        elif phase == "save" and done == 0:
            ImportRun.objects.filter(pk=run.pk).update(
                status=ImportStatus.SAVING, processed=0, total=total
            )
        if progress:
            progress(phase, done, total)

    options = importer.ImportOptions(
        user=user if user is not None else run.created_by,
        organisation=run.organisation,
        publish=run.publish,
        dry_run=run.dry_run,
        progress=report_progress,
    )
    try:
        if path is not None:
            source = read_path(Path(path), max_bytes=max_bytes)
        else:
            # At most MAX_FILE_BYTES (create_run checked); in memory, so any storage will do.
            with default_storage.open(run.stored_path, "rb") as stored:
                handle = io.BytesIO(stored.read(max_bytes + 1))
            source = read_file(handle, run.file_name, max_bytes=max_bytes)
        run.file_format = source.format
        report = importer.run(source, options)
    except ImportFileError as exc:
        report = importer.ImportReport()
        report.errors.append(Problem("file", "", run.file_name, "-", str(exc)))
    except Exception:
        # A fault of ours: the transaction has rolled back; say so, then let it be logged.
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportStatus.FAILED,
            finished_at=timezone.now(),
            errors=[
                {
                    "record_type": "file",
                    "type_label": str(_("bestand")),
                    "record_id": "",
                    "record_name": run.file_name,
                    "field": "-",
                    "message": _("Er ging iets mis bij ons. Er is niets opgeslagen."),
                }
            ],
        )
        raise
    finally:
        if path is None and run.stored_path:
            default_storage.delete(run.stored_path)
            ImportRun.objects.filter(pk=run.pk).update(stored_path="")
            run.stored_path = ""
    _finish(run, report)
    return run


UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(rows: list[dict]) -> list[dict]:
    """The report as PostgreSQL's jsonb stores it: a NUL or a lone surrogate that the file had
    (and a problem quotes) becomes the replacement character."""
    return [
        {k: UNSTORABLE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in row.items()}
        for row in rows
    ]


def _finish(run: ImportRun, report) -> None:
    run.status = ImportStatus.DONE if report.ok else ImportStatus.REJECTED
    run.total = report.total
    run.processed = report.total if report.ok else run.processed
    run.created = report.counts.get("created", 0)
    run.changed = report.counts.get("changed", 0)
    run.unchanged = report.counts.get("unchanged", 0)
    run.errors = _storable(
        [p.as_dict() | {"type_label": p.type_label} for p in report.errors[:MAX_REPORTED]]
    )
    run.warnings = _storable(
        [p.as_dict() | {"type_label": p.type_label} for p in report.warnings[:MAX_REPORTED]]
    )
    run.records = _storable(report.records[:MAX_REPORTED] if report.ok else [])
    run.finished_at = timezone.now()
    run.save()
    if report.ok and not report.dry_run:
        _store_duplicates(run, report.duplicates)


# --- Likely duplicates between sources (docs/hsds-import.md) ------------------------------------

# What "update from the import" copies onto our offer: the fields an import writes.
MERGED_FIELDS = (
    "title",
    "summary",
    "description",
    "offer_type_id",
    "programme_id",
    "guidance",
    "sign_up",
    "sign_up_instructions",
    "is_free",
    "cost_amount",
    "cost_description",
    "membership_required",
    "requirements",
    "requirements_other",
    "computers",
    "printer",
    "privacy_room",
    "languages",
    "capacity",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
    "valid_from",
    "valid_to",
    "season_start_month",
    "season_end_month",
    "last_verified_on",
)


def _store_duplicates(run, found) -> None:
    for item in found:
        LikelyDuplicate.objects.get_or_create(
            ours_id=item["ours"],
            imported_id=item["imported_id"],
            defaults={
                "run": run,
                "organisation_id": item["organisation_id"],
                "imported_title": str(item["imported_title"])[:150],
                "score": item["score"],
            },
        )


def open_duplicates(run):
    return (
        LikelyDuplicate.objects.filter(run=run, status=DuplicateStatus.OPEN)
        .select_related("ours")
        .order_by("imported_title")
    )


def _decide(user, duplicate: LikelyDuplicate, status) -> None:
    scoping.require_edit(user, duplicate.organisation_id)
    duplicate.status = status
    duplicate.decided_by = user if user and user.is_authenticated else None
    duplicate.decided_at = timezone.now()
    duplicate.save(update_fields=["status", "decided_by", "decided_at"])


class DuplicateError(Exception):
    """A merge that cannot be done; the message is Dutch."""


@transaction.atomic
def keep_both(user, duplicate: LikelyDuplicate) -> None:
    """Both offers stay; the pair is not reported again."""
    if duplicate.status != DuplicateStatus.OPEN:
        raise DuplicateError(_("Hierover is al beslist."))
    _decide(user, duplicate, DuplicateStatus.KEPT)


@transaction.atomic
def merge_duplicate(user, duplicate: LikelyDuplicate) -> Offer:
    """Keep ours, update it from the import: ours keeps its id, status and history and takes the
    imported content, terms and places; the imported copy is removed. Later imports of the
    imported id update ours (importer.duplicates)."""
    if duplicate.status != DuplicateStatus.OPEN:
        raise DuplicateError(_("Hierover is al beslist."))
    scoping.require_edit(user, duplicate.organisation_id)
    ours = Offer.objects.select_for_update().get(pk=duplicate.ours_id)
    imported = Offer.objects.filter(pk=duplicate.imported_id).first()
    if imported is not None:
        if imported.organisation_id != ours.organisation_id:
            raise DuplicateError(_("Deze twee horen niet bij dezelfde organisatie."))
        for name in MERGED_FIELDS:
            setattr(ours, name, getattr(imported, name))
        ours.save()
        for attr in ("themes", "target_groups", "levels", "partners", "external_terms"):
            wanted = list(getattr(imported, attr).all())
            if wanted:
                getattr(ours, attr).set(wanted)
        at = set(ours.offer_locations.values_list("location_id", flat=True))
        for place in imported.offer_locations.all():
            if place.location_id in at:
                # Ours has this place already: take the imported times for it.
                our_place = ours.offer_locations.get(location_id=place.location_id)
                if place.schedules.exists():
                    our_place.schedules.all().delete()
                    place.schedules.update(offer_location=our_place)
                place.delete()
            else:
                place.offer = ours
                place.save(update_fields=["offer"])
        try:
            imported.delete()
        except Exception as exc:  # protected by another app's rows (a course run, say)
            raise DuplicateError(
                _("Het geïmporteerde aanbod is al in gebruik en kan niet weg: %(reason)s")
                % {"reason": str(exc)[:200]}
            ) from None
    _decide(user, duplicate, DuplicateStatus.MERGED)
    offer_ids = [ours.pk, duplicate.imported_id]
    transaction.on_commit(lambda: [search.index_offer(pk) for pk in offer_ids])
    return ours


def import_path(
    path,
    *,
    user=None,
    organisation=None,
    publish=False,
    dry_run=False,
    progress=None,
    max_bytes=MAX_FILE_BYTES,
):
    """The command line: import a file or datapackage folder now. Returns the finished run."""
    run = ImportRun.objects.create(
        created_by=user,
        organisation=organisation,
        file_name=Path(path).name[:255],
        publish=publish,
        dry_run=dry_run,
    )
    return execute_run(run, user=user, progress=progress, max_bytes=max_bytes, path=path)


# --- Exports made by the worker --------------------------------------------------------------

# An export's file is kept this long for its maker, then deleted (at the next export).
EXPORT_KEEP = datetime.timedelta(days=1)
EXPORT_MAX_ATTEMPTS = 3


def exports_in_background(scope_choice: str) -> bool:
    """The whole catalogue and a region (many organisations, up to tens of thousands of offers)
    are made by a worker; one organisation's offers (hundreds at most, a second's work) are
    answered in the request itself."""
    from ontwikkelplein.opendata.selectors import ALL, REGION

    return scope_choice in (ALL, REGION)


def create_export(user, *, scope_choice: str, fmt: str, organisations) -> ExportRun:
    """Queue an export for a worker. `organisations`: as ExportScope.resolve gives them (None
    for everything), decided now, with the user's rights of now."""
    from ontwikkelplein.opendata import exports

    if fmt not in exports.FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    remove_old_exports()
    run = ExportRun.objects.create(
        created_by=user,
        file_format=fmt,
        scope=scope_choice[:50],
        organisation_ids=None if organisations is None else [str(o.pk) for o in organisations],
    )
    jobs.enqueue(
        "ontwikkelplein.opendata.jobs.run_export",
        str(run.pk),
        max_attempts=EXPORT_MAX_ATTEMPTS,
        on_give_up="ontwikkelplein.opendata.jobs.export_given_up",
        group="export",
    )
    return run


def execute_export(run: ExportRun) -> ExportRun:
    """Make the file of a queued export and keep it in Django's storage (the worker's job)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from ontwikkelplein.opendata import exports

    if run.status == ExportStatus.DONE:
        return run
    ExportRun.objects.filter(pk=run.pk).update(status=ExportStatus.RUNNING, error="")
    organisations = (
        None
        if run.organisation_ids is None
        else list(Organisation.objects.filter(pk__in=run.organisation_ids))
    )
    try:
        content = exports.export(run.file_format, organisations)
        extension = exports.EXTENSIONS[run.file_format]
        stored = default_storage.save(f"exports/{run.pk}.{extension}", ContentFile(content))
    except Exception:
        # core.jobs retries it with back-off; the page keeps waiting until it gives up.
        ExportRun.objects.filter(pk=run.pk).update(
            status=ExportStatus.QUEUED,
            error=_("Het maken van het bestand is mislukt. We proberen het zo opnieuw."),
        )
        raise
    ExportRun.objects.filter(pk=run.pk).update(
        status=ExportStatus.DONE,
        stored_name=stored,
        size=len(content),
        file_name=exports.filename(run.file_format, None),
        finished_at=timezone.now(),
        error="",
    )
    run.refresh_from_db()
    return run


def give_up_export(run_id) -> None:
    ExportRun.objects.filter(pk=run_id).exclude(status=ExportStatus.DONE).update(
        status=ExportStatus.FAILED,
        finished_at=timezone.now(),
        error=_("Het maken van het bestand is een paar keer mislukt. Probeer het later opnieuw."),
    )


def remove_old_exports(*, now=None) -> int:
    """Exports older than a day are deleted with their files."""
    from django.core.files.storage import default_storage

    cutoff = (now or timezone.now()) - EXPORT_KEEP
    old = list(ExportRun.objects.filter(created_at__lt=cutoff))
    for run in old:
        if run.stored_name:
            default_storage.delete(run.stored_name)
        run.delete()
    return len(old)


# --- Taxonomy terms of others -----------------------------------------------------------------

FIELD_FOR_TAXONOMY = {
    Taxonomy.THEME: "themes",
    Taxonomy.TARGET_GROUP: "target_groups",
    Taxonomy.LEVEL: "levels",
}


@transaction.atomic
def map_external_term(user, term: ExternalTerm, our_term: TaxonomyTerm | None) -> int:
    """Map another publisher's term onto ours (KB-beheerders); the offers that carry it get our
    term. Returns how many offers changed. Unmapping leaves the offers' terms as they are."""
    if user is not None and not scoping.is_kb_admin(user):
        raise PermissionDenied(_("Alleen een KB-beheerder koppelt termen."))
    term.mapped_to = our_term
    term.save(update_fields=["mapped_to", "updated_at"])
    if our_term is None:
        return 0
    return apply_mapping(term)


def apply_mapping(term: ExternalTerm) -> int:
    our_term = term.mapped_to
    if our_term is None:
        return 0
    slug = our_term.taxonomy.slug
    changed = []
    for offer in term.offers.all():
        if slug == Taxonomy.OFFER_TYPE:
            if offer.offer_type_id != our_term.pk:
                offer.offer_type = our_term
                offer.save(update_fields=["offer_type", "updated_at"])
                changed.append(offer.pk)
            continue
        field = FIELD_FOR_TAXONOMY.get(slug)
        if field and not getattr(offer, field).filter(pk=our_term.pk).exists():
            getattr(offer, field).add(our_term)
            Offer.objects.filter(pk=offer.pk).update(updated_at=timezone.now())
            changed.append(offer.pk)
    if changed:
        transaction.on_commit(lambda: [search.index_offer(pk) for pk in changed])
    return len(changed)
