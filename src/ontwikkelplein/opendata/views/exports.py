"""The staff export page: download the public catalogue (or a part) as HSDS or spreadsheet.

One organisation's offers are answered in the request. The whole catalogue and a region are made
by a worker (docs/exports.md, docs/background-work.md): the form's POST queues an ExportRun and
sends the user to its page, which polls until the file is ready and then links to it."""

from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.opendata import exports, selectors, services
from ontwikkelplein.opendata.export_forms import ExportForm
from ontwikkelplein.opendata.models import ExportRun, ExportStatus
from ontwikkelplein.organisations.views.access import staff_required


@require_http_methods(["GET", "POST"])
@staff_required
def export(request):
    scope = selectors.export_scope(request.user)
    if not (scope.everything or scope.region or scope.organisations):
        raise PermissionDenied(_("Je mag geen aanbod downloaden."))
    data = request.POST if request.method == "POST" else request.GET
    submitted = "format" in data or "scope" in data
    form = ExportForm(data if submitted else None, scope=scope)
    background = False
    if submitted and form.is_valid():
        choice = form.cleaned_data["scope"]
        organisations, organisation = scope.resolve(choice, request.user)
        fmt = form.cleaned_data["format"]
        background = services.exports_in_background(choice)
        if background and request.method == "POST":
            run = services.create_export(
                request.user, scope_choice=choice, fmt=fmt, organisations=organisations
            )
            return redirect("opendata:export-detail", pk=run.pk)
        if not background:
            response = HttpResponse(
                exports.export(fmt, organisations), content_type=exports.CONTENT_TYPES[fmt]
            )
            name = exports.filename(fmt, organisation)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        # A link (GET) to a big export: the page with the choices filled in; the button queues it.
    return render(
        request,
        "opendata/export.html",
        {
            "form": form,
            "error_summary": errors_for_summary(form) if submitted and form.errors else [],
            "background": background,
            "staff_nav": "export",
        },
        status=400 if submitted and form.errors else 200,
    )


def _own_export(request, pk) -> ExportRun:
    """An export is its maker's alone; anyone else gets 404."""
    run = get_object_or_404(ExportRun, pk=pk)
    if run.created_by_id != request.user.pk:
        raise Http404
    return run


@staff_required
def export_detail(request, pk):
    run = _own_export(request, pk)
    context = {"run": run, "staff_nav": "export"}
    if request.headers.get("HX-Request") and request.GET.get("deel") == "voortgang":
        response = render(request, "opendata/export_progress_part.html", context)
        if run.is_finished:
            response["HX-Refresh"] = "true"
        return response
    return render(request, "opendata/export_detail.html", context)


@staff_required
def export_download(request, pk):
    run = _own_export(request, pk)
    if run.status != ExportStatus.DONE or not run.stored_name:
        raise Http404
    try:
        handle = default_storage.open(run.stored_name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=run.file_name,
        content_type=exports.CONTENT_TYPES[run.file_format],
    )
