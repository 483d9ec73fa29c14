"""Who may read and write which report, and the lists of the overview; all through
organisations/scoping.py.

- The KB writes the national report; the POI's advisers their region's; a library's team
  leaders and specialists its yearly report (for the library, or for one of its municipalities).
- The KB reads every report; a POI adviser also the reports of the libraries in the region.
- Front-desk and partner staff do not use reports (403); another organisation's report is 404.
- Anyone may read a published version through its public link (reports/views/public.py)."""

import re

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role
from ontwikkelplein.places.models import Municipality
from ontwikkelplein.reports.models import Report, ReportVersion, Subject

LIBRARY_WRITERS = (Role.SPECIALIST, Role.TEAM_LEADER)
# What a report's token looks like (models.new_token: URL-safe base64).
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")
REPORT_ROLES = (*LIBRARY_WRITERS, Role.POI_ADVISER, Role.KB_ADMIN)
WRITER_ROLE = {
    Subject.NATION: (Role.KB_ADMIN,),
    Subject.REGION: (Role.POI_ADVISER,),
    Subject.LIBRARY: LIBRARY_WRITERS,
    Subject.MUNICIPALITY: LIBRARY_WRITERS,
}


def uses_reports(user) -> bool:
    return scoping.has_role(user, *REPORT_ROLES)


def may_write(user, report: Report) -> bool:
    return scoping.has_role_in(user, report.organisation_id, *WRITER_ROLE[report.subject])


def may_read(user, report: Report) -> bool:
    if may_write(user, report) or scoping.is_kb_admin(user):
        return True
    if report.subject in (Subject.LIBRARY, Subject.MUNICIPALITY):
        # The region's POI reads a library's report (its own staff write it).
        return scoping.region_organisations(user).filter(pk=report.organisation_id).exists()
    return False


def report_for(user, pk, *, write: bool = False) -> Report:
    """The report, or 403 for a role that never uses reports, 404 for one the user may not
    read, 403 for a change to one the user may only read."""
    scoping.require_role(user, *REPORT_ROLES)
    report = (
        Report.objects.select_related("organisation", "municipality", "created_by")
        .filter(pk=pk)
        .first()
    )
    if report is None or not may_read(user, report):
        raise Http404
    if write and not may_write(user, report):
        raise PermissionDenied(_("Je mag deze rapportage lezen, maar niet bewerken."))
    return report


def reports_for(user):
    """Every report the user may read, newest period first."""
    query = Q(pk__in=[])
    if scoping.is_kb_admin(user):
        query = Q()
    else:
        poi_ids = scoping.poi_ids(user)
        writes = scoping.organisation_ids_with_role(user, *LIBRARY_WRITERS)
        region = set(scoping.region_organisations(user).values_list("pk", flat=True))
        query = Q(subject=Subject.REGION, organisation_id__in=poi_ids) | Q(
            subject__in=[Subject.LIBRARY, Subject.MUNICIPALITY],
            organisation_id__in=writes | region,
        )
    return Report.objects.filter(query).select_related("organisation", "municipality")


def writable_subjects(user) -> list[tuple[str, Organisation]]:
    """The (subject, organisation) pairs the user may start a report for."""
    pairs = []
    kinds = {
        Role.KB_ADMIN: (OrganisationKind.KB, (Subject.NATION,)),
        Role.POI_ADVISER: (OrganisationKind.POI, (Subject.REGION,)),
    }
    for role, (kind, subjects) in kinds.items():
        ids = scoping.organisation_ids_with_role(user, role, kinds=[kind])
        for organisation in Organisation.objects.filter(pk__in=ids).order_by("name"):
            pairs += [(subject, organisation) for subject in subjects]
    ids = scoping.organisation_ids_with_role(
        user, *LIBRARY_WRITERS, kinds=[OrganisationKind.LIBRARY]
    )
    for organisation in Organisation.objects.filter(pk__in=ids).order_by("name"):
        pairs += [(Subject.LIBRARY, organisation), (Subject.MUNICIPALITY, organisation)]
    return pairs


def municipalities_of(organisation: Organisation):
    """The municipalities a library serves or has a location in (its yearly reports' choice)."""
    return (
        Municipality.objects.filter(
            Q(organisations=organisation) | Q(locations__organisation=organisation)
        )
        .distinct()
        .order_by("name")
    )


def latest_version(report: Report) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


def published_version(token: str, number: int | None = None) -> ReportVersion | None:
    """A published version by the report's public token: the latest, or the one numbered."""
    if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
        return None  # also keeps NUL and other bytes PostgreSQL refuses out of the query
    versions = ReportVersion.objects.filter(report__token=token).select_related("report")
    if number is not None:
        return versions.filter(number=number).first()
    return versions.order_by("-number").first()
