"""SearchScope: an organisation's embed finds only the offers in its municipalities, or only its
own (docs/embedding.md, "Which offers"). On SQLite and PostgreSQL."""

import pytest

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import OfferLocation
from ontwikkelplein.catalogue.search import SearchParams, SearchScope
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def found(**kwargs):
    kwargs.setdefault("per_page", 100)
    return {hit.offer.title for hit in search.search(SearchParams(**kwargs)).hits}


@pytest.fixture
def region():
    here, there, elsewhere = (MunicipalityFactory() for _ in range(3))
    library = OrganisationFactory(municipalities=[here, there])
    partner = PartnerFactory()
    at = {m: LocationFactory(organisation=partner, municipality=m) for m in (here, elsewhere)}
    own_far = LocationFactory(organisation=library, municipality=elsewhere)
    OfferFactory(title="Taalcafé hier", organisation=partner, location=at[here])
    OfferFactory(title="Taalcafé elders", organisation=partner, location=at[elsewhere])
    OfferFactory(title="Online les partner", organisation=partner)
    OfferFactory(title="Online les bibliotheek", organisation=library)
    OfferFactory(title="Bibliotheek elders", organisation=library, location=own_far)
    both = OfferFactory(title="Op twee plekken", organisation=partner, location=at[elsewhere])
    OfferLocation.objects.create(offer=both, location=at[here])
    return library, here, there, elsewhere


def test_without_a_scope_everything_is_found(region):
    assert len(found()) == 6


def test_municipalities_and_the_organisations_own_offers(region):
    library, here, there, _elsewhere = region
    scope = SearchScope(municipality_ids=(here.pk, there.pk), organisation_id=library.pk)
    assert found(scope=scope) == {
        "Taalcafé hier",
        "Op twee plekken",  # one of its places is here
        "Online les bibliotheek",  # the library's own offers without a place count
        "Bibliotheek elders",  # and its own offers anywhere
    }


def test_only_municipalities(region):
    _library, here, _there, elsewhere = region
    assert found(scope=SearchScope(municipality_ids=(here.pk,))) == {
        "Taalcafé hier",
        "Op twee plekken",
    }
    assert found(scope=SearchScope(municipality_ids=(elsewhere.pk,))) == {
        "Taalcafé elders",
        "Op twee plekken",
        "Bibliotheek elders",
    }


def test_only_own_offers(region):
    library = region[0]
    assert found(scope=SearchScope(organisation_id=library.pk)) == {
        "Online les bibliotheek",
        "Bibliotheek elders",
    }


def test_an_empty_scope_finds_nothing(region):
    assert found(scope=SearchScope()) == set()
    assert search.search(SearchParams(scope=SearchScope())).total == 0


def test_the_scope_combines_with_words_and_counts_right(region):
    library, here, there, _elsewhere = region
    scope = SearchScope(municipality_ids=(here.pk, there.pk), organisation_id=library.pk)
    results = search.search(SearchParams(text="taalcafé", scope=scope, per_page=1))
    assert results.total == 1
    assert [hit.offer.title for hit in results.hits] == ["Taalcafé hier"]
    assert found(text="online", scope=scope) == {"Online les bibliotheek"}


def test_the_scope_combines_with_a_radius(region):
    library, here, there, _elsewhere = region
    scope = SearchScope(municipality_ids=(here.pk,), organisation_id=library.pk)
    unscoped = found(origin=(52.1557, 5.3881), radius_km=500.0)
    scoped = found(origin=(52.1557, 5.3881), radius_km=500.0, scope=scope)
    assert scoped <= unscoped
    assert "Taalcafé elders" not in scoped


def test_the_branded_site_searches_in_the_organisations_scope(client, region):
    """At /b/<slug>/ the search page shows the branding's offers and says so; the main site
    shows everything."""
    from ontwikkelplein.organisations.models import BrandingScope
    from ontwikkelplein.organisations.tests.factories import BrandingFactory

    library = region[0]
    branding = BrandingFactory(organisation=library, display_name="Bibliotheek Hier")
    html = client.get(f"/b/{branding.slug}/zoeken/", {"q": "taalcafe"}).content.decode()
    assert "Taalcafé hier" in html and "Taalcafé elders" not in html
    assert "Je ziet het aanbod in de gemeenten van Bibliotheek Hier." in html
    main = client.get("/zoeken/", {"q": "taalcafe"}).content.decode()
    assert "Taalcafé elders" in main and "Je ziet het aanbod" not in main
    branding.scope = BrandingScope.OWN
    branding.save()
    html = client.get(f"/b/{branding.slug}/zoeken/", {"q": "bibliotheek"}).content.decode()
    assert "Je ziet het aanbod van Bibliotheek Hier." in html
    assert "Taalcafé hier" not in html
