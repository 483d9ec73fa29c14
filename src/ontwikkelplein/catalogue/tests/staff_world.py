"""A small network for the back-office tests: two libraries in the province of Utrecht, a
partner, a POI for Utrecht and one for Gelderland, the KB, and one user per role."""

from dataclasses import dataclass

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province


@dataclass
class World:
    library_a: Organisation
    library_b: Organisation
    partner: Organisation
    location_a: Location
    location_b: Location
    partner_location: Location
    draft_b: Offer
    published_b: Offer
    partner_offer: Offer
    specialist_a: object
    specialist_b: object
    team_leader_b: object
    front_desk_b: object
    partner_staff: object
    poi_utrecht: object
    poi_gelderland: object
    kb_admin: object


def build_world() -> World:
    utrecht = province("Utrecht")
    municipality_a = MunicipalityFactory(province=utrecht)
    municipality_b = MunicipalityFactory(province=utrecht)
    library_a = OrganisationFactory(name="Bibliotheek Alfa", municipalities=[municipality_a])
    library_b = OrganisationFactory(name="Bibliotheek Bravo", municipalities=[municipality_b])
    partner = PartnerFactory(name="Welzijn Charlie", municipalities=[municipality_b])
    location_a = LocationFactory(
        organisation=library_a, name="Vestiging Alfa", municipality=municipality_a
    )
    location_b = LocationFactory(
        organisation=library_b, name="Vestiging Bravo", municipality=municipality_b
    )
    partner_location = LocationFactory(
        organisation=partner,
        name="Buurthuis Charlie",
        kind="community_centre",
        municipality=municipality_b,
    )
    draft_b = OfferFactory(
        organisation=library_b,
        title="Concept van Bravo",
        status=OfferStatus.DRAFT,
        last_verified_on=None,
        location=location_b,
    )
    published_b = OfferFactory(
        organisation=library_b,
        title="Spreekuur van Bravo",
        location=location_b,
        location__weekday=1,
    )
    partner_offer = OfferFactory(
        organisation=partner,
        title="Koffie-uurtje Charlie",
        status=OfferStatus.DRAFT,
        location=partner_location,
    )
    kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
    return World(
        library_a=library_a,
        library_b=library_b,
        partner=partner,
        location_a=location_a,
        location_b=location_b,
        partner_location=partner_location,
        draft_b=draft_b,
        published_b=published_b,
        partner_offer=partner_offer,
        specialist_a=staff_user(library_a, Role.SPECIALIST, username="specialist_a"),
        specialist_b=staff_user(library_b, Role.SPECIALIST, username="specialist_b"),
        team_leader_b=staff_user(library_b, Role.TEAM_LEADER, username="teamleider_b"),
        front_desk_b=staff_user(library_b, Role.FRONT_DESK, username="balie_b"),
        partner_staff=staff_user(partner, Role.PARTNER_STAFF, username="partner"),
        poi_utrecht=staff_user(
            PoiFactory(provinces=[utrecht]), Role.POI_ADVISER, username="poi_utrecht"
        ),
        poi_gelderland=staff_user(
            PoiFactory(provinces=[province("Gelderland")]),
            Role.POI_ADVISER,
            username="poi_gelderland",
        ),
        kb_admin=staff_user(kb, Role.KB_ADMIN, username="kb_beheerder", is_staff=True),
    )
