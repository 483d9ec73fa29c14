"""The figures over HTTP: who sees what (library A never counts library B; a POI adviser sees
only its region, aggregated; the KB the whole country), small counts hidden upward, periods and
their navigation, and a page that works without JavaScript (plain links and a GET form)."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.desk.tests.figures_data import (
    build_network,
    page_tables,
    question,
    register,
    rollup,
    row_of,
    table,
)
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import MembershipFactory, staff_user

pytestmark = pytest.mark.django_db

D = datetime.date
FIGURES = reverse("desk:figures")
JUNE = {"periode": "maand", "datum": "2024-06-01"}
DOWNLOADS = [
    reverse("desk:figures-export", args=["csv"]),
    reverse("desk:figures-export", args=["xlsx"]),
    reverse("desk:figures-ido-export", args=["csv"]),
    reverse("desk:figures-ido-export", args=["xlsx"]),
]


@pytest.fixture
def net():
    return build_network()


@pytest.fixture
def data(net):
    """June 2024: Eemland 12 questions at Eemhuis and 3 at Vathorst; Utrecht 20 at Neude;
    Breda 77 at Veste Centrum. May 2024: Eemland 6 at Eemhuis."""
    rollup(net.eemhuis, D(2024, 6, 3), questions=12, topic="digid-app")
    rollup(net.vathorst, D(2024, 6, 4), questions=3, channel="phone", topic="toeslagen")
    rollup(net.neude, D(2024, 6, 5), questions=20, topic="zorg")
    rollup(net.veste, D(2024, 6, 6), questions=77, topic="boetes", agency="cjib")
    rollup(net.eemhuis, D(2024, 5, 20), questions=6, topic="digid-app")
    return net


def get(client, user, url=FIGURES, **params):
    client.force_login(user)
    return client.get(url, params)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- Access ---


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    for url in [FIGURES, *DOWNLOADS]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_users_without_a_role_are_refused(client):
    client.force_login(UserFactory())
    for url in [FIGURES, *DOWNLOADS]:
        assert client.get(url).status_code == 403


@pytest.mark.parametrize(
    "role", [Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF]
)
def test_library_staff_of_any_role_see_their_own_figures(client, data, role):
    user = staff_user(data.eemland, role)
    response = get(client, user, **JUNE)
    assert response.status_code == 200
    locations = table(response.content, "Per locatie")
    # Columns: name, contacts (June, May, difference), questions (June, May, difference).
    eemhuis, vathorst = row_of(locations, "Eemhuis"), row_of(locations, "Vathorst")
    assert (eemhuis[1], eemhuis[4]) == ("12", "12")
    assert (vathorst[1], vathorst[4]) == ("3", "3")
    # The own view shows exact small numbers: they are the library's own registrations.
    assert "&lt;5" not in response.content.decode()


def test_library_a_cannot_count_library_b(client, data):
    response = get(client, data.eemland_desk, **JUNE)
    page = text(response)
    totals = table(response.content, "Per kanaal")
    assert row_of(totals, "Totaal")[4] == "15"  # questions in June: 12 + 3
    for other in ("Nieuwe Veste", "Veste Centrum", "Bibliotheek Utrecht", "Neude", "Boetes"):
        assert other not in page
    cells = {c for rows in page_tables(response.content).values() for r in rows for c in r}
    assert "77" not in cells and "92" not in cells  # Breda's 77, or Eemland's 15 with it


@pytest.mark.parametrize(
    "params",
    [
        {"organisatie": "breda"},
        {"locatie": "veste"},
        {"locatie": "neude"},
        {"provincie": "PV30"},
        {"gemeente": "GM0758"},
        {"niveau": "regio"},
        {"niveau": "land"},
        {"weergave": "iets"},
        {"locatie": "geen-uuid"},
    ],
)
def test_library_a_asking_for_other_numbers_gets_404(client, data, params):
    ids = {"breda": data.breda.pk, "veste": data.veste.pk, "neude": data.neude.pk}
    params = {k: str(ids.get(v, v)) for k, v in params.items()}
    for url in [FIGURES, *DOWNLOADS]:
        response = get(client, data.eemland_desk, url, **JUNE, **params)
        assert response.status_code == 404, (url, params)


def test_library_staff_filter_by_their_own_location(client, data):
    response = get(client, data.eemland_desk, **JUNE, locatie=str(data.vathorst.pk))
    assert response.status_code == 200
    assert row_of(table(response.content, "Per kanaal"), "Totaal")[4] == "3"
    # The location select offers the own locations, the chosen one selected.
    page = response.content.decode()
    assert f'<option value="{data.vathorst.pk}" selected>Vathorst</option>' in page
    assert f'<option value="{data.eemhuis.pk}">Eemhuis</option>' in page
    assert str(data.veste.pk) not in page


# --- The POI adviser: its region, aggregated ---


def test_a_poi_adviser_sees_only_its_region(client, data):
    response = get(client, data.poi_adviser, **JUNE)
    assert response.status_code == 200
    provinces = table(response.content, "Per provincie")
    assert [r[0] for r in provinces[1:-1]] == ["Utrecht"]
    assert row_of(provinces, "Utrecht")[4] == "35"  # questions: 12 + 3 + 20
    page = text(response)
    assert "Noord-Brabant" not in page
    assert "Nieuwe Veste" not in page
    cells = {c for rows in page_tables(response.content).values() for r in rows for c in r}
    assert "77" not in cells and "112" not in cells


def test_a_poi_adviser_drills_down_to_a_location(client, data):
    client.force_login(data.poi_adviser)
    response = client.get(FIGURES, JUNE)
    link = _drill_link(response, "Utrecht")
    assert parse_qs(urlsplit(link).query)["provincie"] == ["PV26"]

    response = client.get(link)
    municipalities = table(response.content, "Per gemeente")
    assert row_of(municipalities, "Amersfoort")[4] == "15"
    assert row_of(municipalities, "Utrecht")[4] == "20"

    response = client.get(_drill_link(response, "Amersfoort"))
    libraries = table(response.content, "Per bibliotheek")
    assert row_of(libraries, "Bibliotheek Eemland")[4] == "15"

    response = client.get(_drill_link(response, "Bibliotheek Eemland"))
    locations = table(response.content, "Per locatie")
    assert row_of(locations, "Vathorst")[4] == "<5"
    # Eemhuis' 12 and the total 15 would give away Vathorst's 3: so Eemhuis is hidden too.
    assert row_of(locations, "Eemhuis")[4] == "afgeschermd"
    assert row_of(locations, "Totaal")[4] == "15"

    response = client.get(_drill_link(response, "Eemhuis"))
    assert response.status_code == 200
    page = text(response)
    assert "Per locatie" not in page  # the bottom: no single registrations below
    crumbs = re.findall(
        r'class="op-breadcrumb__item">(?:<a [^>]*>)?(?:<span [^>]*>)?([^<]+)<', page
    )
    assert crumbs == ["POI Utrecht", "Utrecht", "Amersfoort", "Bibliotheek Eemland", "Eemhuis"]
    assert row_of(table(response.content, "Per kanaal"), "Totaal")[4] == "12"


@pytest.mark.parametrize(
    "params",
    [
        {"provincie": "PV30"},
        {"gemeente": "GM0758"},
        {"organisatie": "breda"},
        {"locatie": "veste"},
        {"provincie": "PV26", "gemeente": "GM0307", "organisatie": "breda"},
        {"niveau": "eigen"},
        {"niveau": "land"},
    ],
)
def test_a_library_in_another_province_is_not_found_for_the_poi(client, data, params):
    ids = {"breda": data.breda.pk, "veste": data.veste.pk}
    params = {k: str(ids.get(v, v)) for k, v in params.items()}
    for url in [FIGURES, *DOWNLOADS]:
        assert get(client, data.poi_adviser, url, **JUNE, **params).status_code == 404


def test_small_counts_are_hidden_for_the_poi(client, data):
    response = get(client, data.poi_adviser, **JUNE, locatie=str(data.vathorst.pk))
    assert response.status_code == 200
    channel = table(response.content, "Per kanaal")
    assert row_of(channel, "Telefoon")[1] == "<5"
    assert row_of(channel, "Totaal")[4] == "<5"
    # The difference with the previous period would tell the number as well.
    assert row_of(channel, "Telefoon")[3] == "verborgen"
    topics = table(response.content, "Per onderwerp")
    assert row_of(topics, "Toeslagen")[1] == "<5"
    assert "Aantallen van 1 tot en met 4 staan er als &lt;5" in response.content.decode()
    # The top topics list no hidden counts.
    assert "Geen onderwerp heeft in deze periode 5 of meer vragen." in text(response)


def test_no_single_registration_shows_anywhere_in_the_figures(client, net):
    contact = register(net.eemhuis, D(2024, 6, 3), question())
    contact.note = "Komt volgende week terug"
    contact.save()
    for user in (net.eemland_desk, net.poi_adviser, net.kb_admin):
        for url in [FIGURES, *DOWNLOADS]:
            response = get(client, user, url, **JUNE)
            assert response.status_code == 200
            content = response.content
            assert str(contact.pk).encode() not in content
            assert b"Komt volgende week terug" not in content
            assert b"12:00" not in content  # no registration times


# --- The KB: the whole country ---


def test_the_kb_sees_the_whole_country_and_drills_down(client, data):
    client.force_login(data.kb_admin)
    response = client.get(FIGURES, JUNE)
    provinces = table(response.content, "Per provincie")
    assert len(provinces) == 1 + 12 + 1  # header, twelve provinces, total
    assert row_of(provinces, "Noord-Brabant")[4] == "77"
    assert row_of(provinces, "Totaal")[4] == "112"
    response = client.get(_drill_link(response, "Noord-Brabant"))
    response = client.get(_drill_link(response, "Breda"))
    response = client.get(_drill_link(response, "Nieuwe Veste"))
    assert row_of(table(response.content, "Per locatie"), "Veste Centrum")[4] == "77"


def test_a_user_with_two_roles_switches_views(client, data):
    MembershipFactory(user=data.eemland_desk, organisation=data.poi_utrecht, role=Role.POI_ADVISER)
    response = get(client, data.eemland_desk, **JUNE)
    page = response.content.decode()
    assert 'aria-current="page">Eigen organisatie</a>' in page
    assert "niveau=regio" in page
    assert "weergave" not in page
    region = get(client, data.eemland_desk, **JUNE, niveau="regio")
    assert region.status_code == 200
    # Old bookmarks with ?weergave= still work.
    region = get(client, data.eemland_desk, **JUNE, weergave="regio")
    assert region.status_code == 200
    assert row_of(table(region.content, "Per provincie"), "Utrecht")[4] == "35"


# --- Periods ---


def test_the_period_and_its_neighbours(client, data):
    response = get(client, data.eemland_desk, periode="kwartaal", datum="2024-05-15")
    page = text(response)
    assert "kwartaal 2 van 2024" in page
    assert "vergeleken met kwartaal 1 van 2024" in page
    links = _links(response)
    previous = next(v for k, v in links.items() if k.startswith("Vorige:"))
    following = next(v for k, v in links.items() if k.startswith("Volgende:"))
    assert parse_qs(urlsplit(previous).query)["datum"] == ["2024-01-01"]
    assert parse_qs(urlsplit(following).query)["datum"] == ["2024-07-01"]
    assert parse_qs(urlsplit(previous).query)["periode"] == ["kwartaal"]


def test_this_month_against_the_previous_month(client, data):
    response = get(client, data.eemland_desk, **JUNE)
    row = row_of(table(response.content, "Per locatie"), "Eemhuis")
    # contacts: June, May, difference; questions: June, May, difference
    assert row[1:] == ["12", "6", "+6 (+100%)", "12", "6", "+6 (+100%)"]


def test_an_iso_week_across_the_new_year(client, net):
    rollup(net.eemhuis, D(2020, 12, 28), questions=2)
    rollup(net.eemhuis, D(2021, 1, 3), questions=5)
    rollup(net.eemhuis, D(2021, 1, 4), questions=50)  # the next week
    response = get(client, net.eemland_desk, periode="week", datum="2021-01-01")
    assert "week 53 van 2020" in text(response)
    assert row_of(table(response.content, "Per kanaal"), "Totaal")[4] == "7"


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"periode": "eeuw"}, "Deze periode kennen we niet."),
        ({"datum": "31-06-2024"}, "Deze datum kennen we niet."),
        ({"datum": "1900-01-01"}, "Deze datum kennen we niet."),
    ],
)
def test_bad_period_input_gets_a_dutch_notice(client, net, params, notice):
    response = get(client, net.eemland_desk, **params)
    assert response.status_code == 200
    assert notice in text(response)


def test_the_staff_menu_leads_to_the_figures(client, data):
    client.force_login(data.breda_staff)
    dashboard = client.get(reverse("core:staff-home")).content.decode()
    assert f'href="{FIGURES}">Cijfers</a>' in dashboard
    page = client.get(FIGURES).content.decode()
    assert f'href="{FIGURES}" aria-current="page">Cijfers</a>' in page
    # Someone without any view of the figures does not get the link.
    poi_without_provinces = staff_user(data.poi_brabant, Role.POI_ADVISER)
    data.poi_brabant.provinces.clear()
    client.force_login(poi_without_provinces)
    assert f'href="{FIGURES}"' not in client.get(reverse("core:staff-home")).content.decode()
    assert client.get(FIGURES).status_code == 403


def test_the_page_works_without_javascript(client, data):
    response = get(client, data.eemland_desk, **JUNE)
    page = response.content.decode()
    assert '<form method="get"' in page
    assert "<script" not in page.split("</head>")[1]  # nothing beyond htmx in the head
    assert page.count("<h1") == 1
    # Every chart is followed by a table with a caption and header cells with a scope.
    assert page.count('class="op-chart"') <= page.count("<caption")
    assert 'scope="col"' in page
    assert 'scope="row"' in page


def _links(response) -> dict[str, str]:
    page = response.content.decode()
    links = {}
    for href, label in re.findall(r'<a class="utrecht-link" href="([^"]+)"[^>]*>(.*?)</a>', page):
        label = re.sub(r"<[^>]+>", "", label)
        links[" ".join(label.replace("‹", "").replace("›", "").split())] = href.replace(
            "&amp;", "&"
        )
    return links


def _drill_link(response, name: str) -> str:
    link = _links(response).get(name)
    assert link, f"no link to {name}"
    return FIGURES + link if link.startswith("?") else link
