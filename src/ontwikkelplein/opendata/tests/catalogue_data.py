"""A small catalogue with every kind of field filled, for the HSDS API and export tests
(use it through a fixture: `make_catalogue()` needs the database)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Programme,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
)
from ontwikkelplein.catalogue.tests.factories import (
    OfferFactory,
    offer_type,
    target_group,
    term,
    theme,
)
from ontwikkelplein.organisations.models import OpeningHours
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
)
from ontwikkelplein.places.tests.factories import PostcodeAreaFactory


@dataclass
class Catalogue:
    library: object
    partner: object
    drafts_only: object
    main: object  # Eemhuis, Amersfoort
    far: object  # Groningen
    nowhere: object  # no coordinates
    full: Offer  # every field filled, two locations, weekly and dated schedules
    course: Offer  # the partner's course
    plain: Offer
    draft: Offer
    archived: Offer
    expired: Offer
    hidden: Offer  # a draft of an organisation without public offers


def make_catalogue() -> Catalogue:
    PostcodeAreaFactory(pc4="3811", town="Amersfoort", latitude=52.156, longitude=5.387)
    PostcodeAreaFactory(pc4="9711", town="Groningen", latitude=53.219, longitude=6.566)
    library = OrganisationFactory(
        name="Bibliotheek Eemland",
        description="De bibliotheek voor Amersfoort.",
        email="info@eemland.example",
        website="https://www.bibliotheekeemland.nl/",
        phone="033 123 45 67",
        isil="NL-AmfBE0000",
    )
    partner = PartnerFactory(name="Welzijn Eemland", description="")
    drafts_only = OrganisationFactory(name="Bibliotheek Alleen Concepten")
    main = LocationFactory(
        organisation=library,
        name="Eemhuis",
        description="De centrale bibliotheek.",
        accessibility="Rolstoeltoegankelijk, lift aanwezig.",
        latitude=52.156,
        longitude=5.390,
    )
    OpeningHours.objects.create(
        location=main, weekday=0, opens_at=datetime.time(10), closes_at=datetime.time(17)
    )
    OpeningHours.objects.create(
        location=main, weekday=5, opens_at=datetime.time(10), closes_at=datetime.time(14)
    )
    far = LocationFactory(
        organisation=library,
        name="Steunpunt Noord",
        city="Groningen",
        postcode="9711 AA",
        latitude=53.219,
        longitude=6.566,
    )
    nowhere = LocationFactory(
        organisation=partner,
        name="Buurthuis De Kei",
        kind="community_centre",
        latitude=None,
        longitude=None,
    )
    programme, _ = Programme.objects.update_or_create(
        code="ido",
        defaults={
            "name": "Informatiepunt Digitale Overheid",
            "description": "Hulp bij de overheid.",
        },
    )
    full = OfferFactory(
        organisation=library,
        title="Informatiepunt Digitale Overheid",
        summary="Hulp bij DigiD en MijnOverheid.",
        description="We helpen je met DigiD, toeslagen en belastingzaken.",
        offer_type=offer_type("spreekuur"),
        themes=[theme("digitale-overheid")],
        target_groups=[target_group("iedereen")],
        programme=programme,
        sign_up=SignUp.REGISTRATION,
        sign_up_instructions="Bel 033 123 45 67.",
        is_free=False,
        cost_amount=Decimal("12.50"),
        cost_description="Voor het hele jaar.",
        membership_required=True,
        requirements=["digid", "id"],
        requirements_other="Je brief van de Belastingdienst",
        languages=["nl", "en"],
        capacity=8,
        contact_name="Fatima de Vries",
        contact_email="ido@eemland.example",
        contact_phone="033 765 43 21",
        website="https://www.bibliotheekeemland.nl/ido",
        last_verified_on=datetime.date(2026, 9, 1),
        guidance=["volunteer"],
        computers=4,
        printer=True,
        privacy_room=True,
        indexed=False,
    )
    full.levels.set([term(Taxonomy.LEVEL, "nt2-a2")])
    here = OfferLocation.objects.create(offer=full, location=main, description="In zaal 2.")
    Schedule.objects.create(
        offer_location=here,
        kind=ScheduleKind.WEEKLY,
        weekday=1,
        opens_at=datetime.time(10),
        closes_at=datetime.time(12),
        valid_from=datetime.date(2026, 1, 1),
        valid_to=datetime.date(2027, 6, 30),
        notes="Niet in de schoolvakanties.",
    )
    there = OfferLocation.objects.create(offer=full, location=far)
    Schedule.objects.create(
        offer_location=there,
        kind=ScheduleKind.DATED,
        weekday=0,
        date=datetime.date(2027, 3, 3),
        opens_at=datetime.time(13, 30),
        closes_at=datetime.time(15),
    )
    from ontwikkelplein.catalogue.search import index_offer

    index_offer(full.pk)
    course = OfferFactory(
        organisation=partner,
        title="Klik & Tik cursus",
        summary="Leer werken met de computer.",
        description="Een cursus voor beginners met de computer.",
        offer_type=offer_type("cursus"),
        themes=[theme("digitale-vaardigheden")],
        location=nowhere,
        location__weekday=3,
    )
    plain = OfferFactory(organisation=library, title="Voorlezen voor peuters", location=far)
    draft = OfferFactory(
        organisation=library, title="Concept taalcafé", status=OfferStatus.DRAFT, location=main
    )
    archived = OfferFactory(
        organisation=library, title="Oud aanbod", status=OfferStatus.ARCHIVED, location=main
    )
    expired = OfferFactory(
        organisation=library,
        title="Verlopen cursus",
        valid_to=datetime.date(2020, 1, 1),
        location=main,
    )
    hidden = OfferFactory(
        organisation=drafts_only, title="Geheim concept", status=OfferStatus.DRAFT
    )
    return Catalogue(
        library=library,
        partner=partner,
        drafts_only=drafts_only,
        main=main,
        far=far,
        nowhere=nowhere,
        full=full,
        course=course,
        plain=plain,
        draft=draft,
        archived=archived,
        expired=expired,
        hidden=hidden,
    )
