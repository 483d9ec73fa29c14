"""Staff back office for offers. Thin: writes go through services, reads through selectors,
access through organisations.views.access (which asks organisations.scoping).

Another organisation's offer answers 404 (its existence is not revealed); an offer the user
may read but not change (POI adviser, KB-beheerder, front desk) answers 403 to a change."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.catalogue import selectors, services
from ontwikkelplein.catalogue.forms import (
    LANGUAGE_CHOICES,
    DatedScheduleForm,
    OfferForm,
    OfferTranslationsForm,
    StaffOfferFilterForm,
    WeeklyScheduleForm,
)
from ontwikkelplein.catalogue.models import ScheduleKind
from ontwikkelplein.catalogue.views import suggest
from ontwikkelplein.core.forms import add_service_errors, errors_for_summary, posted
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import (
    require_editable,
    require_editor,
    require_readable,
    staff_required,
)

OFFERS_PER_PAGE = 25
UNMATCHED_PER_PAGE = 50


def _readable_offer(request, pk):
    return require_readable(selectors.staff_offer(request.user, pk))


def _editable_offer(request, pk):
    offer = _readable_offer(request, pk)
    require_editable(request.user, offer.organisation_id)
    return offer


def _page(request, items, per_page):
    return Paginator(items, per_page).get_page(request.GET.get("pagina"))


@staff_required
def offer_list(request):
    form = StaffOfferFilterForm(request.GET or None, user=request.user)
    filters = form.values() if form.is_bound else {}
    offers = selectors.offers_for_staff(request.user, **filters)
    page = _page(request, offers, OFFERS_PER_PAGE)
    editable_ids = set(scoping.editable_organisations(request.user).values_list("pk", flat=True))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "catalogue/staff/offer_list.html",
        {
            "form": form,
            "page": page,
            "editable_ids": editable_ids,
            "can_create": bool(editable_ids),
            "query": query.urlencode(),
            "staff_nav": "offers",
        },
    )


@staff_required
def offer_create(request):
    require_editor(request.user)
    if suggest.wants_suggestion(request):
        form, suggestion = suggest.suggested_form(request, OfferForm, user=request.user)
        return _form_page(request, form, offer=None, suggestion=suggestion)
    form = OfferForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        locations = data.pop("locations")
        try:
            offer = services.create_offer(request.user, locations=locations, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het aanbod is opgeslagen als concept."))
            return redirect("catalogue:staff-offer-preview", pk=offer.pk)
    return _form_page(request, form, offer=None)


@staff_required
def offer_edit(request, pk):
    offer = _editable_offer(request, pk)
    if suggest.wants_suggestion(request):
        form, suggestion = suggest.suggested_form(
            request, OfferForm, instance=offer, user=request.user
        )
        return _form_page(request, form, offer=offer, suggestion=suggestion)
    form = OfferForm(posted(request), instance=offer, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        locations = data.pop("locations")
        try:
            services.update_offer(request.user, offer, locations=locations, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("catalogue:staff-offer-preview", pk=offer.pk)
    return _form_page(request, form, offer=offer)


def form_page(request, template_name: str, form, *, nav: str, **context):
    """A staff page with a form: the form, its error summary once it was sent, and the staff
    menu's current item (`nav`). Offers and templates use it."""
    summary = form.error_summary() if form.is_bound else []
    context.update(form=form, error_summary=summary, staff_nav=nav)
    return render(request, template_name, context)


def _form_page(request, form, offer, suggestion=None):
    return form_page(
        request,
        "catalogue/staff/offer_form.html",
        form,
        nav="offers",
        offer=offer,
        suggestion=suggestion,
        suggested=suggestion is not None,
    )


@staff_required
def offer_preview(request, pk):
    offer = _readable_offer(request, pk)
    language_names = dict(LANGUAGE_CHOICES)
    return render(
        request,
        "catalogue/staff/offer_preview.html",
        {
            "offer": offer,
            "language_names": [str(language_names.get(c, c)) for c in offer.languages],
            "can_edit": scoping.can_edit(request.user, offer.organisation_id),
            "missing": services.missing_for_publication(offer),
            "staff_nav": "offers",
        },
    )


@staff_required
def offer_schedules(request, pk):
    offer = _editable_offer(request, pk)
    offer_locations = list(offer.offer_locations.all())
    bound = {}  # (kind, offer location id) -> the one form that was submitted
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "delete":
            return _delete_schedule(request, offer)
        offer_location = _offer_location(offer_locations, request.POST.get("offer_location"))
        kind = {"add-weekly": ScheduleKind.WEEKLY, "add-dated": ScheduleKind.DATED}.get(action)
        if kind is None:
            raise Http404
        form_class = WeeklyScheduleForm if kind == ScheduleKind.WEEKLY else DatedScheduleForm
        index = offer_locations.index(offer_location)
        form = form_class(request.POST, prefix=_prefix(kind, index))
        if form.is_valid():
            try:
                services.add_schedule(request.user, offer_location, kind=kind, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De tijd is toegevoegd."))
                return redirect("catalogue:staff-offer-schedules", pk=offer.pk)
        bound[(kind, offer_location.pk)] = form

    places = []
    error_summary = []
    for index, offer_location in enumerate(offer_locations):
        weekly = bound.get((ScheduleKind.WEEKLY, offer_location.pk)) or WeeklyScheduleForm(
            prefix=_prefix(ScheduleKind.WEEKLY, index)
        )
        dated = bound.get((ScheduleKind.DATED, offer_location.pk)) or DatedScheduleForm(
            prefix=_prefix(ScheduleKind.DATED, index)
        )
        for form in (weekly, dated):
            if form.is_bound:
                error_summary += errors_for_summary(
                    form, label_prefix=f"{offer_location.location.name} – "
                )
        places.append({"offer_location": offer_location, "weekly": weekly, "dated": dated})
    return render(
        request,
        "catalogue/staff/offer_schedules.html",
        {
            "offer": offer,
            "places": places,
            "error_summary": error_summary,
            "staff_nav": "offers",
        },
    )


def _prefix(kind, index: int) -> str:
    # Unique per form on the page, so every control has its own id.
    return f"{ScheduleKind(kind).value}-{index}"


def _offer_location(offer_locations, pk):
    # Only this offer's own places; anything else is not found.
    for offer_location in offer_locations:
        if str(offer_location.pk) == str(pk):
            return offer_location
    raise Http404


def _delete_schedule(request, offer):
    schedule_id = request.POST.get("schedule", "")
    schedules = {
        str(schedule.pk): schedule
        for offer_location in offer.offer_locations.all()
        for schedule in offer_location.schedules.all()
    }
    schedule = schedules.get(schedule_id)
    if schedule is None:
        raise Http404
    services.delete_schedule(request.user, schedule)
    messages.success(request, _("De tijd is verwijderd."))
    return redirect("catalogue:staff-offer-schedules", pk=offer.pk)


@staff_required
@require_POST
def offer_publish(request, pk):
    offer = _editable_offer(request, pk)
    try:
        services.publish_offer(request.user, offer)
    except services.OfferIncomplete as error:
        messages.error(
            request,
            _("Het aanbod is nog niet gepubliceerd. %(missing)s")
            % {"missing": " ".join(error.messages)},
        )
    else:
        messages.success(request, _("Het aanbod is gepubliceerd. Iedereen kan het nu vinden."))
    return redirect("catalogue:staff-offer-preview", pk=offer.pk)


@staff_required
@require_POST
def offer_archive(request, pk):
    offer = _editable_offer(request, pk)
    services.archive_offer(request.user, offer)
    messages.success(request, _("Het aanbod is gearchiveerd. Het staat niet meer op de website."))
    return redirect("catalogue:staff-offer-preview", pk=offer.pk)


@staff_required
@require_POST
def offer_verify(request, pk):
    offer = _editable_offer(request, pk)
    services.verify_offer(request.user, offer)
    messages.success(request, _("Gecontroleerd: het aanbod klopt nog."))
    if request.POST.get("next") == "to-verify":
        return redirect("catalogue:staff-to-verify")
    return redirect("catalogue:staff-offer-preview", pk=offer.pk)


@staff_required
def to_verify(request):
    offers = selectors.offers_to_verify(request.user)
    return render(
        request,
        "catalogue/staff/to_verify.html",
        {
            "page": _page(request, offers, OFFERS_PER_PAGE),
            "verify_after_days": settings.ONTWIKKELPLEIN_VERIFY_AFTER_DAYS,
            "can_edit_any": scoping.editable_organisations(request.user).exists(),
            "staff_nav": "to-verify",
        },
    )


@staff_required
def unmatched_searches(request):
    return render(
        request,
        "catalogue/staff/unmatched_searches.html",
        {
            "page": _page(request, selectors.unmatched_searches(), UNMATCHED_PER_PAGE),
            "is_kb_admin": scoping.is_kb_admin(request.user),
            "staff_nav": "unmatched",
        },
    )


@staff_required
def offer_translations(request, pk):
    """The library's translations of an offer's title and summary, per resident language."""
    offer = _editable_offer(request, pk)
    form = OfferTranslationsForm(posted(request), offer=offer)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_offer_translations(offer, form.texts())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De vertalingen zijn opgeslagen."))
            return redirect("catalogue:staff-offer-preview", pk=offer.pk)
    return render(
        request,
        "catalogue/staff/offer_translations.html",
        {
            "offer": offer,
            "form": form,
            "error_summary": errors_for_summary(form) if form.is_bound else [],
            "staff_nav": "offers",
        },
    )
