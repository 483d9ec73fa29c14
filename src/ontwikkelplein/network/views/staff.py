"""The network's pages (docs/community.md). The library's front desk, specialists and team
leaders see its network; specialists and team leaders change it (organisations.scoping.
require_member). The region's POI advisers and the KB see counts only (`overview`). Another
library's stakeholder, agreement or document answers 404; one of a library the user may read
but whose network is not theirs (the POI's region) answers 403."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM
from ontwikkelplein.core.forms import posted
from ontwikkelplein.core.tabular import download as tabular_download
from ontwikkelplein.network import exports, selectors, services
from ontwikkelplein.network.forms import AgreementForm, ContactForm, DocumentForm, StakeholderForm
from ontwikkelplein.network.menu import (
    AGGREGATE_ROLES,
    READER_ROLES,
    WRITER_ROLES,
    library_ids,
)
from ontwikkelplein.network.models import (
    ROLE_FIELDS,
    ROLES,
    Agreement,
    AgreementDocument,
    ContactAccess,
    ContactPerson,
    Stage,
    Stakeholder,
    Strength,
)
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.organisations.views.access import staff_required

NAV = "network"


def _own_library(user, wanted: str = "") -> tuple[Organisation, list[Organisation]]:
    """The library whose network the page shows: the one asked for with ?org= (when the user
    works there), else the first by name. 403 for users without a library."""
    libraries = list(Organisation.objects.filter(pk__in=library_ids(user)).order_by("name"))
    if not libraries:
        raise PermissionDenied(
            _("Het netwerk is van de bibliotheek: alleen haar medewerkers zien het.")
        )
    chosen = next((lib for lib in libraries if str(lib.pk) == wanted), libraries[0])
    return chosen, libraries


def _writes(user, library) -> bool:
    return scoping.has_role_in(user, library, *WRITER_ROLES)


def _stakeholder(user, pk, *, write=False) -> Stakeholder:
    stakeholder = (
        Stakeholder.objects.filter(pk=pk).select_related("organisation", "partner").first()
    )
    if stakeholder is None:
        raise Http404
    roles = WRITER_ROLES if write else READER_ROLES
    return scoping.require_member(user, stakeholder, *roles)


def _agreement(user, pk, *, write=False) -> Agreement:
    agreement = (
        Agreement.objects.filter(pk=pk)
        .select_related("stakeholder", "stakeholder__organisation")
        .first()
    )
    if agreement is None:
        raise Http404
    roles = WRITER_ROLES if write else READER_ROLES
    scoping.require_member(user, agreement.stakeholder, *roles)
    return agreement


def _document(user, pk, *, write=False) -> AgreementDocument:
    document = (
        AgreementDocument.objects.filter(pk=pk)
        .select_related("agreement", "agreement__stakeholder")
        .first()
    )
    if document is None:
        raise Http404
    roles = WRITER_ROLES if write else READER_ROLES
    scoping.require_member(user, document.agreement.stakeholder, *roles)
    return document


def _contact(user, pk) -> ContactPerson:
    contact = ContactPerson.objects.filter(pk=pk).select_related("stakeholder").first()
    if contact is None:
        raise Http404
    scoping.require_member(user, contact.stakeholder, *WRITER_ROLES)
    return contact


def _library_url(name, library, libraries) -> str:
    url = reverse(name)
    return f"{url}?org={library.pk}" if len(libraries) > 1 else url


def _uuid_or_blank(value) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, AttributeError, TypeError):
        return ""


# --- The list and the diagram -------------------------------------------------------------------


@staff_required
def index(request):
    library, libraries = _own_library(request.user, request.GET.get("org", ""))
    today = timezone.localdate()
    themes = list(
        TaxonomyTerm.objects.filter(taxonomy__slug=Taxonomy.THEME, is_active=True).order_by(
            "position", "name"
        )
    )
    theme = _uuid_or_blank(request.GET.get("thema", ""))
    if theme and not any(str(t.pk) == theme for t in themes):
        theme = ""
    stage, role = request.GET.get("fase", ""), request.GET.get("rol", "")
    filters = selectors.Filters(
        stage=stage if stage in Stage.values else "",
        role=role if role in ROLE_FIELDS else "",
        theme=theme,
    )
    rows = selectors.filtered(library, filters, today)
    return render(
        request,
        "network/index.html",
        {
            "library": library,
            "libraries": libraries if len(libraries) > 1 else [],
            "rows": rows,
            "filters": filters,
            "filtered": bool(filters.stage or filters.role or filters.theme),
            "stages": Stage.choices,
            "roles": [(code, label) for code, _f, label in ROLES],
            "themes": themes,
            "ending": selectors.ending_soon(library, today),
            "writes": _writes(request.user, library),
            "today": today,
            "staff_nav": NAV,
        },
    )


@staff_required
def diagram(request):
    library, libraries = _own_library(request.user, request.GET.get("org", ""))
    ties = selectors.network_ties(library, selectors.partners_of(library))
    return render(
        request,
        "network/diagram.html",
        {
            "library": library,
            "libraries": libraries if len(libraries) > 1 else [],
            "ties": ties,
            "centre_x": selectors.CENTRE_X,
            "centre_y": selectors.CENTRE_Y,
            "width": selectors.WIDTH,
            "height": selectors.HEIGHT,
            "widths": [
                (level, selectors.WIDTHS[level], label)
                for level, label in [(0, _("Geen")), *Strength.choices]
            ],
            "dashes": [
                (selectors.DASHES[None], _("Niet ingeschat")),
                *[(selectors.DASHES[value], label) for value, label in Strength.choices],
            ],
            "activity_days": selectors.ACTIVITY_DAYS,
            "staff_nav": NAV,
        },
    )


@staff_required
def export(request):
    """The list and the agreements as CSV (the list) or XLSX (both sheets); no contact people."""
    library, _libraries = _own_library(request.user, request.GET.get("org", ""))
    return tabular_download(
        request.GET.get(FORMAT_PARAM, "csv"),
        f"netwerk-{slugify(library.name)[:40] or 'bibliotheek'}",
        exports.network_sheets(library, timezone.localdate()),
    )


# --- Stakeholders -------------------------------------------------------------------------------


def _form_page(request, template, context):
    context.setdefault("staff_nav", NAV)
    form = context.get("form")
    context["error_summary"] = form.error_summary() if form is not None and form.is_bound else []
    return render(request, template, context)


@staff_required
def new(request):
    library, libraries = _own_library(request.user, request.GET.get("org", ""))
    if not _writes(request.user, library):
        raise PermissionDenied(_("Alleen specialisten en teamleiders passen het netwerk aan."))
    form = StakeholderForm(posted(request), library=library)
    if request.method == "POST" and form.is_valid():
        stakeholder = services.save_stakeholder(request.user, library, form)
        messages.success(
            request, _("%(name)s staat nu in het netwerk.") % {"name": stakeholder.name}
        )
        return redirect("network:detail", pk=stakeholder.pk)
    return _form_page(
        request,
        "network/stakeholder_form.html",
        {
            "form": form,
            "library": library,
            "cancel_url": _library_url("network:index", library, libraries),
        },
    )


@staff_required
def detail(request, pk):
    stakeholder = _stakeholder(request.user, pk)
    contacts = selectors.contacts_of(stakeholder)
    if contacts:
        services.log_contact_access(stakeholder, ContactAccess.Action.VIEW, user=request.user)
    activity = None
    if stakeholder.partner_id:
        activity = selectors.tie_activity(stakeholder.organisation, {stakeholder.partner_id})[
            stakeholder.partner_id
        ]
    writes = _writes(request.user, stakeholder.organisation)
    return render(
        request,
        "network/detail.html",
        {
            "stakeholder": stakeholder,
            "library": stakeholder.organisation,
            "contacts": contacts,
            "agreements": selectors.agreements_of(stakeholder),
            "activity": activity,
            "activity_days": selectors.ACTIVITY_DAYS,
            "writes": writes,
            "accesses": ContactAccess.objects.filter(stakeholder=stakeholder)[:10]
            if scoping.is_team_leader(request.user, stakeholder.organisation)
            else None,
            "retention_months": settings.NETWORK_CONTACT_RETENTION_MONTHS,
            "today": timezone.localdate(),
            "staff_nav": NAV,
        },
    )


@staff_required
def edit(request, pk):
    stakeholder = _stakeholder(request.user, pk, write=True)
    form = StakeholderForm(posted(request), instance=stakeholder, library=stakeholder.organisation)
    if request.method == "POST" and form.is_valid():
        services.save_stakeholder(request.user, stakeholder.organisation, form)
        messages.success(request, _("De gegevens zijn opgeslagen."))
        return redirect("network:detail", pk=stakeholder.pk)
    return _form_page(
        request,
        "network/stakeholder_form.html",
        {
            "form": form,
            "library": stakeholder.organisation,
            "stakeholder": stakeholder,
            "cancel_url": reverse("network:detail", args=[stakeholder.pk]),
        },
    )


@staff_required
@require_POST
def delete(request, pk):
    stakeholder = _stakeholder(request.user, pk, write=True)
    name = stakeholder.name
    services.delete_stakeholder(request.user, stakeholder)
    messages.success(request, _("%(name)s is uit het netwerk gehaald.") % {"name": name})
    return redirect("network:index")


# --- Contact people -----------------------------------------------------------------------------


@staff_required
def contact_new(request, pk):
    stakeholder = _stakeholder(request.user, pk, write=True)
    form = ContactForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.save_contact(request.user, stakeholder, form)
        messages.success(request, _("De contactpersoon is toegevoegd."))
        return redirect(reverse("network:detail", args=[stakeholder.pk]) + "#contactpersonen")
    return _form_page(
        request,
        "network/contact_form.html",
        {
            "form": form,
            "stakeholder": stakeholder,
            "cancel_url": reverse("network:detail", args=[stakeholder.pk]),
        },
    )


@staff_required
def contact_edit(request, pk):
    contact = _contact(request.user, pk)
    stakeholder = contact.stakeholder
    form = ContactForm(posted(request), instance=contact)
    if request.method == "POST" and form.is_valid():
        services.save_contact(request.user, stakeholder, form)
        messages.success(request, _("De contactpersoon is opgeslagen."))
        return redirect(reverse("network:detail", args=[stakeholder.pk]) + "#contactpersonen")
    if request.method != "POST":
        services.log_contact_access(stakeholder, ContactAccess.Action.VIEW, user=request.user)
    return _form_page(
        request,
        "network/contact_form.html",
        {
            "form": form,
            "stakeholder": stakeholder,
            "contact": contact,
            "cancel_url": reverse("network:detail", args=[stakeholder.pk]),
        },
    )


@staff_required
@require_POST
def contact_delete(request, pk):
    contact = _contact(request.user, pk)
    stakeholder = contact.stakeholder
    services.delete_contact(request.user, contact)
    messages.success(request, _("De contactpersoon is gewist."))
    return redirect(reverse("network:detail", args=[stakeholder.pk]) + "#contactpersonen")


# --- Agreements ---------------------------------------------------------------------------------


@staff_required
def agreement_new(request, pk):
    stakeholder = _stakeholder(request.user, pk, write=True)
    form = AgreementForm(posted(request))
    if request.method == "POST" and form.is_valid():
        agreement = services.save_agreement(request.user, stakeholder, form)
        messages.success(request, _("De afspraak is vastgelegd."))
        return redirect("network:agreement", pk=agreement.pk)
    return _form_page(
        request,
        "network/agreement_form.html",
        {
            "form": form,
            "stakeholder": stakeholder,
            "cancel_url": reverse("network:detail", args=[stakeholder.pk]),
        },
    )


@staff_required
def agreement(request, pk):
    agreement = _agreement(request.user, pk)
    stakeholder = agreement.stakeholder
    return render(
        request,
        "network/agreement.html",
        {
            "agreement": agreement,
            "stakeholder": stakeholder,
            "documents": list(agreement.documents.all()),
            "writes": _writes(request.user, stakeholder.organisation),
            "upload_form": DocumentForm(),
            "alert_from": selectors.add_months(agreement.ends_on, -3)
            if agreement.ends_on
            else None,
            "today": timezone.localdate(),
            "staff_nav": NAV,
        },
    )


@staff_required
def agreement_edit(request, pk):
    agreement = _agreement(request.user, pk, write=True)
    form = AgreementForm(posted(request), instance=agreement)
    if request.method == "POST" and form.is_valid():
        services.save_agreement(request.user, agreement.stakeholder, form)
        messages.success(request, _("De afspraak is opgeslagen."))
        return redirect("network:agreement", pk=agreement.pk)
    return _form_page(
        request,
        "network/agreement_form.html",
        {
            "form": form,
            "stakeholder": agreement.stakeholder,
            "agreement": agreement,
            "cancel_url": reverse("network:agreement", args=[agreement.pk]),
        },
    )


@staff_required
@require_POST
def agreement_delete(request, pk):
    agreement = _agreement(request.user, pk, write=True)
    stakeholder = agreement.stakeholder
    services.delete_agreement(agreement)
    messages.success(request, _("De afspraak is verwijderd."))
    return redirect("network:detail", pk=stakeholder.pk)


@staff_required
@require_POST
def upload(request, pk):
    agreement = _agreement(request.user, pk, write=True)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(reverse("network:agreement", args=[agreement.pk]) + "#documenten")
    services.add_document(
        request.user,
        agreement,
        title=form.cleaned_data["title"],
        upload=form.cleaned_data["file"],
    )
    messages.success(request, _("Het document is toegevoegd."))
    return redirect(reverse("network:agreement", args=[agreement.pk]) + "#documenten")


@staff_required
def download(request, pk):
    document = _document(request.user, pk)
    try:
        handle = services.open_document(document)
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=document.file_name, content_type=document.content_type
    )


@staff_required
@require_POST
def document_delete(request, pk):
    document = _document(request.user, pk, write=True)
    agreement_pk = document.agreement_id
    services.delete_document(document)
    messages.success(request, _("Het document is weggehaald."))
    return redirect(reverse("network:agreement", args=[agreement_pk]) + "#documenten")


# --- Counts for the POI and the KB --------------------------------------------------------------


@staff_required
def overview(request):
    scoping.require_role(request.user, *AGGREGATE_ROLES)
    national = scoping.is_kb_admin(request.user)
    libraries = selectors.libraries_in(
        Organisation.objects.all() if national else scoping.region_organisations(request.user)
    )
    rows = selectors.stage_role_counts(libraries)
    return render(
        request,
        "network/overview.html",
        {
            "rows": rows,
            "total": selectors.totals(rows),
            "national": national,
            "stages": Stage.choices,
            "roles": [(code, label) for code, _f, label in ROLES],
            "staff_nav": NAV,
        },
    )
