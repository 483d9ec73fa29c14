"""The quality framework's pages. Reading: a library's specialists and team leaders their own
Taalhuis's self-evaluation, the region's POI advisers and the KB every one they may read
(organisations.scoping.require_read). Writing: the library's specialists and team leaders
(scoping.require_member). Taking the certification step over into the programme register: those
who keep it (scoping.require_register_keeper)."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.core import documents
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.quality import norms, selectors, services
from ontwikkelplein.quality.forms import AnswerForm, AttachmentForm, StepsForm
from ontwikkelplein.quality.menu import QUALITY_ROLES, WRITER_ROLES
from ontwikkelplein.quality.models import Attachment, NormAnswer

NAV = "quality"


def _library(user, pk) -> Organisation:
    scoping.require_role(user, *QUALITY_ROLES)
    organisation = Organisation.objects.filter(pk=pk, kind=OrganisationKind.LIBRARY).first()
    if organisation is None:
        raise Http404
    return scoping.require_read(user, organisation)


def _writable_library(user, pk) -> Organisation:
    organisation = _library(user, pk)
    return scoping.require_member(user, organisation, *WRITER_ROLES)


def _norm(code) -> norms.Norm:
    norm = norms.get(code)
    if norm is None:
        raise Http404
    return norm


def _writes(user, organisation) -> bool:
    return scoping.has_role_in(user, organisation, *WRITER_ROLES)


@staff_required
def index(request):
    scoping.require_role(request.user, *QUALITY_ROLES)
    libraries = list(selectors.libraries_for(request.user))
    today = timezone.localdate()
    evaluations = selectors.evaluations_of(libraries)
    rows = []
    for library in libraries:
        evaluation = evaluations.get(library.pk)
        rows.append(
            {
                "library": library,
                "evaluation": evaluation,
                "step": evaluation.current_step_label(today) if evaluation else "",
                "scored": evaluation.scored if evaluation else 0,
                "valid_until": selectors.valid_until(evaluation) if evaluation else None,
            }
        )
    return render(
        request,
        "quality/index.html",
        {"rows": rows, "norm_count": len(norms.NORMS), "staff_nav": NAV},
    )


def _context(request, organisation, *, exact):
    today = timezone.localdate()
    evaluation = selectors.evaluation_of(organisation, today)
    views = selectors.norm_views(evaluation, exact=exact, today=today)
    return {
        "organisation": organisation,
        "evaluation": evaluation,
        "norm_views": views,
        "progress": selectors.progress(views),
        "steps": evaluation.step_dates(),
        "current_step": evaluation.current_step(today),
        "valid_until": selectors.valid_until(evaluation),
        "register_entry": selectors.taalhuis_register_entry(organisation),
        "difference": selectors.register_difference(evaluation, today),
        "exact": exact,
        "today": today,
        "staff_nav": NAV,
    }


@staff_required
def evaluation(request, pk):
    organisation = _library(request.user, pk)
    writes = _writes(request.user, organisation)
    context = _context(request, organisation, exact=writes)
    context["writes"] = writes
    context["keeps_register"] = scoping.keeps_register(request.user, organisation)
    return render(request, "quality/evaluation.html", context)


@staff_required
def document(request, pk):
    """The document for the auditor: every norm with its evidence, the Taalhuis's own text, the
    list of documents and the dates of the steps. It leaves the library, so small counts are
    hidden as above the library."""
    organisation = _library(request.user, pk)
    context = _context(request, organisation, exact=False)
    title = _("Kwaliteitskader Taalhuis: %(name)s") % {"name": organisation.name}
    pdf = documents.render_pdf("quality/document.html", context, title=title)
    return documents.pdf_response(
        pdf, documents.pdf_filename(_("kwaliteitskader"), organisation.name)
    )


def _redirect_back(organisation, code=None):
    url = redirect("quality:evaluation", pk=organisation.pk).url
    return redirect(f"{url}#norm-{code}" if code else url)


@staff_required
def norm(request, pk, code):
    organisation = _writable_library(request.user, pk)
    norm = _norm(code)
    evaluation = selectors.evaluation_of(organisation)
    answer = None
    if evaluation.pk:
        answer = NormAnswer.objects.filter(evaluation=evaluation, norm=norm.code).first()
    form = AnswerForm(request.POST or None, instance=answer)
    if request.method == "POST" and form.is_valid():
        services.save_answer(
            request.user,
            organisation,
            norm,
            score=form.cleaned_data["score"],
            text=form.cleaned_data["text"],
        )
        messages.success(request, _("Je antwoord bij deze norm is opgeslagen."))
        return _redirect_back(organisation, norm.code)
    (view,) = selectors.norm_views(evaluation, exact=True, only=norm)
    return render(
        request,
        "quality/norm.html",
        {
            "organisation": organisation,
            "norm": norm,
            "view": view,
            "form": form,
            "upload_form": AttachmentForm(),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
@require_POST
def upload(request, pk, code):
    organisation = _writable_library(request.user, pk)
    norm = _norm(code)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("quality:norm", pk=organisation.pk, code=norm.code)
    services.add_attachment(
        request.user,
        organisation,
        norm,
        title=form.cleaned_data["title"],
        upload=form.cleaned_data["file"],
    )
    messages.success(request, _("Het document is toegevoegd."))
    return redirect("quality:norm", pk=organisation.pk, code=norm.code)


@staff_required
def steps(request, pk):
    organisation = _writable_library(request.user, pk)
    evaluation = selectors.evaluation_of(organisation)
    form = StepsForm(request.POST or None, instance=evaluation, years=selectors.year_choices())
    if request.method == "POST" and form.is_valid():
        services.save_steps(request.user, organisation, form)
        messages.success(request, _("De stappen van de certificering zijn opgeslagen."))
        return _redirect_back(organisation)
    return render(
        request,
        "quality/steps.html",
        {
            "organisation": organisation,
            "form": form,
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": NAV,
        },
    )


@staff_required
@require_POST
def take_over(request, pk):
    organisation = _library(request.user, pk)
    scoping.require_register_keeper(request.user, organisation)
    evaluation = selectors.evaluation_of(organisation)
    if evaluation.pk and services.take_over_in_register(request.user, evaluation):
        messages.success(request, _("Het programmaregister is bijgewerkt."))
    else:
        messages.error(request, _("Er is nog geen stap van de certificering om over te nemen."))
    return _redirect_back(organisation)


def _attachment(user, pk) -> Attachment:
    attachment = Attachment.objects.filter(pk=pk).select_related("evaluation").first()
    if attachment is None:
        raise Http404
    _library(user, attachment.evaluation.organisation_id)
    return attachment


@staff_required
def download(request, pk):
    attachment = _attachment(request.user, pk)
    try:
        handle = services.open_attachment(attachment)
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.file_name,
        content_type=attachment.content_type,
    )


@staff_required
@require_POST
def delete_attachment(request, pk):
    attachment = _attachment(request.user, pk)
    organisation = _writable_library(request.user, attachment.evaluation.organisation_id)
    services.delete_attachment(attachment)
    messages.success(request, _("Het document is weggehaald."))
    return redirect("quality:norm", pk=organisation.pk, code=attachment.norm)
