import datetime

import factory

from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Schedule,
    ScheduleKind,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory


def term(taxonomy_slug: str, code: str) -> TaxonomyTerm:
    """Reference terms are seeded by a migration; tests look them up by code."""
    return TaxonomyTerm.objects.get(taxonomy__slug=taxonomy_slug, code=code)


def theme(code="digitale-overheid"):
    return term(Taxonomy.THEME, code)


def target_group(code="iedereen"):
    return term(Taxonomy.TARGET_GROUP, code)


def offer_type(code="spreekuur"):
    return term(Taxonomy.OFFER_TYPE, code)


class OfferFactory(factory.django.DjangoModelFactory):
    """A published offer with one theme and target group. Pass `location=` to place it;
    `weekday=` with it adds a weekly schedule there."""

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Spreekuur {n}")
    summary = "Hulp bij vragen over de digitale overheid."
    description = "Wij helpen je met DigiD, toeslagen en andere vragen."
    offer_type = factory.LazyFunction(offer_type)
    status = OfferStatus.PUBLISHED
    last_verified_on = factory.LazyFunction(datetime.date.today)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.set(extracted if extracted is not None else [theme()])

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create:
            self.target_groups.set(extracted if extracted is not None else [target_group()])

    @factory.post_generation
    def location(self, create, extracted, **kwargs):
        if create and extracted:
            offer_location = OfferLocation.objects.create(offer=self, location=extracted)
            weekday = kwargs.get("weekday")
            if weekday is not None:
                Schedule.objects.create(
                    offer_location=offer_location,
                    kind=ScheduleKind.WEEKLY,
                    weekday=weekday,
                    opens_at=datetime.time(10, 0),
                    closes_at=datetime.time(12, 0),
                )

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        """Last hook, so locations are in: index the offer like the services do after a commit.
        `indexed=False` leaves the search index alone."""
        if create and extracted is not False:
            from ontwikkelplein.catalogue.search import index_offer

            index_offer(self.pk)


def add_weekly_time(offer, weekday: int = 1) -> Schedule:
    """A weekly time at the offer's first place: a walk-in offer is published only with one."""
    return Schedule.objects.create(
        offer_location=offer.offer_locations.first(),
        kind=ScheduleKind.WEEKLY,
        weekday=weekday,
        opens_at=datetime.time(10, 0),
        closes_at=datetime.time(12, 0),
    )


class OfferLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfferLocation

    offer = factory.SubFactory(OfferFactory)
    location = factory.SubFactory(
        LocationFactory, organisation=factory.SelfAttribute("..offer.organisation")
    )
