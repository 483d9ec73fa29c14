"""Staff back office for offer templates (sjablonen): the list of templates a user may see, a
template page, create and edit (KB-beheerder, POI adviser), adopting one (libraries), and the
suggestions to take over a template's new version. Thin: writes go through services, reads
through selectors, access through organisations.scoping."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import selectors, services
from ontwikkelplein.catalogue.forms import AdoptTemplateForm, OfferTemplateForm
from ontwikkelplein.catalogue.models import LANGUAGE_CHOICES
from ontwikkelplein.catalogue.views.staff import form_page
from ontwikkelplein.core.forms import add_service_errors, posted
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.organisations.views.access import (
    require_editable,
    require_readable,
    staff_required,
)


def _template(request, pk):
    return require_readable(selectors.staff_template(request.user, pk))


def _owners(user):
    return Organisation.objects.filter(pk__in=selectors.template_owner_ids(user)).order_by("name")


@staff_required
def template_list(request):
    user = request.user
    templates = list(selectors.templates_for_staff(user))
    editable = list(scoping.editable_organisations(user))
    covering = selectors.covering_poi_ids([o.pk for o in editable]) if editable else set()
    owner_ids = selectors.template_owner_ids(user)
    rows = [
        {
            "template": template,
            "can_adopt": bool(editable) and (template.is_national or template.owner_id in covering),
            "can_edit": template.owner_id in owner_ids,
        }
        for template in templates
    ]
    return render(
        request,
        "catalogue/staff/template_list.html",
        {
            "rows": rows,
            "can_create": bool(owner_ids),
            "suggestion_count": len(selectors.template_suggestions(user)) if editable else 0,
            "staff_nav": "templates",
        },
    )


@staff_required
def template_detail(request, pk):
    template = _template(request, pk)
    user = request.user
    names = dict(LANGUAGE_CHOICES)
    return render(
        request,
        "catalogue/staff/template_detail.html",
        {
            "template": template,
            "can_edit": template.owner_id in selectors.template_owner_ids(user),
            "can_adopt": bool(selectors.adopting_organisations(user, template)),
            "adoptions": selectors.adoptions_of(template, user),
            "language_names": [str(names.get(c, c)) for c in template.languages],
            "staff_nav": "templates",
        },
    )


@staff_required
def template_create(request):
    owners = _owners(request.user)
    if not owners:
        raise PermissionDenied(_("Alleen de KB en de POI's maken sjablonen."))
    form = OfferTemplateForm(posted(request), owners=owners)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            template = services.create_template(request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het sjabloon is opgeslagen."))
            return redirect("catalogue:staff-template-detail", pk=template.pk)
    return _form_page(request, form, template=None)


@staff_required
def template_edit(request, pk):
    template = _template(request, pk)
    if template.owner_id not in selectors.template_owner_ids(request.user):
        raise PermissionDenied(_("Je mag dit sjabloon alleen bekijken, niet wijzigen."))
    form = OfferTemplateForm(posted(request), instance=template, owners=_owners(request.user))
    if request.method == "POST" and form.is_valid():
        version = template.version
        try:
            saved = services.update_template(request.user, template, **dict(form.cleaned_data))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if saved.version != version:
                messages.success(
                    request,
                    _(
                        "Het sjabloon is opgeslagen als versie %(version)s. Bibliotheken die het "
                        "hebben overgenomen, zien de wijziging als voorstel."
                    )
                    % {"version": saved.version},
                )
            else:
                messages.success(request, _("Er was niets veranderd."))
            return redirect("catalogue:staff-template-detail", pk=template.pk)
    return _form_page(request, form, template=template)


def _form_page(request, form, template):
    return form_page(
        request, "catalogue/staff/template_form.html", form, nav="templates", template=template
    )


@staff_required
def template_adopt(request, pk):
    template = _template(request, pk)
    organisations = selectors.adopting_organisations(request.user, template)
    if not organisations:
        raise PermissionDenied(_("Je mag geen aanbod toevoegen met dit sjabloon."))
    form = AdoptTemplateForm(posted(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        publish = request.POST.get("actie") == "publiceren"
        try:
            offer = services.adopt_template(
                request.user,
                template,
                organisation=data["organisation"],
                locations=data["locations"],
                schedule=form.schedule(),
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
                publish=publish,
            )
        except services.OfferIncomplete as error:
            form.add_error(None, error)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if publish:
                messages.success(
                    request, _("Het aanbod is gepubliceerd. Iedereen kan het nu vinden.")
                )
            else:
                messages.success(
                    request,
                    _("Het aanbod is opgeslagen als concept. Publiceer het als alles klopt."),
                )
            return redirect("catalogue:staff-offer-preview", pk=offer.pk)
    return form_page(
        request, "catalogue/staff/template_adopt.html", form, nav="templates", template=template
    )


@staff_required
def suggestions(request):
    return render(
        request,
        "catalogue/staff/template_suggestions.html",
        {
            "suggestions": selectors.template_suggestions(request.user),
            "staff_nav": "templates",
        },
    )


@staff_required
def suggestion(request, pk):
    offer = require_readable(selectors.staff_offer(request.user, pk))
    require_editable(request.user, offer.organisation_id)
    error = ""
    if request.method == "POST":
        action = request.POST.get("actie")
        try:
            if action == "overnemen":
                services.accept_template_version(
                    request.user,
                    offer,
                    version=_int(request.POST.get("versie")),
                    fields=request.POST.getlist("velden"),
                )
                messages.success(request, _("De nieuwe versie van het sjabloon is overgenomen."))
                return redirect("catalogue:staff-offer-preview", pk=offer.pk)
            if action == "negeren":
                services.dismiss_template_version(request.user, offer)
                messages.success(
                    request,
                    _(
                        "Het aanbod blijft zoals het is. Je ziet pas weer een voorstel bij een "
                        "volgende versie van het sjabloon."
                    ),
                )
                return redirect("catalogue:staff-template-suggestions")
            error = _("Kies Overnemen of Niet overnemen.")
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(
        request,
        "catalogue/staff/template_suggestion.html",
        {
            "offer": offer,
            "suggestion": selectors.template_suggestion(offer),
            "error": error,
            "staff_nav": "templates",
        },
    )


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
