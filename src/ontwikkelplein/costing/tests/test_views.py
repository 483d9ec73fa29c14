"""The calculator pages: who may use them, the live figures they start from, the result, the
PDF, and bad input (a Dutch message, never a server error)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.costing import calculations, selectors
from ontwikkelplein.costing.tests.factories import library_with_kaart
from ontwikkelplein.desk.tests.factories import ContactFactory, question
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

URLS = ["costing:index", "costing:kaart", "costing:ido"]


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize(
    "role, status",
    [
        (Role.SPECIALIST, 200),
        (Role.TEAM_LEADER, 200),
        (Role.FRONT_DESK, 403),
        (Role.PARTNER_STAFF, 403),
    ],
)
def test_who_may_use_the_calculators(client, name, role, status):
    client.force_login(staff_user(role=role))
    assert client.get(reverse(name)).status_code == status


@pytest.mark.parametrize("name", URLS)
def test_poi_and_kb_may_use_them_and_anonymous_visitors_log_in(client, name):
    assert client.get(reverse(name)).status_code == 302
    poi = OrganisationFactory(kind=OrganisationKind.POI)
    client.force_login(staff_user(poi, role=Role.POI_ADVISER))
    assert client.get(reverse(name)).status_code == 200


def test_the_kaart_starts_from_the_librarys_live_figures():
    library = library_with_kaart(offers=3, partner_offers=2)
    figures = selectors.library_figures(library)
    # Its own 3 offers and the 2 partner offers in its municipality; not the one elsewhere.
    assert (figures.offers, figures.partners) == (5, 2)


def test_questions_count_the_last_twelve_months_of_the_desk():
    library = OrganisationFactory()
    place = LocationFactory(organisation=library)
    now = timezone.now()
    ContactFactory(location=place, questions=[question(), question()])
    with time_machine.travel(now - datetime.timedelta(days=400)):
        ContactFactory(location=place)
    ContactFactory(location=LocationFactory())  # another library's
    assert selectors.library_figures(library, now=now).questions == 2


def test_kaart_page_shows_the_result_of_the_prefilled_example(client):
    library = library_with_kaart(offers=3, partner_offers=2)
    client.force_login(staff_user(library, role=Role.TEAM_LEADER))
    response = client.get(reverse("costing:kaart"))
    content = response.content.decode()
    assert f"Vooraf ingevuld met de cijfers van {library.name}" in content
    assert 'name="offers" value="5"' in content
    assert "Totaal per jaar" in content
    # 5 offers, 2 partners with the example's other values: by hand.
    inputs = {**calculations.KAART_EXAMPLE, "offers": 5, "partners": 2}
    expected = calculations.kaart_cost(
        calculations.KaartInputs(**inputs),
        dict.fromkeys(
            ("new", "checks", "partners", "editor", "licence", "hosting", "support", "setup"), ""
        ),
    ).total
    assert response.context["result"].total == expected


def test_kaart_reads_dutch_decimals_and_the_changed_values(client):
    client.force_login(staff_user(role=Role.SPECIALIST))
    response = client.get(
        reverse("costing:kaart"),
        {"offers": "100", "partners": "0", "hours_per_check": "0,5", "hourly_cost": "60"},
    )
    result = response.context["result"]
    checks = next(line for line in result.lines if line.label == "Aanbod controleren")
    assert checks.hours == 100 * 2 * calculations.D("0.5")
    assert response.context["per_partner"] is None
    assert "niet te berekenen zonder partners" in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"offers": "veel"}, "Vul een heel getal in, bijvoorbeeld 12."),
        ({"offers": "-3"}, "Vul 0 of meer in."),
        ({"new_share": "120"}, "Vul een kleiner getal in (hoogstens 100)."),
        ({"hourly_cost": ""}, "Vul dit in."),
        ({"hours_per_check": "0,12345"}, "Gebruik hoogstens twee cijfers achter de komma."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_no_result(client, params, message):
    client.force_login(staff_user(role=Role.SPECIALIST))
    response = client.get(reverse("costing:kaart"), params)
    assert response.status_code == 200
    assert response.context["result"] is None
    content = response.content.decode()
    assert message in content
    assert "Controleer wat je hebt ingevuld" in content


def test_ido_page_compares_the_three_forms(client):
    library = OrganisationFactory()
    ContactFactory(location=LocationFactory(organisation=library), questions=[question()] * 4)
    client.force_login(staff_user(library, role=Role.TEAM_LEADER))
    response = client.get(reverse("costing:ido"))
    comparison = response.context["comparison"]
    assert [str(name) for name in comparison["names"]] == [
        "Basis",
        "Altijd beschikbaar",
        "Brede dienstverlening",
    ]
    assert comparison["questions"] == 4
    basis = comparison["totals"][0]
    assert comparison["per_question"][0] == basis.total / 4
    content = response.content.decode()
    assert 'name="basis-help_hours"' in content and 'name="breed-space"' in content


def test_ido_errors_name_the_form_they_belong_to(client):
    client.force_login(staff_user(role=Role.SPECIALIST))
    response = client.get(reverse("costing:ido"), {"altijd-help_share": "150", "weeks": "x"})
    assert response.context["comparison"] is None
    content = response.content.decode()
    assert "Altijd beschikbaar: Deel van die uren aan IDO-vragen (procent)" in content
    assert 'href="#id_altijd-help_share"' in content
    assert 'href="#id_weeks"' in content


@pytest.mark.parametrize("name", ["costing:kaart", "costing:ido"])
def test_the_result_as_a_pdf(client, name):
    client.force_login(staff_user(role=Role.SPECIALIST))
    response = client.get(reverse(name), {"formaat": "pdf", "hourly_cost": "61"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    page = client.get(reverse(name), {"hourly_cost": "61"}).content.decode()
    assert "formaat=pdf" in page and "hourly_cost=61" in page


def test_a_pdf_of_bad_input_is_the_page_with_its_errors(client):
    client.force_login(staff_user(role=Role.SPECIALIST))
    response = client.get(reverse("costing:kaart"), {"formaat": "pdf", "offers": "x"})
    assert response["Content-Type"].startswith("text/html")
    assert "Vul een heel getal in" in response.content.decode()


FIELDS = [
    "offers",
    "new_share",
    "hourly_cost",
    "weeks",
    "basis-help_hours",
    "breed-trained_staff",
    "formaat",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=30), max_size=4))
def test_no_input_gives_a_server_error(client, params):
    client.force_login(staff_user(role=Role.SPECIALIST))
    for name in ("costing:kaart", "costing:ido"):
        assert client.get(reverse(name), params).status_code == 200
