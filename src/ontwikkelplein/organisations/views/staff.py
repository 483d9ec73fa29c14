"""Staff pages for an organisation's locations. Thin: writes go through services, reads through
selectors, access through views.access (which uses scoping)."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ontwikkelplein.core.forms import formset_errors_for_summary, posted
from ontwikkelplein.organisations import scoping, selectors, services
from ontwikkelplein.organisations.calendar import planned_conflicts
from ontwikkelplein.organisations.forms import (
    LocationForm,
    closures_formset,
    formset_rows,
    opening_hours_formset,
    opening_hours_rows,
    special_hours_formset,
)
from ontwikkelplein.organisations.views.access import (
    require_editable,
    require_editor,
    require_readable,
    staff_required,
)


@staff_required
def location_list(request):
    readable = scoping.readable_organisations(request.user)
    organisation = None
    organisation_id = request.GET.get("organisatie", "")
    if _is_uuid(organisation_id):
        organisation = readable.filter(pk=organisation_id).first()
    locations = list(selectors.locations_for_staff(request.user, organisation=organisation))
    editable_ids = set(scoping.editable_organisations(request.user).values_list("pk", flat=True))
    for location in locations:
        location.can_edit = location.organisation_id in editable_ids
    return render(
        request,
        "organisations/location_list.html",
        {
            "locations": locations,
            "organisations": readable,
            "selected_organisation": organisation,
            "can_create": bool(editable_ids),
            "staff_nav": "locations",
        },
    )


@staff_required
def location_create(request):
    require_editor(request.user)
    form = LocationForm(posted(request), user=request.user)
    formset = opening_hours_formset(posted(request))
    calendar = _calendar_formsets(request, None)
    if request.method == "POST" and _valid(form, formset, *calendar.values()):
        data = dict(form.cleaned_data)
        try:
            location = services.create_location(
                request.user,
                opening_hours=opening_hours_rows(formset),
                **_calendar_rows(calendar),
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _saved_message(location))
            return redirect("organisations:location-list")
    return _form_page(request, form, formset, calendar, location=None)


@staff_required
def location_edit(request, pk):
    location = require_readable(selectors.location_for_staff(request.user, pk))
    require_editable(request.user, location.organisation_id)
    form = LocationForm(posted(request), instance=location, user=request.user)
    formset = opening_hours_formset(posted(request), location=location)
    calendar = _calendar_formsets(request, location)
    if request.method == "POST" and _valid(form, formset, *calendar.values()):
        data = dict(form.cleaned_data)
        try:
            location = services.update_location(
                request.user,
                location,
                opening_hours=opening_hours_rows(formset),
                **_calendar_rows(calendar),
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _saved_message(location))
            conflicts = planned_conflicts(location, timezone.localdate())
            if conflicts:
                # Stay on the page, which lists them with links.
                messages.warning(
                    request,
                    ngettext(
                        "Let op: %(n)s ding staat gepland op een dag dat de locatie dicht is. "
                        "Je ziet het hieronder.",
                        "Let op: %(n)s dingen staan gepland op een dag dat de locatie dicht is. "
                        "Je ziet ze hieronder.",
                        len(conflicts),
                    )
                    % {"n": len(conflicts)},
                )
                return redirect("organisations:location-edit", pk=location.pk)
            return redirect("organisations:location-list")
    return _form_page(request, form, formset, calendar, location=location)


def _calendar_formsets(request, location) -> dict:
    """The closed days and exceptional hours. A post without their rows at all (an older form,
    a script) leaves the stored ones as they are."""
    data = posted(request)

    def sent(prefix):
        return data if data is not None and f"{prefix}-TOTAL_FORMS" in data else None

    return {
        "closures": closures_formset(sent("sluitingsdagen"), location=location),
        "special_hours": special_hours_formset(sent("afwijkend"), location=location),
    }


def _calendar_rows(calendar: dict) -> dict:
    return {
        name: formset_rows(formset) if formset.is_bound else None
        for name, formset in calendar.items()
    }


def _valid(form, *formsets) -> bool:
    # Validate all, so all errors are shown at once; a formset that was not sent is left alone.
    results = [form.is_valid(), *(f.is_valid() for f in formsets if f.is_bound)]
    return all(results)


def _form_page(request, form, formset, calendar, location):
    errors = []
    if form.is_bound:
        errors = (
            form.error_summary()
            + formset_errors_for_summary(formset, _("Openingstijd %(n)s"))
            + formset_errors_for_summary(calendar["closures"], _("Sluitingsdag %(n)s"))
            + formset_errors_for_summary(
                calendar["special_hours"], _("Afwijkende openingstijd %(n)s")
            )
        )
    return render(
        request,
        "organisations/location_form.html",
        {
            "form": form,
            "formset": formset,
            "closures_formset": calendar["closures"],
            "special_hours_formset": calendar["special_hours"],
            "location": location,
            # What is planned on its closed days (organisations/calendar.py, planned_conflicts).
            "conflicts": planned_conflicts(location, timezone.localdate()) if location else [],
            "error_summary": errors,
            "staff_nav": "locations",
        },
        status=200,
    )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _saved_message(location) -> str:
    return _("De locatie %(name)s is opgeslagen.") % {"name": location.name}
