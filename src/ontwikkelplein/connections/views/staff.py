"""The pages of "EMB in verbinding" (docs/community.md): the library's programmes, the
connections between them as a picture and a table, the planned actions, the document for
meetings and partners, and the counts for the region's POI and the KB (access.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.connections import access, selectors, services
from ontwikkelplein.connections.forms import ActionForm
from ontwikkelplein.connections.models import Programme
from ontwikkelplein.core import documents
from ontwikkelplein.core.forms import posted
from ontwikkelplein.core.views import form_page
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.organisations.views.access import staff_required

NAV = "connections"


def _index_url(library, libraries) -> str:
    url = reverse("connections:index")
    return f"{url}?org={library.pk}" if len(libraries) > 1 else url


def _picture(library, today):
    rows = selectors.programmes(library, today)
    links = selectors.connections(library, today)
    names = {row.code: row for row in rows}
    for item in links:
        item.a_row, item.b_row = names[item.a], names[item.b]
    return {
        "programmes": rows,
        "links": links,
        "map": selectors.layout(rows, links),
        "width": selectors.WIDTH,
        "height": selectors.HEIGHT,
        "centre_x": selectors.CENTRE_X,
        "centre_y": selectors.CENTRE_Y,
        "node_radius": selectors.NODE_RADIUS,
        "widths": [
            (selectors.WIDTHS[1], _("Zwak")),
            (selectors.WIDTHS[2], _("Gemiddeld")),
            (selectors.WIDTHS[3], _("Sterk")),
        ],
        "planned_width": selectors.WIDTHS[0],
        "planned_dash": selectors.PLANNED_DASH,
        "period_days": selectors.PERIOD_DAYS,
        "today": today,
    }


@staff_required
def index(request):
    library, libraries = access.own_library(request.user, request.GET.get("org", ""))
    today = timezone.localdate()
    context = _picture(library, today)
    context.update(
        library=library,
        libraries=libraries if len(libraries) > 1 else [],
        actions=list(selectors.actions_of(library)),
        writes=access.writes(request.user, library),
        staff_nav=NAV,
    )
    return render(request, "connections/index.html", context)


@staff_required
def document(request):
    """The document for internal meetings and partners: the picture, the programmes with their
    figures, the connections and the planned actions with a role or team as owner."""
    library, _libraries = access.own_library(request.user, request.GET.get("org", ""))
    today = timezone.localdate()
    context = _picture(library, today)
    context.update(library=library, actions=list(selectors.actions_of(library)))
    title = _("De educatief maatschappelijke bibliotheek in verbinding: %(name)s") % {
        "name": library.name
    }
    pdf = documents.render_pdf("connections/document.html", context, title=title)
    return documents.pdf_response(pdf, documents.pdf_filename(_("in-verbinding"), library.name))


def _action_page(request, form, heading, library, libraries):
    back = _index_url(library, libraries)
    return form_page(
        request,
        form,
        base="core/staff/base.html",
        heading=heading,
        error_summary=form.error_summary() if form.is_bound else [],
        back=(back, _("Terug naar EMB in verbinding")),
        lead=library.name,
        cancel_url=back,
        staff_nav=NAV,
    )


@staff_required
def action_new(request):
    library, libraries = access.own_library(request.user, request.GET.get("org", ""))
    if not access.writes(request.user, library):
        raise PermissionDenied(_("Alleen specialisten en teamleiders plannen acties."))
    initial = {}
    for key, name in (("van", "from_programme"), ("naar", "to_programme")):
        if request.GET.get(key, "") in Programme.values:
            initial[name] = request.GET[key]
    form = ActionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        action = services.save_action(library, form)
        messages.success(request, _("De actie “%(text)s” staat erbij.") % {"text": action})
        return redirect(_index_url(library, libraries) + "#acties")
    return _action_page(request, form, _("Actie plannen"), library, libraries)


@staff_required
def action_edit(request, pk):
    action = access.action(request.user, pk, write=True)
    libraries = list(Organisation.objects.filter(pk__in=access.library_ids(request.user)))
    form = ActionForm(posted(request), instance=action)
    if request.method == "POST" and form.is_valid():
        services.save_action(action.organisation, form)
        messages.success(request, _("De actie is bijgewerkt."))
        return redirect(_index_url(action.organisation, libraries) + "#acties")
    return _action_page(request, form, _("Actie wijzigen"), action.organisation, libraries)


@staff_required
@require_POST
def action_toggle(request, pk):
    action = access.action(request.user, pk, write=True)
    services.toggle_action(action)
    libraries = list(Organisation.objects.filter(pk__in=access.library_ids(request.user)))
    if action.done:
        messages.success(request, _("Afgevinkt: %(text)s") % {"text": action})
    else:
        messages.success(request, _("Weer open: %(text)s") % {"text": action})
    return redirect(_index_url(action.organisation, libraries) + "#acties")


@staff_required
def action_delete(request, pk):
    action = access.action(request.user, pk, write=True)
    libraries = list(Organisation.objects.filter(pk__in=access.library_ids(request.user)))
    back = _index_url(action.organisation, libraries)
    if request.method == "POST":
        services.delete_action(action)
        messages.success(request, _("De actie is verwijderd."))
        return redirect(back + "#acties")
    return render(
        request,
        "connections/action_delete.html",
        {"action": action, "back": back, "staff_nav": NAV},
    )


@staff_required
def overview(request):
    """Counts for the region's POI advisers and the KB: per library the programmes it runs and
    the planned actions open and done; no texts and no owners."""
    scoping.require_role(request.user, *access.AGGREGATE_ROLES)
    national = scoping.is_kb_admin(request.user)
    libraries = selectors.libraries_in(
        Organisation.objects.all() if national else scoping.region_organisations(request.user)
    )
    rows = selectors.counts(libraries)
    return render(
        request,
        "connections/overview.html",
        {
            "rows": rows,
            "totals": selectors.programme_totals(rows),
            "open_total": sum(row.actions_open for row in rows),
            "done_total": sum(row.actions_done for row in rows),
            "programme_choices": Programme.choices,
            "national": national,
            "staff_nav": NAV,
        },
    )
