"""Data for the browser tests, built with the project's factories and indexed by the real
search engine."""

from dataclasses import dataclass

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import Offer, OfferStatus, Programme
from ontwikkelplein.catalogue.tests.factories import OfferFactory, offer_type, target_group, theme
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, PostcodeAreaFactory, province

AMERSFOORT_PC4 = "3811"
DIGITAL_GOVERNMENT = "digitale-overheid"


@dataclass
class DigidTowns:
    """Two IDO spreekuren (Amersfoort near PC4 3811, Breda about 70 km away), a tax-help
    offer that also mentions DigiD (another theme, a few km from 3811), unrelated offers
    and a draft that must never show."""

    ido_amersfoort: Offer
    ido_breda: Offer
    tax_help: Offer
    language_cafe: Offer
    toddler_reading: Offer
    draft: Offer


def build_digid_towns() -> DigidTowns:
    # get_or_create on the natural keys: the data migrations may already hold these.
    PostcodeAreaFactory(pc4=AMERSFOORT_PC4, town="Amersfoort", latitude=52.1561, longitude=5.3878)
    amersfoort = MunicipalityFactory(code="GM0307", name="Amersfoort", province=province("Utrecht"))
    breda = MunicipalityFactory(code="GM0758", name="Breda", province=province("Noord-Brabant"))

    eemland = OrganisationFactory(name="Bibliotheek Eemland (test)")
    veste = OrganisationFactory(name="Nieuwe Veste (test)")
    eemhuis = LocationFactory(
        organisation=eemland,
        name="Bibliotheek Eemhuis",
        street="Eemplein",
        house_number="71",
        postcode="3812 EA",
        city="Amersfoort",
        municipality=amersfoort,
        latitude=52.1590,
        longitude=5.3810,
    )
    vathorst = LocationFactory(
        organisation=eemland,
        name="Bibliotheek Vathorst",
        street="Brabantsestraat",
        house_number="1",
        postcode="3825 MA",
        city="Amersfoort",
        municipality=amersfoort,
        latitude=52.1925,
        longitude=5.4190,
    )
    molenstraat = LocationFactory(
        organisation=veste,
        name="Nieuwe Veste Centrum",
        street="Molenstraat",
        house_number="6",
        postcode="4811 GS",
        city="Breda",
        municipality=breda,
        latitude=51.5896,
        longitude=4.7788,
    )

    ido_text = {
        "summary": "Hulp met DigiD en post van de overheid.",
        "description": "Heb je een vraag over DigiD, toeslagen of de belasting? Kom langs.",
        "offer_type": offer_type("spreekuur"),
        "themes": [theme(DIGITAL_GOVERNMENT)],
        "target_groups": [target_group("iedereen")],
        "programme": Programme.objects.get(code="ido"),
    }
    # Breda first: creation order must not decide the result order.
    ido_breda = OfferFactory(
        organisation=veste,
        title="Spreekuur Digitale Overheid Breda",
        location=molenstraat,
        location__weekday=1,
        **ido_text,
    )
    ido_amersfoort = OfferFactory(
        organisation=eemland,
        title="Spreekuur Digitale Overheid Amersfoort",
        location=eemhuis,
        location__weekday=2,
        **ido_text,
    )
    tax_help = OfferFactory(
        organisation=eemland,
        title="Belastinghulp in Vathorst",
        summary="Hulp met je belastingaangifte. Neem je DigiD mee.",
        description="Vrijwilligers vullen samen met jou de aangifte in.",
        offer_type=offer_type("formulierenhulp"),
        themes=[theme("geldzaken")],
        location=vathorst,
        location__weekday=3,
    )
    language_cafe = OfferFactory(
        organisation=eemland,
        title="Taalcafé Eemhuis",
        summary="Samen Nederlands praten in een kleine groep.",
        description="Oefen met praten. Iedereen is welkom.",
        offer_type=offer_type("cafe"),
        themes=[theme("nederlands-leren")],
        target_groups=[target_group("anderstaligen")],
        location=eemhuis,
        location__weekday=4,
    )
    toddler_reading = OfferFactory(
        organisation=eemland,
        title="Voorlezen voor peuters",
        summary="Een verhaal voor kinderen tot 4 jaar.",
        description="Luister samen naar een prentenboek.",
        offer_type=offer_type("activiteit"),
        themes=[theme("kinderen-lezen-en-cultuur")],
        target_groups=[target_group("kinderen-0-4")],
        location=eemhuis,
        location__weekday=5,
    )
    draft = OfferFactory(
        organisation=eemland,
        title="Concept spreekuur DigiD",
        summary="Hulp met DigiD, nog niet klaar.",
        status=OfferStatus.DRAFT,
        location=eemhuis,
        location__weekday=0,
    )
    search.rebuild_index()
    return DigidTowns(
        ido_amersfoort=ido_amersfoort,
        ido_breda=ido_breda,
        tax_help=tax_help,
        language_cafe=language_cafe,
        toddler_reading=toddler_reading,
        draft=draft,
    )


def specialist():
    """A specialist of a library with one location, who may create offers there."""
    library = OrganisationFactory(name="Bibliotheek Eemland (beheer)")
    LocationFactory(organisation=library, name="Bibliotheek Eemhuis")
    return staff_user(library, Role.SPECIALIST)
