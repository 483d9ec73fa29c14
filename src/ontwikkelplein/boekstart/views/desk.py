"""BoekStart at the desk (/balie/boekstart/): one tap registers a voucher, a case or a baby's
first membership, on the desk's location and today. The desk screen shows the same form as a
panel (menu.py), so it is one tap from there too. Works without JavaScript."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.boekstart import permissions, selectors, services
from ontwikkelplein.boekstart.forms import RegistrationForm
from ontwikkelplein.boekstart.models import Kind
from ontwikkelplein.core.forms import add_service_errors, errors_for_summary
from ontwikkelplein.desk.screen_selectors import current_desk_location
from ontwikkelplein.organisations.views.access import staff_required


def register_required(view):
    def wrapper(request, *args, **kwargs):
        if not permissions.may_register(request.user):
            raise PermissionDenied(
                _("BoekStart registreren doen medewerkers van een bibliotheek aan de balie.")
            )
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return staff_required(wrapper)


def initial_location(request, locations):
    location = current_desk_location(request.user, request.COOKIES)
    ids = {loc.pk for loc in locations}
    if location is not None and location.pk in ids:
        return location
    return locations.first()


def form_context(request, form=None) -> dict:
    locations = permissions.registering_locations(request.user)
    if form is None:
        form = RegistrationForm(
            initial={"location": initial_location(request, locations)}, locations=locations
        )
    return {
        "form": form,
        "kinds": Kind.choices,
        "single_location": locations.first() if locations.count() == 1 else None,
    }


@register_required
def register(request):
    locations = permissions.registering_locations(request.user)
    form = None
    if request.method == "POST":
        form = RegistrationForm(request.POST, locations=locations)
        if form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.register(
                    user=request.user,
                    location=data["location"],
                    kind=data["wat"],
                    day=data["datum"],
                    postcode_area=data["postcode"],
                    via=data["via"],
                )
            except ValidationError as error:
                add_service_errors(
                    form,
                    ValidationError(
                        {
                            {"kind": "wat", "day": "datum", "postcode_area": "postcode"}.get(
                                k, k
                            ): v
                            for k, v in error.message_dict.items()
                        }
                    ),
                )
            except PermissionDenied as error:
                form.add_error("location", str(error))
            else:
                messages.success(
                    request,
                    _("Geregistreerd: %(what)s, %(place)s.")
                    % {
                        "what": registration.get_kind_display(),
                        "place": registration.location.name,
                    },
                )
                back = (
                    "desk:screen" if request.POST.get("terug") == "balie" else "boekstart:register"
                )
                return redirect(back)
    context = form_context(request, form)
    context.update(
        staff_nav="boekstart",
        error_summary=errors_for_summary(form) if form is not None else [],
        recent=[
            {"registration": r, "can_remove": services.can_remove(r, request.user)}
            for r in selectors.recent_registrations(request.user)
        ],
    )
    return render(request, "boekstart/register.html", context)


@register_required
@require_POST
def remove(request, pk):
    registration = selectors.own_registration(request.user, pk)
    if registration is None:
        raise Http404
    try:
        services.remove(registration, user=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De registratie is weggehaald."))
    return redirect("boekstart:register")
