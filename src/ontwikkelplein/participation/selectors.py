"""Reads of the programme register: whose register a user sees, and the live counts per scheme
("x van y bibliotheken, z procent") for a region or the nation."""

from dataclasses import dataclass

from django.db.models import Count, Q

from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.participation.models import (
    Participation,
    ParticipationStatus,
    Proposal,
    ProposalStatus,
    Scheme,
)


def libraries_for(user):
    """The library organisations whose register the user may read: every one for the KB, the
    region's for a POI adviser, their own for library staff."""
    return (
        scoping.readable_organisations(user).filter(kind=OrganisationKind.LIBRARY).order_by("name")
    )


@dataclass(frozen=True)
class SchemeCount:
    scheme: Scheme
    taking_part: int
    libraries: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.taking_part / self.libraries) if self.libraries else None


def scheme_counts(libraries) -> list[SchemeCount]:
    """Per scheme: how many of `libraries` take part now (status "doet mee")."""
    library_ids = list(libraries.values_list("pk", flat=True))
    counts = dict(
        Scheme.objects.annotate(
            n=Count(
                "participations__organisation",
                filter=Q(
                    participations__organisation__in=library_ids,
                    participations__status=ParticipationStatus.ACTIVE,
                ),
                distinct=True,
            )
        ).values_list("pk", "n")
    )
    return [
        SchemeCount(scheme, counts.get(scheme.pk, 0), len(library_ids))
        for scheme in Scheme.objects.all()
    ]


def register_of(organisation: Organisation):
    return (
        Participation.objects.filter(organisation=organisation)
        .select_related("scheme", "municipality")
        .prefetch_related("locations")
    )


def pending_proposals(libraries):
    return (
        Proposal.objects.filter(organisation__in=libraries, status=ProposalStatus.PENDING)
        .select_related("organisation", "proposed_by")
        .order_by("created_at")
    )
