"""Factories of the wegwijzer. Version 1 (published) is seeded by the migration; tests that need
another version make a draft with services.create_draft() or use VersionFactory."""

import factory

from ontwikkelplein.catalogue import search as search_module
from ontwikkelplein.catalogue.models import Programme, SignUp
from ontwikkelplein.catalogue.tests.factories import OfferFactory, offer_type, target_group, theme
from ontwikkelplein.organisations.models import Location
from ontwikkelplein.organisations.tests.factories import LocationFactory
from ontwikkelplein.places.models import PostcodeArea
from ontwikkelplein.wayfinder.models import Version, VersionStatus


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Version

    number = factory.Sequence(lambda n: 100 + n)
    status = VersionStatus.DRAFT


def places():
    """Two PC4 areas: Amersfoort (where the offers are) and Groningen (far away)."""
    PostcodeArea.objects.update_or_create(
        pc4="3811", defaults={"town": "Amersfoort", "latitude": 52.1557, "longitude": 5.3881}
    )
    PostcodeArea.objects.update_or_create(
        pc4="9711", defaults={"town": "Groningen", "latitude": 53.2194, "longitude": 6.5665}
    )


def offers():
    """A small catalogue in Amersfoort: a reading course, a one-to-one reading buddy, a children's
    reading hour and a DigiD spreekuur; nothing in Groningen."""
    places()
    eemhuis = LocationFactory(
        name="Bibliotheek Eemhuis",
        city="Amersfoort",
        postcode="3811 HN",
        latitude=52.1565,
        longitude=5.3850,
        municipality__name="Amersfoort",
        municipality__code="GM0307",
    )
    organisation = eemhuis.organisation
    made = {
        "course": OfferFactory(
            title="Cursus Beter lezen en schrijven",
            organisation=organisation,
            location=eemhuis,
            themes=[theme("lezen-en-schrijven")],
            target_groups=[target_group("laaggeletterden")],
            offer_type=offer_type("cursus"),
            indexed=False,
        ),
        "buddy": OfferFactory(
            title="Taalmaatje voor lezen",
            organisation=organisation,
            location=eemhuis,
            themes=[theme("lezen-en-schrijven")],
            target_groups=[target_group("iedereen")],
            offer_type=offer_type("een-op-een"),
            sign_up=SignUp.REGISTRATION,
            indexed=False,
        ),
        "children": OfferFactory(
            title="Voorleesuurtje",
            organisation=organisation,
            location=eemhuis,
            themes=[theme("kinderen-lezen-en-cultuur")],
            target_groups=[target_group("kinderen-0-4")],
            offer_type=offer_type("activiteit"),
            indexed=False,
        ),
        "digid": OfferFactory(
            title="Spreekuur DigiD",
            organisation=organisation,
            location=eemhuis,
            themes=[theme("digitale-overheid")],
            offer_type=offer_type("spreekuur"),
            indexed=False,
        ),
    }
    search_module.rebuild_index()
    return made


def offers_with_help_point():
    """offers(), with the Eemhuis branch marked IDO and Taalhuis and its IDO spreekuur ("ido"):
    what "Hier kun je altijd terecht" shows when nothing fits."""
    made = offers()
    eemhuis = Location.objects.get(name="Bibliotheek Eemhuis")
    eemhuis.has_ido = True
    eemhuis.has_taalhuis = True
    eemhuis.save()
    ido, _new = Programme.objects.get_or_create(code="ido", defaults={"name": "IDO"})
    made["ido"] = OfferFactory(
        title="Informatiepunt Digitale Overheid",
        organisation=eemhuis.organisation,
        programme=ido,
        location=eemhuis,
        themes=[theme("digitale-overheid")],
    )
    return made
