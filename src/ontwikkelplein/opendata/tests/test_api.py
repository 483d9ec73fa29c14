"""The HSDS 3.1 API: every response validates against the official schemas; paging, filters,
ndjson, postcode ordering, errors, publication rules and a flat query count."""

import datetime
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, Taxonomy
from ontwikkelplein.catalogue.search import SearchParams, search
from ontwikkelplein.catalogue.tests.factories import OfferFactory, term
from ontwikkelplein.opendata.tests.catalogue_data import make_catalogue
from ontwikkelplein.opendata.tests.hsds_schemas import assert_valid, assert_valid_page, needs_hsds
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory
from ontwikkelplein.places.models import PostcodeArea

API = "/api/hsds"


@pytest.fixture
def cat(db):
    return make_catalogue()


def get(client, path, status=200, **query):
    response = client.get(f"{API}{path}", query)
    assert response.status_code == status, response.content[:500]
    if response.streaming:
        return response
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(page) -> list[str]:
    return [item["id"] for item in page["contents"]]


# --- Validation against HSDS 3.1 ---------------------------------------------------------------


@needs_hsds
def test_full_service_validates_and_carries_everything(client, cat):
    service = get(client, f"/services/{cat.full.pk}")
    assert_valid("service", service)
    assert service["id"] == str(cat.full.pk)
    assert service["name"] == "Informatiepunt Digitale Overheid"
    assert service["status"] == "active"
    assert service["description"].startswith("Hulp bij DigiD en MijnOverheid.\n\n")
    assert service["organization"]["name"] == "Bibliotheek Eemland"
    assert service["program"]["name"] == "Informatiepunt Digitale Overheid"
    assert service["application_process"] == "Aanmelden.\n\nBel 033 123 45 67."
    assert service["assured_date"] == "2026-09-01"
    assert service["assurer_email"] == "info@eemland.example"
    assert service["last_modified"].endswith("Z")
    # Two places, in name order: Eemhuis with a weekly time, Steunpunt Noord with a date.
    sals = service["service_at_locations"]
    assert [s["location"]["name"] for s in sals] == ["Eemhuis", "Steunpunt Noord"]
    weekly = sals[0]["schedules"][0]
    assert weekly | {"id": None} == weekly | {
        "id": None,
        "freq": "WEEKLY",
        "byday": "TU",
        "opens_at": "10:00",
        "closes_at": "12:00",
        "valid_from": "2026-01-01",
        "valid_to": "2027-06-30",
        "notes": "Niet in de schoolvakanties.",
    }
    dated = sals[1]["schedules"][0]
    assert (dated["dtstart"], dated["until"], dated["count"], dated["byday"]) == (
        "2027-03-03",
        "2027-03-03",
        1,
        "WE",
    )
    eemhuis = sals[0]["location"]
    assert eemhuis["addresses"][0]["postal_code"] == "3811 HN"
    assert eemhuis["addresses"][0]["country"] == "NL"
    assert eemhuis["addresses"][0]["state_province"] == "Utrecht"
    assert [h["byday"] for h in eemhuis["schedules"]] == ["MO", "SA"]
    assert eemhuis["accessibility"][0]["description"].startswith("Rolstoeltoegankelijk")
    assert service["contacts"][0]["name"] == "Fatima de Vries"
    assert service["contacts"][0]["phones"][0]["number"] == "033 765 43 21"
    assert [p["number"] for p in service["phones"]] == ["033 765 43 21"]
    assert [lang["code"] for lang in service["languages"]] == ["nl", "en"]
    assert service["languages"][0]["name"] == "Nederlands"
    documents = [d["document"] for d in service["required_documents"]]
    assert documents[-1] == "Je brief van de Belastingdienst"
    assert len(documents) == 3
    options = {o["option"]: o for o in service["cost_options"]}
    assert options["Deelname"]["amount"] == 12.5
    assert options["Deelname"]["currency"] == "EUR"
    assert "Lidmaatschap van de bibliotheek nodig" in options
    assert service["capacities"][0]["maximum"] == 8
    by_type = {a["link_type"]: a["taxonomy_term"]["code"] for a in service["attributes"]}
    assert by_type == {
        "aanbodsoort": "spreekuur",
        "thema": "digitale-overheid",
        "doelgroep": "iedereen",
        "niveau": "nt2-a2",
    }
    for attribute in service["attributes"]:
        assert attribute["taxonomy_term"]["language"] == "nl"
        assert attribute["taxonomy_term_id"] == attribute["taxonomy_term"]["id"]


@needs_hsds
def test_every_list_endpoint_validates(client, cat):
    for path, name, query in [
        ("/services", "service", {}),
        ("/services", "service", {"full": "true"}),
        ("/organizations", "organization", {}),
        ("/organizations", "organization", {"full": "true"}),
        ("/organizations", "organization", {"full_service": "true"}),
        ("/service_at_locations", "service_at_location", {}),
        ("/service_at_locations", "service_at_location", {"full": "true", "postcode": "3811"}),
        ("/taxonomies", "taxonomy", {}),
        ("/taxonomy_terms", "taxonomy_term", {"per_page": 100}),
    ]:
        page = get(client, path, **query)
        assert page["total_items"] > 0, path
        assert_valid_page(name, page)
    for service in get(client, "/organizations", full_service="true")["contents"][0]["services"]:
        assert_valid("service", service)


@needs_hsds
def test_every_detail_endpoint_validates(client, cat):
    organisation = get(client, f"/organizations/{cat.library.pk}", full_service="true")
    assert_valid("organization", organisation)
    assert organisation["organization_identifiers"][0]["identifier"] == "NL-AmfBE0000"
    assert organisation["phones"][0]["number"] == "033 123 45 67"
    assert {loc["name"] for loc in organisation["locations"]} == {"Eemhuis", "Steunpunt Noord"}
    assert {s["name"] for s in organisation["services"]} == {
        "Informatiepunt Digitale Overheid",
        "Voorlezen voor peuters",
    }
    for service in organisation["services"]:
        assert_valid("service", service)
    sal_id = cat.full.offer_locations.get(location=cat.main).pk
    sal = get(client, f"/service_at_locations/{sal_id}")
    assert_valid("service_at_location", sal)
    assert sal["location"]["name"] == "Eemhuis"
    assert sal["schedules"][0]["byday"] == "TU"
    taxonomy = Taxonomy.objects.get(slug=Taxonomy.THEME)
    assert_valid("taxonomy", get(client, f"/taxonomies/{taxonomy.pk}"))
    child = term(Taxonomy.LEVEL, "nt2-a2")
    term_obj = get(client, f"/taxonomy_terms/{child.pk}")
    assert_valid("taxonomy_term", term_obj)
    assert term_obj["parent_id"] == str(child.parent_id)


def test_root_describes_the_api(client, db):
    root = get(client, "/")
    assert root["version"] == "3.1"
    assert root["profile"].startswith("https://")
    assert root["openapi_url"] == "http://testserver/api/schema/?format=json"


# --- Publication -----------------------------------------------------------------------------


def test_only_published_current_offers_appear(client, cat):
    listed = set(ids(get(client, "/services", per_page=100)))
    assert listed == {str(cat.full.pk), str(cat.course.pk), str(cat.plain.pk)}
    for hidden in (cat.draft, cat.archived, cat.expired, cat.hidden):
        assert get(client, f"/services/{hidden.pk}", status=404) == {
            "detail": "Dit id bestaat niet of is niet openbaar."
        }
        sal = hidden.offer_locations.first()
        if sal is not None:
            get(client, f"/service_at_locations/{sal.pk}", status=404)
    sal_services = {s["service_id"] for s in get(client, "/service_at_locations")["contents"]}
    assert sal_services == listed
    organisations = {o["name"] for o in get(client, "/organizations")["contents"]}
    assert organisations == {"Bibliotheek Eemland", "Welzijn Eemland"}
    get(client, f"/organizations/{cat.drafts_only.pk}", status=404)
    ndjson = get(client, "/services", format="ndjson")
    text = b"".join(ndjson.streaming_content).decode()
    assert "Concept taalcafé" not in text and "Geheim concept" not in text


def test_drafts_of_an_organisation_are_not_in_its_full_services(client, cat):
    organisation = get(client, f"/organizations/{cat.library.pk}", full_service="true")
    names = {s["name"] for s in organisation["services"]}
    assert "Concept taalcafé" not in names and "Oud aanbod" not in names


# --- Paging --------------------------------------------------------------------------------


def test_paging_math(client, db):
    organisation = OrganisationFactory()
    for n in range(5):
        OfferFactory(organisation=organisation, title=f"Aanbod {n}", indexed=False)
    first = get(client, "/services", per_page=2)
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    assert [s["name"] for s in first["contents"]] == ["Aanbod 0", "Aanbod 1"]
    last = get(client, "/services", per_page=2, page=3)
    assert (last["size"], last["first_page"], last["last_page"], last["empty"]) == (
        1,
        False,
        True,
        False,
    )
    assert [s["name"] for s in last["contents"]] == ["Aanbod 4"]
    beyond = get(client, "/services", per_page=2, page=4)
    assert (beyond["size"], beyond["empty"], beyond["last_page"], beyond["contents"]) == (
        0,
        True,
        True,
        [],
    )
    everything = get(client, "/services")
    assert everything["size"] == 5 and everything["total_pages"] == 1


def test_empty_result_set(client, db):
    page = get(client, "/services")
    assert (page["total_items"], page["total_pages"], page["empty"], page["first_page"]) == (
        0,
        0,
        True,
        True,
    )
    assert page["last_page"] is True


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"page": "0"}, "page moet tussen 1 en 100000 liggen."),
        ({"page": "twee"}, "page moet een heel getal zijn, niet 'twee'."),
        ({"per_page": "101"}, "per_page moet tussen 1 en 100 liggen."),
        ({"per_page": "-1"}, "per_page moet tussen 1 en 100 liggen."),
        ({"format": "xml"}, "format moet json of ndjson zijn."),
        ({"full": "misschien"}, "full moet true of false zijn."),
        ({"taxonomy_term_id": "digid"}, None),
        ({"organization_id": "1"}, None),
        ({"modified_after": "gisteren"}, None),
        ({"modified_after": "0001-01-01T00:00:00+23:59"}, None),
        ({"search": "x" * 501}, "search mag hoogstens 500 tekens lang zijn."),
    ],
)
def test_bad_parameters_are_400_in_dutch(client, db, query, message):
    body = get(client, "/services", status=400, **query)
    if message:
        assert body == {"detail": message}
    else:
        assert body["detail"].startswith(next(iter(query)))


def test_unknown_ids_are_404_json(client, db):
    for path in (
        "services",
        "organizations",
        "service_at_locations",
        "taxonomies",
        "taxonomy_terms",
    ):
        for value in (uuid.uuid4(), "geen-uuid"):
            assert get(client, f"/{path}/{value}", status=404) == {
                "detail": "Dit id bestaat niet of is niet openbaar."
            }


def test_read_only(client, db):
    assert client.post(f"{API}/services", {}).status_code == 405
    assert client.delete(f"{API}/services").status_code == 405


# --- Filters -------------------------------------------------------------------------------


def test_filter_by_taxonomy_term_and_taxonomy(client, cat):
    spreekuur = term(Taxonomy.OFFER_TYPE, "spreekuur")
    found = ids(get(client, "/services", taxonomy_term_id=str(spreekuur.pk)))
    assert set(found) == {str(cat.full.pk), str(cat.plain.pk)}  # factory default is spreekuur
    level = term(Taxonomy.LEVEL, "nt2-a2")
    assert ids(get(client, "/services", taxonomy_term_id=str(level.pk))) == [str(cat.full.pk)]
    levels = Taxonomy.objects.get(slug=Taxonomy.LEVEL)
    assert ids(get(client, "/services", taxonomy_id=str(levels.pk))) == [str(cat.full.pk)]
    assert get(client, "/services", taxonomy_term_id=str(uuid.uuid4()))["total_items"] == 0
    organisations = get(client, "/organizations", taxonomy_term_id=str(level.pk))
    assert [o["name"] for o in organisations["contents"]] == ["Bibliotheek Eemland"]
    sals = get(client, "/service_at_locations", taxonomy_id=str(levels.pk))
    assert {s["service_id"] for s in sals["contents"]} == {str(cat.full.pk)}
    terms = get(client, "/taxonomy_terms", taxonomy_id=str(levels.pk), per_page=100)
    assert terms["total_items"] == levels.terms.count()
    top = get(client, "/taxonomy_terms", taxonomy_id=str(levels.pk), top_only="true")
    assert {t["code"] for t in top["contents"]} == set(
        levels.terms.filter(parent__isnull=True).values_list("code", flat=True)
    )
    assert {"nt1", "nt2"} < {t["code"] for t in top["contents"]}
    children = get(client, "/taxonomy_terms", parent_id=str(level.parent_id), per_page=100)
    assert "nt2-a2" in {t["code"] for t in children["contents"]}
    assert all(t["parent_id"] == str(level.parent_id) for t in children["contents"])


def test_filter_by_organization(client, cat):
    found = ids(get(client, "/services", organization_id=str(cat.partner.pk)))
    assert found == [str(cat.course.pk)]
    sals = get(client, "/service_at_locations", organization_id=str(cat.partner.pk))
    assert [s["location_id"] for s in sals["contents"]] == [str(cat.nowhere.pk)]


def test_filter_modified_after(client, cat):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Offer.objects.exclude(pk=cat.plain.pk).update(updated_at=long_ago)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert ids(get(client, "/services", modified_after=since)) == [str(cat.plain.pk)]
    day = (timezone.localdate() - datetime.timedelta(days=40)).isoformat()
    assert get(client, "/services", modified_after=day)["total_items"] == 3


def test_modified_after_with_any_offset_iso_allows(client, cat):
    # -21:49 is a valid ISO 8601 offset that PostgreSQL refuses (it allows up to 15:59): read
    # in UTC, the moment filters like any other.
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Offer.objects.exclude(pk=cat.plain.pk).update(updated_at=long_ago)
    since = (timezone.now() - datetime.timedelta(days=1)).astimezone(
        datetime.timezone(-datetime.timedelta(hours=21, minutes=49))
    )
    for path in ("/services", "/service_at_locations"):
        assert get(client, path, modified_after=since.isoformat())["total_items"] >= 1
    assert ids(get(client, "/services", modified_after=since.isoformat())) == [str(cat.plain.pk)]


def test_search_ranks_like_the_public_site(client, cat):
    for n in range(3):
        OfferFactory(title=f"DigiD hulp {n}", description="Hulp bij je DigiD.", location=cat.main)
    expected = [str(h.offer.pk) for h in search(SearchParams(text="digid", per_page=100)).hits]
    assert len(expected) >= 4
    assert ids(get(client, "/services", search="digid", per_page=100)) == expected
    # Paging through the ranked list gives the same order.
    paged = ids(get(client, "/services", search="digid", per_page=2)) + ids(
        get(client, "/services", search="digid", per_page=2, page=2)
    )
    assert paged == expected[:4]
    # Other filters keep the engine's order.
    only_library = ids(
        get(client, "/services", search="digid", organization_id=str(cat.library.pk))
    )
    library_offers = {str(cat.full.pk), str(cat.plain.pk)}
    assert only_library == [pk for pk in expected if pk in library_offers]
    assert str(cat.full.pk) in only_library
    assert get(client, "/services", search="digid")["total_items"] == len(expected)
    sals = get(client, "/service_at_locations", search="klik tik")
    assert {s["service_id"] for s in sals["contents"]} == {str(cat.course.pk)}


def test_search_organisations_and_taxonomies(client, cat):
    assert [o["name"] for o in get(client, "/organizations", search="welzijn")["contents"]] == [
        "Welzijn Eemland"
    ]
    assert [t["name"] for t in get(client, "/taxonomies", search="niveau")["contents"]] == [
        "Niveaus"
    ]
    assert "nt2-a2" in {t["code"] for t in get(client, "/taxonomy_terms", search="A2")["contents"]}


# --- ndjson ----------------------------------------------------------------------------------


@needs_hsds
def test_ndjson_streams_every_result_without_paging(client, cat):
    for n in range(3):
        OfferFactory(organisation=cat.library, title=f"Extra {n}", indexed=False)
    response = get(client, "/services", format="ndjson", full="true", per_page=1)
    assert response["Content-Type"].startswith("application/x-ndjson")
    lines = b"".join(response.streaming_content).decode().splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) == 6 == get(client, "/services")["total_items"]
    for obj in objects:
        assert_valid("service", obj)
    for path, name in [
        ("/organizations", "organization"),
        ("/service_at_locations", "service_at_location"),
        ("/taxonomies", "taxonomy"),
        ("/taxonomy_terms", "taxonomy_term"),
    ]:
        response = get(client, path, format="ndjson")
        objects = [json.loads(x) for x in b"".join(response.streaming_content).splitlines()]
        assert len(objects) == get(client, path)["total_items"], path
        for obj in objects:
            assert_valid(name, obj)


# --- Postcode and proximity --------------------------------------------------------------------


def test_postcode_orders_nearest_first(client, cat):
    page = get(client, "/service_at_locations", postcode="3811 AB", per_page=100)
    locations = [s["location_id"] for s in page["contents"]]
    # Eemhuis (Amersfoort), then Groningen, then the place without coordinates.
    assert locations[0] == str(cat.main.pk)
    assert locations[-1] == str(cat.nowhere.pk)
    distances = [s.get("distance_km") for s in page["contents"]]
    assert distances[0] < 1
    assert distances[1:-1] == sorted(distances[1:-1]) and distances[1] > 100
    assert distances[-1] is None
    groningen = get(client, "/service_at_locations", postcode="9711")
    assert groningen["contents"][0]["location_id"] == str(cat.far.pk)


def test_proximity_in_metres_as_hsds_says(client, cat):
    near = get(client, "/service_at_locations", postcode="3811", proximity="5000")
    assert [s["location_id"] for s in near["contents"]] == [str(cat.main.pk)]
    wide = get(client, "/service_at_locations", postcode="3811", proximity="200000")
    assert wide["total_items"] == 3  # not the place without coordinates


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"postcode": "1234"}, "De postcode 1234 kennen we niet."),
        ({"postcode": "Amersfoort"}, None),
        ({"proximity": "5000"}, "Geef bij proximity ook een postcode."),
        ({"postcode": "3811", "proximity": "500000"}, None),
        ({"postcode": "3811", "proximity": "-1"}, None),
        ({"postcode": "3811", "proximity": "nan"}, None),
    ],
)
def test_bad_postcode_or_proximity(client, cat, query, message):
    PostcodeArea.objects.filter(pc4="1234").delete()
    body = get(client, "/service_at_locations", status=400, **query)
    if message:
        assert body == {"detail": message}
    else:
        assert body["detail"]


# --- Queries ----------------------------------------------------------------------------------


def _queries(client, path, **query) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(client, path, **query)
    return len(captured)


def test_list_pages_do_not_query_per_object(client, cat):
    def counts():
        return [
            _queries(client, "/services", full="true", per_page=100),
            _queries(client, "/services", per_page=100),
            _queries(client, "/organizations", full_service="true", per_page=100),
            _queries(client, "/service_at_locations", full="true", postcode="3811", per_page=100),
            _queries(client, "/taxonomy_terms", per_page=100),
        ]

    before = counts()
    for n in range(6):
        organisation = OrganisationFactory()
        location = LocationFactory(organisation=organisation)
        offer = OfferFactory(
            organisation=organisation, location=location, location__weekday=n, indexed=False
        )
        offer.levels.set([term(Taxonomy.LEVEL, "nt1-1f")])
    assert counts() == before
