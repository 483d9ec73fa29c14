"""The programme register's pages. Reading: the KB every library, a POI adviser the region's, a
library's specialists and team leaders their own. Keeping: the KB and the region's POI
(scoping.keeps_register); a library proposes changes to its own."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role
from ontwikkelplein.organisations.views.access import staff_required
from ontwikkelplein.participation import selectors, services
from ontwikkelplein.participation.forms import ParticipationForm, ProposalForm
from ontwikkelplein.participation.menu import REGISTER_ROLES
from ontwikkelplein.participation.models import Participation, Proposal, ProposalStatus

# Library staff who propose changes to their own library's register.
PROPOSER_ROLES = (Role.SPECIALIST, Role.TEAM_LEADER)


def _library(user, pk) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk, kind=OrganisationKind.LIBRARY).first()
    if organisation is None:
        raise Http404
    return scoping.require_read(user, organisation)


@staff_required
def overview(request):
    scoping.require_role(request.user, *REGISTER_ROLES)
    libraries = selectors.libraries_for(request.user)
    keeps = [lib for lib in libraries if scoping.keeps_register(request.user, lib)]
    return render(
        request,
        "participation/overview.html",
        {
            "counts": selectors.scheme_counts(libraries),
            "libraries": libraries,
            "scope_label": _scope_label(request.user),
            "proposals": selectors.pending_proposals(keeps) if keeps else [],
            "staff_nav": "programme-register",
        },
    )


def _scope_label(user) -> str:
    if scoping.is_kb_admin(user):
        return _("Alle bibliotheken in Nederland")
    if scoping.is_poi_adviser(user):
        return _("De bibliotheken in je regio")
    return _("Je eigen bibliotheek")


@staff_required
def library(request, pk):
    scoping.require_role(request.user, *REGISTER_ROLES)
    organisation = _library(request.user, pk)
    keeps = scoping.keeps_register(request.user, organisation)
    own = scoping.has_role_in(request.user, organisation, *PROPOSER_ROLES)
    return render(
        request,
        "participation/library.html",
        {
            "organisation": organisation,
            "participations": selectors.register_of(organisation),
            "keeps": keeps,
            "proposal_form": ProposalForm() if own else None,
            "proposals": selectors.pending_proposals([organisation]),
            "staff_nav": "programme-register",
        },
    )


def _form_page(request, form, organisation, heading):
    return render(
        request,
        "participation/form.html",
        {
            "form": form,
            "organisation": organisation,
            "heading": heading,
            "error_summary": form.error_summary() if form.is_bound else [],
            "staff_nav": "programme-register",
        },
    )


@staff_required
def add(request, pk):
    organisation = _library(request.user, pk)
    scoping.require_register_keeper(request.user, organisation)
    form = ParticipationForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        services.save_participation(request.user, form)
        messages.success(request, _("De deelname staat in het register."))
        return redirect("participation:library", pk=organisation.pk)
    return _form_page(request, form, organisation, _("Deelname toevoegen"))


def _participation(user, pk) -> Participation:
    participation = (
        Participation.objects.filter(pk=pk).select_related("organisation", "scheme").first()
    )
    if participation is None:
        raise Http404
    scoping.require_register_keeper(user, participation)
    return participation


@staff_required
def edit(request, pk):
    participation = _participation(request.user, pk)
    form = ParticipationForm(
        request.POST or None, instance=participation, organisation=participation.organisation
    )
    if request.method == "POST" and form.is_valid():
        services.save_participation(request.user, form)
        messages.success(request, _("De deelname is bijgewerkt."))
        return redirect("participation:library", pk=participation.organisation_id)
    return _form_page(
        request, form, participation.organisation, _("Deelname aan %s") % participation.scheme
    )


@staff_required
@require_POST
def delete(request, pk):
    participation = _participation(request.user, pk)
    services.delete_participation(participation)
    messages.success(request, _("De deelname is uit het register gehaald."))
    return redirect("participation:library", pk=participation.organisation_id)


@staff_required
@require_POST
def propose(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk, kind=OrganisationKind.LIBRARY)
    scoping.require_member(request.user, organisation, *PROPOSER_ROLES)
    form = ProposalForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("participation:library", pk=organisation.pk)
    services.propose(request.user, organisation, form.cleaned_data["text"])
    messages.success(request, _("Je voorstel is naar de POI gestuurd."))
    return redirect("participation:library", pk=organisation.pk)


@staff_required
@require_POST
def decide(request, pk):
    proposal = Proposal.objects.filter(pk=pk).select_related("organisation").first()
    if proposal is None:
        raise Http404
    scoping.require_register_keeper(request.user, proposal)
    status = request.POST.get("status")
    if proposal.status != ProposalStatus.PENDING:
        messages.error(request, _("Over dit voorstel is al besloten."))
    elif status not in (ProposalStatus.HANDLED, ProposalStatus.DISMISSED):
        messages.error(request, _("Kies 'Verwerkt' of 'Niet overnemen'."))
    else:
        services.decide(request.user, proposal, status)
        messages.success(request, _("Het voorstel is afgehandeld."))
    return redirect("participation:library", pk=proposal.organisation_id)
