"""Overviews: per library who is certified for what (team leaders; POI advisers for their
region), per POI and nationally the groups, participants, certificates and costs."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from ontwikkelplein.learning import selectors
from ontwikkelplein.learning.models import Group
from ontwikkelplein.organisations.views.access import staff_required


@staff_required
def overview(request):
    scopes = selectors.overview_scopes(request.user)
    if not (scopes["libraries"] or scopes["region"] or scopes["pois"] or scopes["national"]):
        raise PermissionDenied(_("Alleen teamleiders, POI-adviseurs en de KB zien overzichten."))
    context = {"learning_nav": "overview", "small_limit": selectors.SMALL_COUNT_LIMIT}
    if scopes["libraries"]:
        context["library_certificates"] = selectors.library_certifications(scopes["libraries"])
        context["library_groups"] = (
            Group.objects.filter(library_id__in=scopes["libraries"])
            .select_related("trajectory")
            .prefetch_related("participants")
        )
    if scopes["region"] or scopes["pois"]:
        region_groups = Group.objects.filter(library__in=scopes["region"]) | Group.objects.filter(
            poi_id__in=scopes["pois"]
        )
        region_groups = region_groups.distinct()
        context["region_certificates"] = selectors.library_certifications(
            region_groups.values("library_id")
        )
        context["region_by_library"] = selectors.group_figures(region_groups, "library")
        context["region_by_trajectory"] = selectors.group_figures(region_groups, "trajectory")
    if scopes["national"]:
        everything = Group.objects.all()
        context["national_by_poi"] = selectors.group_figures(everything, "poi")
        context["national_by_trajectory"] = selectors.group_figures(everything, "trajectory")
    return render(request, "learning/overview.html", context)
