"""The calculators store nothing; tests build their worlds from the other apps' factories."""

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.models import OrganisationKind
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory
from ontwikkelplein.places.tests.factories import MunicipalityFactory


def library_with_kaart(offers=3, partner_offers=2):
    """A library serving one municipality, with `offers` of its own and `partner_offers` by two
    partners at a place in that municipality; plus a partner's offer elsewhere that is not on
    its kaart."""
    municipality = MunicipalityFactory()
    library = OrganisationFactory(municipalities=[municipality])
    for _ in range(offers):
        OfferFactory(organisation=library, indexed=False)
    partners = [OrganisationFactory(kind=OrganisationKind.PARTNER) for _ in range(2)]
    for index in range(partner_offers):
        partner = partners[index % 2]
        place = LocationFactory(organisation=partner, municipality=municipality)
        OfferFactory(organisation=partner, location=place, indexed=False)
    elsewhere = LocationFactory(organisation=partners[0], municipality=MunicipalityFactory())
    OfferFactory(organisation=partners[0], location=elsewhere, indexed=False)
    return library
