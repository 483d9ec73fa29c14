"""The library's side: suggested changes from offers' contacts to accept or dismiss, and the
figures of verified offers. Access through organisations.scoping."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.core.figures.page import figure_request
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM
from ontwikkelplein.core.forms import add_field_error, errors_for_summary
from ontwikkelplein.core.tabular import download
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.views.access import require_editable, staff_required
from ontwikkelplein.verification import figures as verification_figures
from ontwikkelplein.verification import selectors, services
from ontwikkelplein.verification.forms import IntervalForm


@staff_required
def suggestions(request):
    return render(
        request,
        "verification/staff/suggestions.html",
        {
            "suggestions": selectors.pending_suggestions(request.user),
            "can_edit_any": scoping.editable_organisations(request.user).exists(),
            "may_set_interval": scoping.team_led_organisations(request.user).exists(),
            "staff_nav": "offer-suggestions",
        },
    )


def _suggestion(request, pk):
    """A pending suggestion on an offer the user may read (else 404: unknown, decided or of an
    organisation the user may not read), and change (else 403)."""
    suggestion = selectors.pending_suggestion(request.user, pk)
    if suggestion is None:
        raise Http404
    require_editable(request.user, suggestion.offer.organisation_id)
    return suggestion


@staff_required
@require_POST
def accept(request, pk):
    suggestion = _suggestion(request, pk)
    try:
        services.accept_suggestion(request.user, suggestion)
    except services.VerificationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("verification:suggestions")
    if suggestion.is_direct:
        messages.success(request, _("De wijziging staat nu in het aanbod."))
        return redirect("verification:suggestions")
    messages.success(
        request,
        _("Het voorstel is overgenomen. Pas het aanbod zelf aan als je dat nog niet deed."),
    )
    return redirect("catalogue:staff-offer-edit", pk=suggestion.offer_id)


@staff_required
@require_POST
def dismiss(request, pk):
    suggestion = _suggestion(request, pk)
    try:
        services.dismiss_suggestion(request.user, suggestion)
    except services.VerificationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Het voorstel is genegeerd."))
    return redirect("verification:suggestions")


def _figure_request(request):
    scopes = figure_scopes(request.user)
    if not scopes:
        raise PermissionDenied(_("Je hebt geen toegang tot deze cijfers."))
    return figure_request(request.GET, scopes, compare=False)


@staff_required
def figures_export(request):
    fr = _figure_request(request)
    result = verification_figures.figures(fr.scope, today=fr.today)
    return download(
        request.GET.get(FORMAT_PARAM, "csv"),
        f"actueel-aanbod-{fr.scope.level}-{fr.today.isoformat()}",
        verification_figures.figures_sheets(result),
    )


@staff_required
def figures_page(request):
    fr = _figure_request(request)
    base = reverse("verification:figures-export")
    return render(
        request,
        "verification/staff/figures.html",
        {
            **fr.context(),
            "figures": verification_figures.figures(fr.scope, today=fr.today),
            "staff_nav": "offer-verification-figures",
            "csv_url": fr.export_url(base, "csv"),
            "xlsx_url": fr.export_url(base, "xlsx"),
        },
    )


@staff_required
def settings_view(request):
    """A team leader chooses, per organisation they lead, how often the contacts are asked."""
    user = request.user
    organisation, organisations = scoping.team_led_choice(
        user, request.GET.get("org") or request.POST.get("org")
    )
    status = 200
    if request.method == "POST":
        form = IntervalForm(request.POST)
        if form.is_valid():
            try:
                services.set_interval(user, organisation, form.cleaned_data["interval_months"])
            except services.VerificationError as error:
                add_field_error(form, error)
            else:
                messages.success(request, _("De instellingen zijn opgeslagen."))
                return redirect(f"{reverse('verification:settings')}?org={organisation.pk}")
        status = 400
    else:
        form = IntervalForm(initial={"interval_months": services.interval_months(organisation)})
    return render(
        request,
        "verification/staff/settings.html",
        {
            "form": form,
            "organisation": organisation,
            "organisations": organisations,
            "error_summary": errors_for_summary(form) if form.is_bound else [],
            "staff_nav": "offer-suggestions",
        },
        status=status,
    )
