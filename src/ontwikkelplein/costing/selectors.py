"""Live figures the calculators start from, for the library the user works for: the size of its
sociaal-educatieve kaart and the questions its desk registered in the last twelve months."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.desk.models import Question
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind

YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class LibraryFigures:
    library: Organisation
    offers: int  # published offers of the library or at a place in its municipalities
    partners: int  # other organisations with such an offer
    questions: int  # desk questions in the last twelve months


def own_library(user) -> Organisation | None:
    """The first library (by name) the user works for; POI advisers and the KB have none."""
    return (
        scoping.own_organisations(user)
        .filter(kind=OrganisationKind.LIBRARY)
        .order_by("name")
        .first()
    )


def library_figures(library: Organisation, now=None) -> LibraryFigures:
    now = now or timezone.now()
    offers = Offer.objects.filter(status=OfferStatus.PUBLISHED).filter(
        Q(organisation=library)
        | Q(offer_locations__location__municipality__in=library.municipalities.all())
    )
    offer_ids = offers.values("pk").distinct()
    partners = (
        Offer.objects.filter(pk__in=offer_ids)
        .exclude(organisation=library)
        .values("organisation")
        .distinct()
        .count()
    )
    questions = Question.objects.filter(
        contact__organisation=library, contact__registered_at__gte=now - YEAR
    ).count()
    return LibraryFigures(library, offer_ids.count(), partners, questions)
