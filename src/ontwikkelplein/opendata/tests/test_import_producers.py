"""Files written the way other producers write HSDS 3.1 (docs/hsds-import.md, "What other
systems send"): empty strings where HSDS requires a string, nulls, missing optional objects,
other taxonomies, places without schedules, phone numbers in several notations, an address
without province or municipality, or only coordinates. All of them import."""

import json

import pytest

from ontwikkelplein.catalogue.models import Offer, OfferStatus, Taxonomy
from ontwikkelplein.core.person import clean_phone
from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.opendata.tests.factories import (
    hsds_location,
    hsds_organization,
    hsds_service,
    new_id,
    term_attribute,
)
from ontwikkelplein.opendata.tests.hsds_schemas import assert_valid, needs_hsds
from ontwikkelplein.organisations.models import Location
from ontwikkelplein.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def run_import(tmp_path, data, **kwargs):
    path = tmp_path / "import.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return services.import_path(path, **kwargs)


def open_referral_service(**address):
    """As an Open Referral-style system writes it: every key present, empty strings and nulls
    where it has nothing, its own taxonomy, no schedules."""
    sid, lid = new_id(), new_id()
    return {
        "id": sid,
        "organization_id": None,
        "program_id": None,
        "name": "Taalcafé De Kletskop",
        "alternate_name": "",
        "description": "Elke week Nederlands oefenen met vrijwilligers.",
        "url": "",
        "email": "",
        "status": "active",
        "interpretation_services": "",
        "application_process": "",
        "fees_description": None,
        "wait_time": None,
        "fees": None,
        "accreditations": "",
        "eligibility_description": None,
        "minimum_age": None,
        "maximum_age": None,
        "assured_date": "",
        "assurer_email": "",
        "licenses": None,
        "alert": "",
        "last_modified": "2024-05-01T10:00:00Z",
        "phones": [
            {
                "id": new_id(),
                "number": "(030) 123 45 67",
                "extension": None,
                "type": "",
                "description": "",
                "languages": [],
            }
        ],
        "schedules": [],
        "service_areas": [],
        "service_at_locations": [
            {
                "id": new_id(),
                "service_id": sid,
                "location_id": lid,
                "description": "",
                "schedules": [],
                "phones": [],
                "contacts": [],
                "service_areas": [],
                "attributes": [],
                "location": {
                    "id": lid,
                    "location_type": "physical",
                    "url": "",
                    "organization_id": None,
                    "name": "Buurthuis De Linde",
                    "alternate_name": "",
                    "description": "",
                    "transportation": "",
                    "latitude": None,
                    "longitude": None,
                    "external_identifier": "",
                    "external_identifier_type": "",
                    "languages": [],
                    "addresses": [
                        {
                            "id": new_id(),
                            "location_id": lid,
                            "attention": "",
                            "address_1": "Lindelaan 4",
                            "address_2": "",
                            "city": "Amersfoort",
                            "region": "",
                            "state_province": "",
                            "postal_code": "3811 MG",
                            "country": "Nederland",
                            "address_type": "physical",
                        }
                        | address
                    ],
                    "contacts": [],
                    "accessibility": [],
                    "phones": [],
                    "schedules": [],
                    "attributes": [],
                },
            }
        ],
        "languages": [],
        "funding": [],
        "cost_options": [],
        "program": None,
        "required_documents": [],
        "contacts": [],
        "capacities": [],
        "attributes": [
            {
                "id": new_id(),
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "value": "",
                "taxonomy_term": {
                    "id": new_id(),
                    "code": "LX-8000",
                    "name": "Language classes",
                    "description": "",
                    "taxonomy": "211 LA County Taxonomy",
                    "parent_id": None,
                    "language": "en",
                    "taxonomy_id": None,
                    "term_uri": "",
                },
            }
        ],
        "metadata": [],
    }


def test_open_referral_style_service_imports(tmp_path):
    library = OrganisationFactory()
    service = open_referral_service()
    run = run_import(tmp_path, [service], organisation=library, publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get()
    location = Location.objects.get()
    assert location.municipality.name == "Amersfoort"
    assert location.municipality.province.name == "Utrecht"
    assert clean_phone(offer.contact_phone) == "0301234567"
    assert offer.external_terms.get().name == "Language classes"  # another taxonomy: kept
    # Another producer's terms give no theme or target group: its words do
    # (catalogue.classification), so it is published and marked for review.
    assert offer.status == OfferStatus.PUBLISHED and offer.auto_classified
    assert offer.themes.exists() and offer.target_groups.exists()
    assert not [w for w in run.warnings if w["field"] == "status"]


def test_an_open_referral_service_with_our_terms_is_published(tmp_path):
    library = OrganisationFactory()
    service = open_referral_service()
    service["attributes"] += [
        term_attribute(Taxonomy.THEME, "digitale-vaardigheden", service["id"]),
        term_attribute(Taxonomy.TARGET_GROUP, "iedereen", service["id"]),
    ]
    run = run_import(tmp_path, [service], organisation=library, publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    assert Offer.objects.get().status == OfferStatus.PUBLISHED


def test_nulls_where_hsds_requires_strings_import(tmp_path):
    """Producers that write null instead of an empty string."""
    service = open_referral_service(
        state_province=None, region=None, country=None, address_1=None, attention=None
    )
    service["phones"][0].update(number="", type=None)
    run = run_import(tmp_path, [service], organisation=OrganisationFactory())
    assert run.status == ImportStatus.DONE, run.errors
    assert Location.objects.get().municipality.name == "Amersfoort"


def test_a_minimal_producer_with_only_required_fields(tmp_path):
    """Only what the schemas require: a service with id, name and status; an organisation with
    id, name and description; a location with id and type."""
    org_id, sid, lid = new_id(), new_id(), new_id()
    data = {
        "id": org_id,
        "name": "Stichting Taal Doet Meer",
        "description": "",
        "services": [{"id": sid, "name": "Taalmaatjes", "status": "active"}],
        "locations": [{"id": lid, "location_type": "physical"}],
    }
    run = run_import(tmp_path, [data], publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get(pk=sid)
    assert offer.title == "Taalmaatjes" and offer.status == OfferStatus.DRAFT  # no place
    # "Taalmaatjes": classified from the name (a language buddy is help one to one).
    assert offer.auto_classified and offer.offer_type.code == "een-op-een"
    [note] = [w for w in run.warnings if w["field"] == "status"]
    assert "plek" in note["message"]


@pytest.mark.parametrize(
    "country", ["NL", "Nederland", "Netherlands", "the Netherlands", "The Netherlands.", "NLD", ""]
)
def test_the_country_spelled_otherwise(tmp_path, country):
    service = open_referral_service(country=country, city="Hoogland", postal_code="3828 AB")
    run = run_import(tmp_path, [service], organisation=OrganisationFactory())
    assert run.status == ImportStatus.DONE, run.errors
    assert Location.objects.get().municipality.name == "Amersfoort"


def test_municipality_from_the_postcode_with_a_note(tmp_path):
    """Neither region nor city names a municipality (a village, a typing error): the PC4."""
    service = open_referral_service(city="Amersfort", region="", postal_code="3811MG")
    run = run_import(tmp_path, [service], organisation=OrganisationFactory())
    assert run.status == ImportStatus.DONE, run.errors
    location = Location.objects.get()
    assert location.municipality.name == "Amersfoort"
    assert location.postcode == "3811MG"
    assert any("afgeleid uit de postcode" in w["message"] for w in run.warnings)


def test_municipality_from_the_coordinates_with_a_note(tmp_path):
    """No postcode and no city, only coordinates (Utrecht Centraal)."""
    service = open_referral_service(city="", postal_code="", address_1="")
    service["service_at_locations"][0]["location"].update(latitude=52.0894, longitude=5.1101)
    run = run_import(tmp_path, [service], organisation=OrganisationFactory())
    assert run.status == ImportStatus.DONE, run.errors
    location = Location.objects.get()
    assert location.municipality.name == "Utrecht"
    assert location.city  # the town of the nearest postcode area
    assert any("afgeleid uit de coördinaten" in w["message"] for w in run.warnings)


def test_an_address_that_cannot_be_placed_keeps_the_offer_as_a_draft_with_the_reason(tmp_path):
    good = hsds_service()
    lost = open_referral_service(city="", postal_code="", region="")
    lost["attributes"] += [
        term_attribute(Taxonomy.THEME, "digitale-vaardigheden", lost["id"]),
        term_attribute(Taxonomy.TARGET_GROUP, "iedereen", lost["id"]),
    ]
    run = run_import(tmp_path, [good, lost], organisation=OrganisationFactory(), publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    assert Offer.objects.get(pk=good["id"]).status == OfferStatus.PUBLISHED
    assert Offer.objects.get(pk=lost["id"]).status == OfferStatus.DRAFT
    [note] = [w for w in run.warnings if w["record_id"] == lost["id"]]
    assert "Buurthuis De Linde" in note["message"]
    assert "kon niet worden bepaald" in note["message"]


def test_an_address_abroad_is_not_placed_and_says_so(tmp_path):
    service = open_referral_service(country="Belgium", city="Antwerpen", postal_code="2000")
    run = run_import(tmp_path, [service], organisation=OrganisationFactory(), publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    assert not Location.objects.exists()
    assert any("niet in Nederland" in w["message"] for w in run.warnings)


@pytest.mark.parametrize(
    ("number", "digits"),
    [
        ("+31 6 1234 5678", "0612345678"),
        ("06-12345678", "0612345678"),
        ("0031 30 123 4567", "0301234567"),
        ("(030) 123 45 67", "0301234567"),
        ("+31 (0)30 - 123 45 67 (algemeen nummer, ma-vr)", None),
        ("+32 3 123 45 67", None),
    ],
)
def test_phone_numbers_in_several_notations(tmp_path, number, digits):
    service = open_referral_service()
    service["phones"][0]["number"] = number
    run = run_import(tmp_path, [service], organisation=OrganisationFactory())
    assert run.status == ImportStatus.DONE, run.errors
    stored = Offer.objects.get().contact_phone
    assert len(stored) <= 30
    if digits:
        assert clean_phone(stored) == digits


def test_service_at_locations_without_schedules_and_an_empty_name(tmp_path):
    service = open_referral_service()
    service["name"] = ""
    del service["service_at_locations"][0]["schedules"]
    run = run_import(tmp_path, [service], organisation=OrganisationFactory(), publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get()
    assert offer.title == "Elke week Nederlands oefenen met vrijwilligers."
    assert offer.status == OfferStatus.DRAFT
    assert offer.offer_locations.count() == 1


def test_dutch_catalogue_written_for_the_purpose(tmp_path):
    """A Dutch partner's file: an organisation with two places, one in a village (Hoogland,
    municipality Amersfoort), one with only coordinates (Leusden); our terms; publish."""
    org_id = new_id()
    village = hsds_location(org_id, name="Dorpshuis Hoogland", latitude=None, longitude=None)
    village["addresses"][0].update(
        address_1="Zevenhuizerstraat 2",
        city="Hoogland",
        region="",
        state_province="",
        postal_code="3828 AB",
        country="Nederland",
    )
    coords = hsds_location(
        org_id, name="Bieb Leusden", addresses=[], latitude=52.132, longitude=5.43
    )
    first = hsds_service(org_id, location=village, name="Klik & Tik in Hoogland")
    second = hsds_service(org_id, location=coords, name="Spreekuur Digitale Overheid")
    second["phones"] = [{"id": new_id(), "number": "0033-123"}]
    organisation = hsds_organization(
        services=[first, second], locations=[village, coords], id=org_id, name="Welzijn Eemland"
    )
    run = run_import(tmp_path, [organisation], publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    assert set(Offer.objects.values_list("status", flat=True)) == {OfferStatus.PUBLISHED}
    assert Location.objects.get(name="Dorpshuis Hoogland").municipality.name == "Amersfoort"
    assert Location.objects.get(name="Bieb Leusden").municipality.name == "Leusden"


def test_numbers_where_hsds_has_strings_and_a_four_digit_postcode(tmp_path):
    """Data that went through a spreadsheet: numbers in text fields, a PC4 postcode only."""
    service = open_referral_service(city="", region="", postal_code=3811, address_1="Lindelaan 4")
    service["phones"][0]["number"] = 301234567
    run = run_import(tmp_path, [service], organisation=OrganisationFactory())
    assert run.status == ImportStatus.DONE, run.errors
    assert Location.objects.get().municipality.name == "Amersfoort"
    assert Offer.objects.get().contact_phone == "301234567"


@needs_hsds
def test_another_producers_catalogue_comes_out_published_valid_and_findable(
    tmp_path, client, django_capture_on_commit_callbacks
):
    """Issue 14: a file written the way other producers write HSDS, imported with "publish",
    is published, served schema-valid by the HSDS API and found by the resident search."""
    from ontwikkelplein.catalogue import search

    service = open_referral_service()
    with django_capture_on_commit_callbacks(execute=True):
        run = run_import(tmp_path, [service], organisation=OrganisationFactory(), publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get()
    assert offer.status == OfferStatus.PUBLISHED
    response = client.get(f"/api/hsds/services/{offer.pk}")
    assert response.status_code == 200
    assert_valid("service", response.json())
    words = offer.title.split()[0]
    found = search.search(search.SearchParams(text=words))
    assert offer.pk in [hit.offer.pk for hit in found.hits]
