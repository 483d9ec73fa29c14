"""The needs page (docs/community.md, "De behoeften in de buurt"), at /beheer/behoeften/.

Who sees what (organisations.scoping through needs.menu): the library's own front desk,
specialists and team leaders see their library with exact counts and the notes with their
authors; specialists and team leaders add, change and delete notes. The region's POI adviser and
the KB open a library of their area in aggregate: counts 1 to 4 as "<5", notes without authors.
Partner staff get 403; a library the user may not open answers 404."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.core import tabular
from ontwikkelplein.core.figures.vocabulary import small_count_note
from ontwikkelplein.core.forms import posted
from ontwikkelplein.needs import selectors, services
from ontwikkelplein.needs.forms import NoteForm
from ontwikkelplein.needs.menu import READER_ROLES, WRITER_ROLES, library_ids
from ontwikkelplein.needs.models import NeedNote
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.organisations.views.access import staff_required

NAV = "needs"


def _library(user, wanted: str = "") -> tuple[Organisation, list[Organisation]]:
    """The library the page is about: ?org= when the user may open it (404 when not), else the
    user's own first, else the first of their area. 403 for users without any."""
    ids = library_ids(user)
    if not ids:
        raise PermissionDenied(_("De behoeften in de buurt zijn van de bibliotheek en haar regio."))
    libraries = list(Organisation.objects.filter(pk__in=ids).order_by("name"))
    wanted = (wanted or "").strip()
    if wanted:
        try:
            key = uuid.UUID(wanted)
        except (ValueError, AttributeError):
            raise Http404 from None
        chosen = next((lib for lib in libraries if lib.pk == key), None)
        if chosen is None:
            raise Http404
        return chosen, libraries
    own = [lib for lib in libraries if scoping.has_role_in(user, lib, *READER_ROLES)]
    return (own or libraries)[0], libraries


def _exact(user, library) -> bool:
    return scoping.has_role_in(user, library, *READER_ROLES)


def _writes(user, library) -> bool:
    return scoping.has_role_in(user, library, *WRITER_ROLES)


def _municipality(value, municipalities):
    """The municipality asked for with ?gemeente= (CBS code GM0307, 307, or its key), among the
    library's own; (None, notice) for anything else."""
    value = (value or "").strip()
    if not value:
        return None, ""
    text = value.upper()
    for m in municipalities:
        digits = text[2:] if text.startswith("GM") else text
        if (
            text == m.code
            or str(m.pk) == value
            or (digits.isdigit() and m.code == f"GM{int(digits):04d}")
        ):
            return m, ""
    return None, _("Deze gemeente hoort niet bij de bibliotheek. Je ziet de hele bibliotheek.")


def _months(value):
    value = (value or "").strip()
    if not value:
        return selectors.DEFAULT_MONTHS, ""
    if value.isdigit() and int(value) in selectors.PERIOD_MONTHS:
        return int(value), ""
    return selectors.DEFAULT_MONTHS, _(
        "Deze periode kennen we niet. Je ziet de laatste 12 maanden."
    )


def _page_data(request):
    library, libraries = _library(request.user, request.GET.get("org", ""))
    municipalities = selectors.municipalities_of(library)
    municipality, notice_m = _municipality(request.GET.get("gemeente", ""), municipalities)
    months, notice_p = _months(request.GET.get("maanden", ""))
    window = selectors.window_for(months, timezone.localdate())
    exact = _exact(request.user, library)
    data = selectors.needs(library, municipality, window, exact=exact)
    notices = [n for n in (notice_m, notice_p) if n]
    return data, libraries, months, notices


def _query(library, libraries, municipality=None, months=None) -> str:
    params = {}
    if len(libraries) > 1:
        params["org"] = str(library.pk)
    if municipality is not None:
        params["gemeente"] = municipality.code
    if months and months != selectors.DEFAULT_MONTHS:
        params["maanden"] = months
    return f"?{urlencode(params)}" if params else ""


@staff_required
def index(request):
    data, libraries, months, notices = _page_data(request)
    library = data.library
    notes = list(selectors.notes_for(library, data.municipality, data.window))
    query = _query(library, libraries, data.municipality, months)
    return render(
        request,
        "needs/index.html",
        {
            "staff_nav": NAV,
            "data": data,
            "libraries": libraries,
            "months": months,
            "period_choices": selectors.PERIOD_MONTHS,
            "notices": notices,
            "notes": notes,
            "writes": _writes(request.user, library),
            "signals": selectors.SIGNALS,
            "small_count_note": small_count_note(),
            "download_url": reverse("needs:download") + query,
            "new_note_url": reverse("needs:note-new") + _query(library, libraries),
        },
    )


@staff_required
def download(request):
    data, _libraries, _months, _notices = _page_data(request)
    rows = [
        [_("Tabel"), _("Omschrijving"), _("Aantal"), _("Toelichting")],
    ]
    for table in data.tables:
        for line in table.lines:
            rows.append([table.caption, line.label, line.cell.export_value, line.detail])
    if data.unmatched:
        for line in data.unmatched.lines:
            rows.append([data.unmatched.caption, line.label, line.cell.export_value, ""])
    for gap in data.gaps:
        rows.append(
            [
                _("Tekort per thema"),
                gap.theme,
                gap.need.export_value,
                _("%(offers)s aanbod%(gap)s")
                % {"offers": gap.offers, "gap": (" – " + _("tekort")) if gap.is_gap else ""},
            ]
        )
    for figure in data.figures:
        rows.append(
            [
                _("Openbare cijfers"),
                f"{figure.municipality}: {figure.indicator} ({figure.year})",
                figure.value,
                f"{figure.source}; {figure.licence}",
            ]
        )
    name = slugify(f"behoeften {data.library.name} {data.window.start} {data.window.end}")
    return tabular.download("csv", name, [tabular.Sheet(_("Behoeften"), rows)])


def _note(user, pk) -> NeedNote:
    note = NeedNote.objects.filter(pk=pk).select_related("organisation").first()
    if note is None:
        raise Http404
    return scoping.require_member(user, note, *WRITER_ROLES)


def _form_page(request, form, library, note=None):
    return render(
        request,
        "needs/note_form.html",
        {
            "staff_nav": NAV,
            "form": form,
            "library": library,
            "note": note,
            "error_summary": form.error_summary() if form.is_bound else [],
            "cancel_url": reverse("needs:index") + _query(library, [library, library]),
        },
    )


@staff_required
def note_new(request):
    library, _libraries = _library(request.user, request.GET.get("org", ""))
    if not _writes(request.user, library):
        raise PermissionDenied(_("Alleen specialisten en teamleiders schrijven notities."))
    form = NoteForm(posted(request), municipalities=selectors.municipalities_of(library))
    if request.method == "POST" and form.is_valid():
        services.save_note(library=library, author=request.user, **form.cleaned_data)
        messages.success(request, _("De notitie is bewaard."))
        return redirect(reverse("needs:index") + _query(library, [library, library]))
    return _form_page(request, form, library)


@staff_required
def note_edit(request, pk):
    note = _note(request.user, pk)
    library = note.organisation
    initial = {
        "text": note.text,
        "noted_on": note.noted_on,
        "municipality": note.municipality_id,
        "theme": note.theme_id,
    }
    form = NoteForm(
        posted(request), initial=initial, municipalities=selectors.municipalities_of(library)
    )
    if request.method == "POST" and form.is_valid():
        services.save_note(library=library, author=note.author, note=note, **form.cleaned_data)
        messages.success(request, _("De notitie is gewijzigd."))
        return redirect(reverse("needs:index") + _query(library, [library, library]))
    return _form_page(request, form, library, note)


@staff_required
@require_POST
def note_delete(request, pk):
    note = _note(request.user, pk)
    library = note.organisation
    services.delete_note(note)
    messages.success(request, _("De notitie is verwijderd."))
    return redirect(reverse("needs:index") + _query(library, [library, library]))
