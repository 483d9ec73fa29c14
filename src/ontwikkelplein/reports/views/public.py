"""A published report without an account: /rapportage/<token>/ (the latest version) and
/rapportage/<token>/versie/<n>/ (an earlier one), each as a page and as a PDF. They read only
the version's frozen content: no live figures, no personal data. An unknown token is a 404."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ontwikkelplein.core import documents
from ontwikkelplein.reports import selectors
from ontwikkelplein.reports.views.common import report_context

ROBOTS = "noindex, nofollow"


def _version(token, number=None):
    version = selectors.published_version(token, number)
    if version is None:
        raise Http404
    return version


def _context(version):
    context = report_context(version.title, version.subtitle, version.content)
    latest = selectors.latest_version(version.report)
    context.update(
        version=version,
        latest=latest,
        versions=list(version.report.versions.order_by("-number")),
        token=version.report.token,
    )
    return context


@require_GET
def page(request, token, number=None):
    version = _version(token, number)
    response = render(request, "reports/public.html", _context(version))
    response["X-Robots-Tag"] = ROBOTS
    return response


@require_GET
def pdf(request, token, number=None):
    version = _version(token, number)
    pdf_bytes = documents.render_pdf(
        "reports/documents/report.html", _context(version), title=version.title
    )
    response = documents.pdf_response(
        pdf_bytes,
        documents.pdf_filename(version.title, version.subtitle, f"v{version.number}"),
    )
    response["X-Robots-Tag"] = ROBOTS
    return response
