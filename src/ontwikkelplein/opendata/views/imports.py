"""The HSDS import pages of the back office: upload, progress, report, and mapping other
publishers' terms. The import runs in a worker (docs/background-work.md); the progress page polls
the run's counters with htmx and refreshes itself without JavaScript."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from ontwikkelplein.catalogue.models import TaxonomyTerm
from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.forms import ImportForm
from ontwikkelplein.opendata.importer import MAX_FILE_BYTES, ImportFileError
from ontwikkelplein.opendata.models import ExternalTerm, ImportRun, LikelyDuplicate
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required

# Room for the other form fields and multipart overhead around the file itself.
MAX_REQUEST_BYTES = MAX_FILE_BYTES + 64 * 1024


class SizeLimitHandler(FileUploadHandler):
    """Stops reading an upload as soon as it passes the limit, so a 100 MB file is neither
    kept in memory nor written to disk in full."""

    def __init__(self, request=None, limit=None):
        super().__init__(request)
        self.limit = limit or MAX_FILE_BYTES
        self.received = 0
        self.too_big = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_big = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


def _require_importer(user):
    if not services.may_import(user):
        raise PermissionDenied(_("Je mag geen gegevens importeren."))


def _own_run(request, pk) -> ImportRun:
    """An import: its maker's, or one of an organisation the user edits; the KB sees all."""
    run = get_object_or_404(ImportRun, pk=pk)
    user = request.user
    if run.created_by_id == user.pk or scoping.is_kb_admin(user):
        return run
    if run.organisation_id is None:
        raise Http404
    return scoping.require_edit(user, run)


@csrf_exempt
@staff_required
def import_upload(request):
    """csrf_exempt only so the size limit is in place before Django reads the body; the
    CSRF check itself runs in _upload (csrf_protect), after that."""
    _require_importer(request.user)
    limiter = None
    too_big = False
    if request.method == "POST":
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        too_big = length > MAX_REQUEST_BYTES
        limiter = SizeLimitHandler(request)
        request.upload_handlers.insert(0, limiter)
    return _upload(request, limiter, too_big)


@csrf_protect
def _upload(request, limiter, too_big):
    user = request.user
    form = None
    if request.method == "POST":
        if too_big:
            # Answer without reading the body: the browser may report a broken connection.
            form = ImportForm(user=user)
            form._errors, form.cleaned_data = ErrorDict(), {}  # errors without reading the body
            form.add_error("file", _too_big_message())
        else:
            form = ImportForm(request.POST, request.FILES, user=user)
            if limiter is not None and limiter.too_big:
                form.add_error("file", _too_big_message())
            elif form.is_valid():
                try:
                    run = services.create_run(
                        user,
                        uploaded_file=form.cleaned_data["file"],
                        organisation=form.cleaned_data["organisation"],
                        publish=form.cleaned_data["publish"],
                        dry_run=form.cleaned_data["dry_run"],
                    )
                except ImportFileError as exc:
                    form.add_error("file", str(exc))
                else:
                    return redirect("opendata:import-detail", pk=run.pk)
    form = form or ImportForm(user=user)
    status = 400 if form.is_bound or too_big else 200
    return render(
        request,
        "opendata/import_upload.html",
        {
            "form": form,
            "error_summary": errors_for_summary(form) if form.errors else [],
            "runs": ImportRun.objects.filter(created_by=user)[:10],
            "is_kb_admin": scoping.is_kb_admin(user),
            "staff_nav": "import",
        },
        status=status if form.errors else 200,
    )


def _too_big_message():
    return _("Het bestand is te groot. Het mag hoogstens %(max)s MB zijn.") % {
        "max": MAX_FILE_BYTES // 1024 // 1024
    }


@staff_required
def import_detail(request, pk):
    """Waiting: a button starts the import. Running: the progress, refreshing itself.
    Finished: the report."""
    run = _own_run(request, pk)
    context = {"run": run, "staff_nav": "import"}
    if run.is_finished:
        context["duplicates"] = [
            d for d in services.open_duplicates(run) if scoping.can_edit(request.user, d)
        ]
    if request.headers.get("HX-Request") and request.GET.get("deel") == "voortgang":
        response = render(request, "opendata/import_progress_part.html", context)
        if run.is_finished:
            response["HX-Refresh"] = "true"  # show the report
        return response
    return render(request, "opendata/import_detail.html", context)


@require_POST
@staff_required
def import_start(request, pk):
    run = _own_run(request, pk)
    _require_importer(request.user)
    run = services.start_run(run, user=request.user)
    if request.headers.get("HX-Request"):
        response = render(request, "opendata/import_progress_part.html", {"run": run})
        response["HX-Redirect"] = request.build_absolute_uri(run_url(run))
        return response
    return redirect("opendata:import-detail", pk=run.pk)


@require_POST
@staff_required
def import_duplicate(request, pk, duplicate_pk):
    """Staff decide about a likely duplicate: merge it into ours, or keep both."""
    run = _own_run(request, pk)
    duplicate = get_object_or_404(LikelyDuplicate, pk=duplicate_pk, run=run)
    action = request.POST.get("actie")
    try:
        if action == "samenvoegen":
            services.merge_duplicate(request.user, duplicate)
            messages.success(
                request,
                _("Samengevoegd: %(title)s is bijgewerkt uit de import.")
                % {"title": duplicate.ours.title},
            )
        elif action == "allebei":
            services.keep_both(request.user, duplicate)
            messages.success(request, _("Allebei gehouden."))
        else:
            messages.error(request, _("Kies samenvoegen of allebei houden."))
    except services.DuplicateError as exc:
        messages.error(request, str(exc))
    return redirect(f"{run_url(run)}#dubbel")


def run_url(run):
    from django.urls import reverse

    return reverse("opendata:import-detail", kwargs={"pk": run.pk})


# --- Terms of other publishers ---------------------------------------------------------------


@staff_required
def external_terms(request):
    """KB-beheerders map other publishers' terms onto ours."""
    if not scoping.is_kb_admin(request.user):
        raise PermissionDenied(_("Alleen een KB-beheerder koppelt termen."))
    terms = ExternalTerm.objects.select_related("mapped_to__taxonomy").order_by(
        "mapped_to", "taxonomy", "name"
    )
    ours = (
        TaxonomyTerm.objects.select_related("taxonomy")
        .filter(is_active=True)
        .order_by("taxonomy__name", "position", "name")
    )
    return render(
        request,
        "opendata/import_terms.html",
        {"terms": terms[:500], "ours": ours, "staff_nav": "import"},
    )


@require_POST
@staff_required
def external_term_map(request, pk):
    term = get_object_or_404(ExternalTerm, pk=pk)
    value = request.POST.get("onze_term") or ""
    our_term = TaxonomyTerm.objects.filter(pk=value).first() if value else None
    if value and our_term is None:
        raise Http404
    services.map_external_term(request.user, term, our_term)
    return redirect("opendata:import-terms")
