"""The reports' back-office pages (/beheer/rapportages/). Access through reports/selectors.py,
which asks organisations/scoping.py: the KB writes the national report, a POI its region's, a
library's team leaders and specialists its yearly report; the KB and the region's POI read a
library's; front-desk and partner staff get 403, another organisation's report 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.core import documents
from ontwikkelplein.core.forms import add_field_error, posted
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.reports import selectors, services, themes
from ontwikkelplein.reports.forms import NewReportForm, TextForm
from ontwikkelplein.reports.views.common import report_context

NAV = "reports"


@staff_required
def index(request):
    scoping.require_role(request.user, *selectors.REPORT_ROLES)
    reports = list(selectors.reports_for(request.user))
    rows = []
    for report in reports:
        latest = selectors.latest_version(report)
        rows.append(
            {
                "report": report,
                "title": services.title_of(report),
                "latest": latest,
                "writes": selectors.may_write(request.user, report),
            }
        )
    return render(
        request,
        "reports/index.html",
        {
            "rows": rows,
            "starts": bool(selectors.writable_subjects(request.user)),
            "staff_nav": NAV,
        },
    )


@staff_required
def new(request):
    scoping.require_role(request.user, *selectors.REPORT_ROLES)
    if not selectors.writable_subjects(request.user):
        raise Http404
    form = NewReportForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        subject, organisation = form.cleaned_data["owner"]
        try:
            report = services.create_report(
                request.user,
                subject=subject,
                organisation=organisation,
                year=form.cleaned_data["year"],
                quarter=form.cleaned_data["quarter"],
                municipality=form.cleaned_data["municipality"],
            )
        except services.ReportError as error:
            add_field_error(form, error)
        else:
            return redirect("reports:detail", pk=report.pk)
    return render(
        request,
        "reports/new.html",
        {
            "form": form,
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
def detail(request, pk):
    report = selectors.report_for(request.user, pk)
    title, subtitle = services.title_of(report)
    content = services.live_content(report)
    context = report_context(title, subtitle, content)
    context.update(
        report=report,
        writes=selectors.may_write(request.user, report),
        versions=list(report.versions.order_by("-number")),
        staff_nav=NAV,
    )
    return render(request, "reports/detail.html", context)


@staff_required
def draft_pdf(request, pk):
    """The draft as a PDF, to read before publishing (figures live, marked as a draft)."""
    report = selectors.report_for(request.user, pk)
    title, subtitle = services.title_of(report)
    context = report_context(title, subtitle, services.live_content(report))
    context["draft"] = True
    pdf = documents.render_pdf("reports/documents/report.html", context, title=title)
    return documents.pdf_response(pdf, documents.pdf_filename(_("concept"), title, subtitle))


@staff_required
def text(request, pk, theme):
    report = selectors.report_for(request.user, pk, write=True)
    chosen = themes.get(theme)
    if chosen is None:
        raise Http404
    current = report.texts.filter(theme=chosen.code).values_list("text", flat=True).first()
    form = TextForm(posted(request), initial={"text": current or ""})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_text(request.user, report, chosen.code, form.cleaned_data["text"])
        except services.ReportError as error:
            add_field_error(form, error)
        else:
            messages.success(request, _("De tekst bij dit thema is opgeslagen."))
            return redirect(f"{redirect('reports:detail', pk=report.pk).url}#thema-{chosen.code}")
    title, subtitle = services.title_of(report)
    live = services.live_content(report)
    return render(
        request,
        "reports/text.html",
        {
            "report": report,
            "report_title": title,
            "report_subtitle": subtitle,
            "theme": chosen,
            "blocks": live["figures"]["themes"].get(chosen.code, []),
            "form": form,
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
@require_POST
def publish(request, pk):
    report = selectors.report_for(request.user, pk, write=True)
    try:
        version = services.publish(request.user, report, today=timezone.localdate())
    except services.ReportError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("Versie %(number)s is gepubliceerd. De cijfers erin veranderen niet meer.")
            % {"number": version.number},
        )
    return redirect("reports:detail", pk=report.pk)
