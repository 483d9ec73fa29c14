"""What the worker runs for the open data app (docs/background-work.md)."""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.models import ImportRun, ImportStatus

logger = logging.getLogger(__name__)


def run_import(run_id: str, user_id=None) -> str:
    """Run a queued HSDS import; its progress and report go to the ImportRun row, which the
    progress page polls."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return "gone"
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    services.execute_run(run, user=user)
    run.refresh_from_db()
    return f"{run.status}: {run.created} new, {run.changed} changed, {run.unchanged} unchanged"


def fail_interrupted_imports(*, now=None) -> int:
    """A scheduled task: an import still "running" long after the job timeout lost its worker
    (stopped or killed half-way; its transaction rolled back). Say so on its page."""
    from django.conf import settings

    now = now or timezone.now()
    timeout = int(getattr(settings, "ONTWIKKELPLEIN_JOB_TIMEOUT", 900))
    cutoff = now - datetime.timedelta(seconds=timeout + 300)
    interrupted = ImportRun.objects.filter(
        status__in=[ImportStatus.CHECKING, ImportStatus.SAVING], started_at__lt=cutoff
    )
    count = interrupted.update(
        status=ImportStatus.FAILED,
        finished_at=now,
        errors=[
            {
                "record_type": "file",
                "type_label": str(_("bestand")),
                "record_id": "",
                "record_name": "",
                "field": "-",
                "message": str(_("De import is onderbroken. Er is niets opgeslagen.")),
            }
        ],
    )
    if count:
        logger.error("%s interrupted import(s) marked failed", count)
    return count


def run_export(run_id: str) -> str:
    """Make a queued export's file (opendata.services.execute_export)."""
    from ontwikkelplein.opendata.models import ExportRun

    run = ExportRun.objects.filter(pk=run_id).first()
    if run is None:
        return "gone"
    run = services.execute_export(run)
    return f"{run.status}: {run.size} bytes"


def export_given_up(run_id: str) -> None:
    """core.jobs calls this after the last failed attempt: the page says it failed."""
    services.give_up_export(run_id)
