"""The back-office page "Huisstijl": an organisation's display name, colours, logo, scope and
own address (docs/public-site.md, "Own branding and address"). Editors of an organisation set
it, as they keep its locations (scoping.editable_organisations); another organisation's answers
404, one the user may only read 403."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ontwikkelplein.core.forms import add_service_errors, posted
from ontwikkelplein.organisations import scoping, selectors, services
from ontwikkelplein.organisations.forms import BrandingForm
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.organisations.views.access import require_editor, staff_required
from ontwikkelplein.organisations.views.branding import (
    logo_url,
    preview_stylesheet_url,
    site_path,
)


@staff_required
def branding_start(request):
    """The page of the one organisation the user edits; a choice when there are several."""
    require_editor(request.user)
    organisations = list(selectors.brandable_organisations(request.user))
    if len(organisations) == 1:
        return _edit(request, organisations[0])
    for organisation in organisations:
        organisation.current_branding = selectors.branding_of(organisation)
    return render(
        request,
        "organisations/branding_list.html",
        {"organisations": organisations, "staff_nav": "branding"},
    )


@staff_required
def branding_edit(request, pk):
    organisation = scoping.require_edit(request.user, Organisation.objects.filter(pk=pk).first())
    return _edit(request, organisation)


def _edit(request, organisation):
    branding = selectors.branding_of(organisation)
    form = BrandingForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        initial=_initial(organisation, branding),
        has_logo=bool(branding and branding.logo),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_branding(
                request.user,
                organisation,
                logo=data.get("logo"),
                remove_logo=data.get("remove_logo", False),
                **{name: data.get(name, "") for name in services.BRANDING_FIELDS},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("De huisstijl is opgeslagen."))
            return redirect("branding:staff-edit", pk=organisation.pk)
    several = selectors.brandable_organisations(request.user).count() > 1
    return render(
        request,
        "organisations/branding_form.html",
        {
            "form": form,
            "organisation": organisation,
            "branding": branding,
            "several": several,
            "preview_css": preview_stylesheet_url(branding) if branding else "",
            "preview_logo": logo_url(branding) if branding else "",
            "site_url": request.build_absolute_uri(reverse("catalogue:home")),
            "branded_url": _branded_url(request, branding),
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": "branding",
        },
    )


def _branded_url(request, branding) -> str:
    if branding is None:
        return ""
    return request.build_absolute_uri(site_path(branding))


def _initial(organisation, branding) -> dict:
    if branding is None:
        return {
            "display_name": organisation.name,
            "slug": slugify(organisation.name)[:50].strip("-"),
            "primary_colour": "#1a4a8a",
            "accent_colour": "#ffd200",
            "scope": "municipalities",
        }
    return {name: getattr(branding, name) for name in services.BRANDING_FIELDS}
