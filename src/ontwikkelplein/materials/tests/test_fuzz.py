"""No input gives a 500 on the learning materials' pages (Hypothesis): any text and bytes in the
search and its filters, any values in the material form and in choosing an offer's materials.
A refusal is a Dutch page and changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.materials.models import Material
from ontwikkelplein.materials.tests.factories import MaterialFactory
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from tests.fuzz import helpers

pytestmark = pytest.mark.django_db

FILTERS = ["q", "thema", "doelgroep", "niveau", "vorm", "soort", "kosten"]
FIELDS = [
    "name",
    "summary",
    "provider",
    "kind",
    "form",
    "owner",
    "themes",
    "target_groups",
    "levels",
    "cost",
    "cost_note",
    "website",
    "description",
    "is_active",
]
text = st.one_of(st.sampled_from(helpers.NASTY_TEXTS), st.text(max_size=40))


@pytest.fixture
def world():
    library = OrganisationFactory(kind=OrganisationKind.LIBRARY)
    material = MaterialFactory(name="Klik & Tik", organisation=library)
    MaterialFactory(name="Taalklas", summary="Nederlands leren.")
    client = Client()
    client.force_login(staff_user(library, Role.SPECIALIST))
    return client, library, material, OfferFactory(organisation=library)


def test_search_with_any_query_and_filters(world):
    client, *_ = world

    @helpers.SETTINGS
    @given(st.lists(st.tuples(st.sampled_from(FILTERS), helpers.nasty_bytes), max_size=5))
    def check(pairs):
        response = client.get(reverse("materials:search") + "?" + helpers.query_string(pairs))
        helpers.assert_clear_refusal(response)

    check()


def _post(client, url, data):
    """Post the form as a browser may send it: any text, percent-encoded as bytes (unpaired
    surrogates too, which the test client cannot encode itself)."""
    pairs = [
        (name, value.encode("utf-8", "surrogatepass"))
        for name, values in data.items()
        for value in (values if isinstance(values, list) else [values])
    ]
    before = helpers.snapshot()
    response = client.post(
        url, helpers.query_string(pairs), content_type="application/x-www-form-urlencoded"
    )
    helpers.assert_clear_refusal(response)
    if response.status_code != 302:
        assert helpers.changes(before, helpers.snapshot()) == {}


def test_material_form_with_any_values(world):
    client, library, material, _offer = world

    @helpers.SETTINGS
    @given(st.dictionaries(st.sampled_from(FIELDS), text, max_size=8))
    def check(data):
        _post(client, reverse("materials:create"), data)
        _post(client, reverse("materials:edit", args=[material.pk]), data)

    check()
    assert Material.objects.filter(organisation=None).count() == 1  # never on the national list


def test_choosing_materials_with_any_values(world):
    client, _library, _material, offer = world

    @helpers.SETTINGS
    @given(st.lists(text, max_size=4))
    def check(values):
        _post(client, reverse("materials:offer", args=[offer.pk]), {"materials": values})

    check()
