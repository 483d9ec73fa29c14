"""The leeswijzer for staff: the search at the desk (/balie/leeswijzer/) and the table a library
keeps (/beheer/leeswijzer/). Thin: answers from selectors, changes through services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.core.forms import add_service_errors, errors_for_summary, posted
from ontwikkelplein.core.views import form_page
from ontwikkelplein.desk.screen_selectors import current_desk_location, may_use_desk
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.readingguide import permissions, selectors, services
from ontwikkelplein.readingguide.forms import LabelForm
from ontwikkelplein.readingguide.models import Label

BASE = "core/staff/base.html"
# The desk screen opens with this question filled in (desk/favourites.py PREFILLS).
REGISTER_KEY = "leesadvies"


def _origin(request):
    if not may_use_desk(request.user):
        return None, None
    location = current_desk_location(request.user, request.COOKIES)
    if location is None or location.latitude is None or location.longitude is None:
        return location, None
    return location, (location.latitude, location.longitude)


@staff_required
def desk_guide(request):
    organisation = permissions.guide_organisation(request.user)
    table = selectors.table_for(organisation)
    answer = selectors.answer(table, request.GET.get("q", ""))
    location, origin = _origin(request)
    activities = selectors.activities(answer, origin) if answer.labels else []
    return render(
        request,
        "readingguide/desk.html",
        {
            "staff_nav": "readingguide",
            "table": table,
            "all_labels": selectors.labels(table),
            "answer": answer,
            "activities": activities,
            "location": location,
            "register_url": reverse("desk:screen") + f"?vraag={REGISTER_KEY}"
            if may_use_desk(request.user)
            else "",
            "may_manage": permissions.may_manage(request.user),
        },
    )


def _manage_required(request):
    if not permissions.may_manage(request.user):
        raise PermissionDenied(
            _("De leeswijzer aanpassen doen specialisten en teamleiders van een bibliotheek.")
        )


def _managed_table(user):
    """The table the user keeps: the national one for the KB, else the library's own (None
    while the library uses the national table)."""
    if scoping.is_kb_admin(user):
        return services.ensure_national_table()
    return selectors.own_table(permissions.guide_organisation(user))


@staff_required
def manage(request):
    _manage_required(request)
    organisation = (
        None if scoping.is_kb_admin(request.user) else permissions.guide_organisation(request.user)
    )
    table = _managed_table(request.user)
    in_use = table or selectors.national_table()
    return render(
        request,
        "readingguide/manage.html",
        {
            "staff_nav": "readingguide",
            "organisation": organisation,
            "table": table,
            "in_use": in_use,
            "all_labels": selectors.labels(in_use),
        },
    )


@staff_required
@require_POST
def copy_table(request):
    _manage_required(request)
    organisation = permissions.guide_organisation(request.user)
    try:
        services.copy_national_table(organisation, user=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Je bibliotheek heeft nu een eigen tabel. Pas de labels aan."))
    return redirect("readingguide:manage")


@staff_required
@require_POST
def use_national(request):
    _manage_required(request)
    organisation = permissions.guide_organisation(request.user)
    try:
        services.use_national_table(organisation, user=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Je bibliotheek gebruikt weer de landelijke tabel."))
    return redirect("readingguide:manage")


def _label(request, pk) -> Label:
    """A label the user may read (national, or of a readable library), else 404; 403 when the
    user may not change it."""
    label = get_object_or_404(Label.objects.select_related("table"), pk=pk)
    table = label.table
    if not table.national and not scoping.can_read(request.user, table.organisation_id):
        raise Http404
    if not permissions.may_edit_table(request.user, table):
        raise PermissionDenied(_("Je mag deze tabel niet aanpassen."))
    return label


def _label_form(request, label: Label, heading: str):
    form = LabelForm(posted(request), instance=label, table=label.table)
    if form.is_valid():
        try:
            services.save_label(label, form.cleaned_data, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het label is opgeslagen."))
            return redirect("readingguide:manage")
    return form_page(
        request,
        form,
        base=BASE,
        heading=heading,
        error_summary=errors_for_summary(form) if form.is_bound else [],
        back=(reverse("readingguide:manage"), _("Terug naar de tabel")),
        cancel_url=reverse("readingguide:manage"),
        staff_nav="readingguide",
        grouped=True,
        intro=_(
            "Vul de teksten in het Nederlands in. De vertalingen zijn niet verplicht: waar een"
            " vertaling leeg is, ziet een inwoner op de pagina in die taal de Nederlandse tekst."
        ),
    )


@staff_required
def label_edit(request, pk):
    label = _label(request, pk)
    return _label_form(request, label, _("Label %(code)s aanpassen") % {"code": label.code})


@staff_required
def label_new(request):
    _manage_required(request)
    table = _managed_table(request.user)
    if table is None:
        messages.error(
            request, _("Neem eerst de landelijke tabel over; dan kun je labels toevoegen.")
        )
        return redirect("readingguide:manage")
    position = (
        table.labels.order_by("-position").values_list("position", flat=True).first() or 0
    ) + 1
    return _label_form(request, Label(table=table, position=position), _("Label toevoegen"))


@staff_required
@require_POST
def label_delete(request, pk):
    label = _label(request, pk)
    services.delete_label(label, user=request.user)
    messages.success(request, _("Het label is verwijderd."))
    return redirect("readingguide:manage")
