"""Every official HSDS 3.1 example (../shared/hsds-3.1/examples) imports cleanly: nothing is
rejected, and what fits our model is stored. Their addresses are not Dutch, so their location
is reported and left out (a location needs a Dutch municipality)."""

import pytest

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.models import ExternalTerm, ImportStatus
from ontwikkelplein.opendata.tests.factories import EXAMPLES
from ontwikkelplein.organisations.tests.factories import OrganisationFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not EXAMPLES.is_dir(), reason="../shared/hsds-3.1/examples is not present"),
]

DATA_EXAMPLES = [
    "organization_full.json",
    "organization_list.json",
    "service_full.json",
    "service_list.json",
    "service_at_location_full.json",
    "service_at_location_list.json",
    "location.json",
    "taxonomy.json",
    "taxonomy_list.json",
    "taxonomy_term.json",
    "taxonomy_term_list.json",
    "tabular.json",
    "csv",
]
COUNSELLING = "ac148810-d857-441c-9679-408f346de14b"  # the service of the examples


def test_the_list_of_examples_is_complete():
    present = {p.name for p in EXAMPLES.iterdir()}
    assert present - set(DATA_EXAMPLES) == {"base.json"}  # the API root, not data (see below)


@pytest.mark.parametrize("name", DATA_EXAMPLES)
def test_official_example_imports_for_an_organisation(name):
    library = OrganisationFactory()
    run = services.import_path(EXAMPLES / name, organisation=library)
    assert run.status == ImportStatus.DONE, run.errors
    # Every record is accounted for: stored, or named in a warning (a US address, say).
    assert run.records or run.warnings


@pytest.mark.parametrize(
    "name",
    [
        "organization_full.json",
        "service_full.json",
        "service_at_location_full.json",
        "tabular.json",
        "csv",
    ],
)
def test_official_example_imports_with_its_own_organisation(name):
    run = services.import_path(EXAMPLES / name, publish=True)
    assert run.status == ImportStatus.DONE, run.errors
    offer = Offer.objects.get(pk=COUNSELLING)
    assert offer.title == "Community Counselling"
    assert str(offer.organisation_id) == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert offer.contact_email == "email@example.com"
    assert not offer.is_published  # no Dutch place, no themes: stays a draft


def test_unknown_example_term_is_kept():
    services.import_path(EXAMPLES / "service_full.json")
    kept = ExternalTerm.objects.get(pk="3f7b145d-84af-42d7-8fae-eaca714b02b2")
    assert list(kept.offers.values_list("pk", flat=True)) == [Offer.objects.get().pk]


def test_examples_import_again_unchanged():
    services.import_path(EXAMPLES / "csv")
    again = services.import_path(EXAMPLES / "csv")
    assert again.status == ImportStatus.DONE
    assert again.created == again.changed == 0


def test_the_api_root_example_gets_a_clear_answer():
    run = services.import_path(EXAMPLES / "base.json")
    assert run.status == ImportStatus.REJECTED
    assert "geen gegevens" in run.errors[0]["message"]
