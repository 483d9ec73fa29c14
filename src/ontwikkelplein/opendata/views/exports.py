"""The staff export page: download the public catalogue (or a part) as HSDS or spreadsheet."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ontwikkelplein.core.forms import errors_for_summary
from ontwikkelplein.opendata import exports, selectors
from ontwikkelplein.opendata.export_forms import ExportForm
from ontwikkelplein.organisations.views.access import staff_required


@staff_required
def export(request):
    scope = selectors.export_scope(request.user)
    if not (scope.everything or scope.region or scope.organisations):
        raise PermissionDenied(_("Je mag geen aanbod downloaden."))
    submitted = "format" in request.GET or "scope" in request.GET
    form = ExportForm(request.GET if submitted else None, scope=scope)
    if submitted and form.is_valid():
        organisations, organisation = scope.resolve(form.cleaned_data["scope"], request.user)
        fmt = form.cleaned_data["format"]
        response = HttpResponse(
            exports.export(fmt, organisations), content_type=exports.CONTENT_TYPES[fmt]
        )
        name = exports.filename(fmt, organisation)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(
        request,
        "opendata/export.html",
        {
            "form": form,
            "error_summary": errors_for_summary(form) if submitted else [],
            "staff_nav": "export",
        },
        status=400 if submitted else 200,
    )
