"""The learning materials' pages (productencatalogus). Searching and reading: every staff member;
adding and changing: the KB and the POIs the national list, a library's editors its own
(materials/selectors.py); choosing the materials of an offer or a course run: who may change
that offer or run."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import Offer, Taxonomy
from ontwikkelplein.core.forms import FieldError, add_field_error, errors_for_summary
from ontwikkelplein.core.views import form_page
from ontwikkelplein.courses.selectors import run_for_user
from ontwikkelplein.desk.screen_selectors import may_use_desk
from ontwikkelplein.materials import selectors, services
from ontwikkelplein.materials.forms import LinkForm, MaterialForm
from ontwikkelplein.materials.models import Cost, Form, Kind
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required

NAV = "materials"
# The desk screen opens with this question filled in (desk/favourites.py PREFILLS).
REGISTER_KEY = "leermiddel"
BASE = "core/staff/base.html"


@staff_required
def search(request):
    filters = selectors.read_filters(request.GET)
    result = selectors.search(request.user, filters)
    return render(
        request,
        "materials/search.html",
        {
            "filters": filters,
            "result": result,
            "themes": selectors.terms(Taxonomy.THEME),
            "target_groups": selectors.terms(Taxonomy.TARGET_GROUP),
            "levels": selectors.terms(Taxonomy.LEVEL),
            "forms": Form.choices,
            "kinds": Kind.choices,
            "costs": [
                ("gratis", _("Gratis of landelijk ingekocht")),
                ("landelijk", Cost.NATIONAL.label),
            ],
            "filtered": any(
                (
                    filters.text,
                    filters.theme,
                    filters.target_group,
                    filters.level,
                    filters.form,
                    filters.kind,
                    filters.cost,
                )
            ),
            "may_add": selectors.may_add(request.user),
            "register_url": reverse("desk:screen") + f"?vraag={REGISTER_KEY}#vragen-titel"
            if may_use_desk(request.user)
            else "",
            "staff_nav": NAV,
        },
    )


@staff_required
def detail(request, pk):
    material = selectors.material_for(request.user, pk)
    offers = scoping.visible_for(request.user, material.offers.all()).order_by("title")
    runs = material.runs.filter(
        organisation__in=scoping.readable_organisations(request.user)
    ).select_related("offer", "location")
    return render(
        request,
        "materials/detail.html",
        {
            "material": material,
            "offers": offers,
            "runs": runs,
            "may_edit": selectors.may_edit(request.user, material),
            "staff_nav": NAV,
        },
    )


def _material_form_page(request, form, heading, back, back_text):
    response = form_page(
        request,
        form,
        base=BASE,
        heading=heading,
        error_summary=errors_for_summary(form) if form.is_bound else [],
        back=(back, back_text),
        cancel_url=back,
        grouped=True,
        staff_nav=NAV,
    )
    if form.is_bound:
        response.status_code = 400
    return response


def _save(request, form):
    try:
        material = services.save_material(request.user, form)
    except FieldError as error:
        add_field_error(form, error)
        return None
    return material


@staff_required
def create(request):
    if not selectors.may_add(request.user):
        raise PermissionDenied(_("Je mag geen leermiddelen toevoegen."))
    form = MaterialForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        material = _save(request, form)
        if material is not None:
            messages.success(request, _("Het leermiddel staat in de catalogus."))
            return redirect("materials:detail", pk=material.pk)
    return _material_form_page(
        request,
        form,
        _("Leermiddel toevoegen"),
        reverse("materials:search"),
        _("Terug naar de leermiddelen"),
    )


@staff_required
def edit(request, pk):
    material = selectors.material_for(request.user, pk)
    if not selectors.may_edit(request.user, material):
        raise PermissionDenied(_("Je mag dit leermiddel alleen bekijken, niet wijzigen."))
    form = MaterialForm(request.POST or None, instance=material, user=request.user)
    if request.method == "POST" and form.is_valid():
        material = _save(request, form)
        if material is not None:
            messages.success(request, _("Het leermiddel is bijgewerkt."))
            return redirect("materials:detail", pk=material.pk)
    return _material_form_page(
        request,
        form,
        _("%(name)s aanpassen") % {"name": material.name},
        reverse("materials:detail", args=[material.pk]),
        _("Terug naar het leermiddel"),
    )


def _link_page(request, target, link, heading, back, back_text):
    current = target.materials.all()
    form = LinkForm(request.POST or None, user=request.user, initial={"materials": current})
    if request.method == "POST" and form.is_valid():
        link(request.user, target, form.cleaned_data["materials"])
        messages.success(request, _("De leermiddelen zijn opgeslagen."))
        return redirect(back)
    response = form_page(
        request,
        form,
        base=BASE,
        heading=heading,
        lead=str(target),
        intro=_(
            "Welke leermiddelen gebruiken jullie hierbij? Collega's zien ze op de pagina; "
            "bij aanbod ziet de inwoner de naam ook."
        ),
        error_summary=errors_for_summary(form) if form.is_bound else [],
        back=(back, back_text),
        cancel_url=back,
        staff_nav=NAV,
    )
    if form.is_bound:
        response.status_code = 400
    return response


@staff_required
def offer_materials(request, pk):
    offer = scoping.visible_for(request.user, Offer.objects.filter(pk=pk)).first()
    scoping.require_edit(request.user, offer)
    return _link_page(
        request,
        offer,
        services.link_offer,
        _("Leermiddelen bij dit aanbod"),
        reverse("catalogue:staff-offer-preview", args=[offer.pk]),
        _("Terug naar het aanbod"),
    )


@staff_required
def run_materials(request, pk):
    run = run_for_user(request.user, pk)
    scoping.require_edit(request.user, run)
    return _link_page(
        request,
        run,
        services.link_run,
        _("Leermiddelen bij deze uitvoering"),
        reverse("courses:staff-run-detail", args=[run.pk]),
        _("Terug naar de uitvoering"),
    )
