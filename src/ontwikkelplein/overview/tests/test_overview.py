"""The overview: the numbers at every level against the apps' own figures, the small-count rule,
the kept figures of closed windows (and forgetting them when a late change lands), the page,
its sorting, drill-down, downloads and roles."""

import datetime
import io

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ontwikkelplein.core.figures.periods import Period, PeriodKind, Window
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.desk import selectors as desk_selectors
from ontwikkelplein.desk.services import ContactData, register_contact
from ontwikkelplein.desk.tests.figures_data import build_network, question, register, rollup
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from ontwikkelplein.overview import selectors
from ontwikkelplein.overview.models import KeptFigures
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)
LAST_YEAR = Period.containing(PeriodKind.YEAR, datetime.date(2025, 6, 1))
THIS_YEAR = Period.containing(PeriodKind.YEAR, TODAY)
COUNTRY = Scope(Level.COUNTRY, "Heel Nederland")
URL = "/beheer/overzicht/"


def own(*organisations) -> Scope:
    return Scope(Level.OWN, "eigen", frozenset(o.pk for o in organisations))


@pytest.fixture
def net():
    return build_network()


def test_desk_numbers_are_the_desk_pages(net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12, contacts=9)
    rollup(net.vathorst, datetime.date(2025, 4, 3), questions=3, referral="colleague")
    rollup(net.veste, datetime.date(2025, 5, 3), questions=40)
    rollup(net.veste, datetime.date(2024, 5, 3), questions=20)
    result = selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    desk = desk_selectors.figures(COUNTRY, LAST_YEAR, today=TODAY)
    assert result.figure("balie", "desk_questions").measure.current.value == 55
    assert desk.totals.values["questions"].current.value == 55
    assert result.figure("balie", "desk_contacts").measure.current.value == (
        desk.totals.values["contacts"].current.value
    )
    assert result.figure("balie", "desk_questions").measure.previous.value == 20
    assert result.figure("balie", "desk_referred").measure.current.display == "<5"
    # The libraries compared: Eemland 15 questions, Nieuwe Veste 40; Utrecht nothing.
    table = {row.name: row for row in result.table}
    assert table["Bibliotheek Eemland"].cells["desk_questions"].value == 15
    assert table["Nieuwe Veste"].cells["desk_questions"].value == 40
    assert table["Bibliotheek Utrecht"].cells["desk_questions"].value == 0


def test_own_level_is_exact_and_region_hides_small_counts(net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=3)
    rollup(net.neude, datetime.date(2025, 3, 3), questions=30)
    mine = selectors.overview(own(net.eemland), LAST_YEAR, today=TODAY)
    assert mine.figure("balie", "desk_questions").display == "3"
    assert mine.table == []  # one library: nothing to compare
    region = Scope(Level.REGION, "POI Utrecht", frozenset({net.eemland.pk, net.utrecht.pk}))
    result = selectors.overview(region, LAST_YEAR, today=TODAY)
    assert result.figure("balie", "desk_questions").display == "33"
    cells = {row.name: row.cells["desk_questions"] for row in result.table}
    assert cells["Bibliotheek Eemland"].display == "<5"
    # The total is shown, so the other library's count would give the small one away.
    assert cells["Bibliotheek Utrecht"].hidden == "derived"


def test_municipality_and_location_levels(net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    rollup(net.vathorst, datetime.date(2025, 3, 3), questions=7)
    rollup(net.neude, datetime.date(2025, 3, 3), questions=30)
    amersfoort = desk_selectors.resolve_area(COUNTRY, {"gemeente": "GM0307"})
    result = selectors.overview(COUNTRY, LAST_YEAR, amersfoort, today=TODAY)
    assert result.figure("balie", "desk_questions").measure.current.value == 19
    assert [library.name for library in result.libraries] == ["Bibliotheek Eemland"]
    vathorst = desk_selectors.resolve_area(COUNTRY, {"locatie": str(net.vathorst.pk)})
    result = selectors.overview(COUNTRY, LAST_YEAR, vathorst, today=TODAY)
    assert result.figure("balie", "desk_questions").measure.current.value == 7
    assert "locatie" in result.section("balie").note


def test_referrals_courses_learning_and_offers_are_counted(net):
    moment = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    import time_machine

    with time_machine.travel(moment, tick=False):
        for _ in range(6):
            ReferralFactory(sender_organisation=net.eemland)
    result = selectors.overview(own(net.eemland), THIS_YEAR, today=TODAY)
    assert result.figure("doorverwijzingen", "ref_sent").display == "6"
    assert result.figure("doorverwijzingen", "ref_received").display == "6"
    assert result.figure("doorverwijzingen", "ref_accepted").measure.current.value >= 0
    for key in ("certified", "offers", "verified_share"):
        assert result.figure("nu", key)


def test_closed_year_is_kept_and_read_back(net, django_assert_max_num_queries):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    first = selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    assert first.kept
    stored = KeptFigures.objects.filter(start=LAST_YEAR.start, end=LAST_YEAR.end)
    assert stored.count() == 3  # the three libraries
    # What is read back is what was kept: change a kept row and the overview follows it.
    row = stored.get(organisation=net.eemland)
    row.data = {**row.data, "desk_questions": 99}
    row.save()
    again = selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    assert again.figure("balie", "desk_questions").measure.current.value == 99


def test_open_window_is_never_kept(net):
    rollup(net.eemhuis, datetime.date(2026, 12, 1), questions=12)
    result = selectors.overview(COUNTRY, THIS_YEAR, today=TODAY)
    assert not result.kept
    assert result.figure("balie", "desk_questions").measure.current.value == 12
    # The comparison with the same days of last year is closed, so that one is kept.
    assert KeptFigures.objects.filter(
        start=LAST_YEAR.start, end=datetime.date(2025, 12, 7)
    ).exists()
    assert not KeptFigures.objects.filter(end__gte=THIS_YEAR.start).exists()
    # A window that ended less than SETTLE_DAYS ago is still open.
    recent = Window(datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert not selectors.is_closed(recent, TODAY)


def test_other_version_is_not_read(net, monkeypatch):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    KeptFigures.objects.update(data={"desk_questions": 1000})
    monkeypatch.setattr(selectors, "FIGURE_SET_VERSION", selectors.FIGURE_SET_VERSION + 1)
    result = selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    assert result.figure("balie", "desk_questions").measure.current.value == 12


def _late_registration(location, day):
    """A registration loaded with a time long ago (check_time=False: an import of a paper
    list), the one way a registration lands in a closed window."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
    return register_contact(
        ContactData(
            organisation=location.organisation,
            location=location,
            channel="desk",
            questions=[question()],
            registered_at=moment,
        ),
        user=None,
        source="api",
        check_time=False,
    )


def test_late_registration_forgets_the_kept_window_in_the_same_transaction(net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    march = Period.containing(PeriodKind.MONTH, datetime.date(2025, 3, 1))
    selectors.overview(COUNTRY, march, today=TODAY)
    june = Period.containing(PeriodKind.MONTH, datetime.date(2025, 6, 1))
    selectors.overview(COUNTRY, june, today=TODAY)
    eemland = KeptFigures.objects.filter(organisation=net.eemland)
    assert eemland.count() == 6  # year, March, June, each with the window before it

    # A registration that is rolled back forgets nothing.
    with pytest.raises(RuntimeError), transaction.atomic():
        _late_registration(net.vathorst, datetime.date(2025, 3, 20))
        assert not eemland.filter(start__lte="2025-03-20", end__gte="2025-03-20").exists()
        raise RuntimeError
    assert eemland.count() == 6

    with transaction.atomic():
        _late_registration(net.vathorst, datetime.date(2025, 3, 20))
        # Inside the registration's own transaction the windows holding 20 March are gone.
        assert not eemland.filter(start__lte="2025-03-20", end__gte="2025-03-20").exists()
    # The year and March are forgotten; June, and the other libraries, are kept.
    assert eemland.filter(start=june.start, end=june.end).exists()
    assert KeptFigures.objects.filter(organisation=net.breda, start=LAST_YEAR.start).exists()
    result = selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    assert result.figure("balie", "desk_questions").measure.current.value == 13


def test_normal_registration_today_touches_no_kept_rows(net):
    selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    before = KeptFigures.objects.count()
    register(net.eemhuis, timezone.localdate())
    assert KeptFigures.objects.count() == before


def test_referral_changed_forgets_the_window_it_was_sent_in(net):
    import time_machine

    moment = timezone.make_aware(datetime.datetime(2025, 3, 2, 10))
    with time_machine.travel(moment, tick=False):
        referral = ReferralFactory(sender_organisation=net.eemland)
    selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    assert KeptFigures.objects.filter(organisation=net.eemland).exists()
    referral.outcome = "helped"
    referral.save()
    eemland = KeptFigures.objects.filter(organisation=net.eemland)
    assert not eemland.filter(start=LAST_YEAR.start).exists()
    assert eemland.filter(start=datetime.date(2024, 1, 1)).exists()  # the year before
    assert KeptFigures.objects.filter(organisation=net.breda).exists()


def test_sort_table_by_shown_value(net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    rollup(net.neude, datetime.date(2025, 3, 3), questions=30)
    rollup(net.veste, datetime.date(2025, 3, 3), questions=2)
    result = selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    names = [r.name for r in selectors.sort_table(result.table, "desk_questions", True)]
    assert names == ["Bibliotheek Utrecht", "Bibliotheek Eemland", "Nieuwe Veste"]
    names = [r.name for r in selectors.sort_table(result.table, "naam", False)]
    assert names == ["Bibliotheek Eemland", "Bibliotheek Utrecht", "Nieuwe Veste"]


# --- The page ---------------------------------------------------------------------------------


def test_roles(client, net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    team_leader = staff_user(net.eemland, Role.TEAM_LEADER)
    cases = [
        (net.eemland_desk, "", 403),
        (staff_user(net.breda, Role.PARTNER_STAFF), "", 403),
        (team_leader, "", 200),
        (team_leader, "?niveau=land", 404),
        (team_leader, f"?locatie={net.neude.pk}", 404),  # another library's location
        (net.poi_adviser, "?niveau=regio", 200),
        (net.poi_adviser, f"?niveau=regio&organisatie={net.breda.pk}", 404),
        (net.poi_adviser, "?niveau=land", 404),
        (net.kb_admin, "?niveau=land", 200),
        (net.kb_admin, f"?niveau=land&organisatie={net.breda.pk}", 200),
        (net.kb_admin, "?niveau=land&gemeente=GM0307", 200),
    ]
    for user, query, status in cases:
        client.force_login(user)
        assert client.get(URL + query).status_code == status, (user, query)


def test_page_compares_libraries_with_sort_links_and_drill_down(client, net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    rollup(net.neude, datetime.date(2025, 3, 3), questions=30)
    client.force_login(net.kb_admin)
    response = client.get(URL, {"niveau": "land", "periode": "jaar", "datum": "2025-01-01"})
    page = response.content.decode()
    assert "Bibliotheken vergeleken" in page
    assert "sorteer=desk_questions" in page
    assert f"organisatie={net.eemland.pk}" in page  # drill to a library
    assert "Verder inzoomen" in page
    response = client.get(
        URL,
        {
            "niveau": "land",
            "periode": "jaar",
            "datum": "2025-01-01",
            "sorteer": "desk_questions",
            "volgorde": "aflopend",
        },
    )
    page = response.content.decode()
    assert 'aria-sort="descending"' in page
    assert page.index("Bibliotheek Utrecht</a>") < page.index("Bibliotheek Eemland</a>")
    response = client.get(URL, {"niveau": "land", "sorteer": "geheim"})
    assert "Op deze kolom kunnen we niet sorteren" in response.content.decode()


def test_downloads(client, net):
    rollup(net.eemhuis, datetime.date(2025, 3, 3), questions=12)
    rollup(net.neude, datetime.date(2025, 3, 3), questions=3)
    client.force_login(net.kb_admin)
    query = {"niveau": "land", "periode": "jaar", "datum": "2025-01-01"}
    response = client.get(reverse("overview:export", args=["csv"]), query)
    text = response.content.decode("utf-8-sig")
    assert response.status_code == 200
    assert "Vragen;15" in text
    response = client.get(
        reverse("overview:export", args=["csv"]), {**query, "deel": "bibliotheken"}
    )
    text = response.content.decode("utf-8-sig")
    assert "Bibliotheek Utrecht;<5;<5" in text
    response = client.get(reverse("overview:export", args=["xlsx"]), query)
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Overzicht", "Bibliotheken"]
    assert client.get(reverse("overview:export", args=["pdf"]), query).status_code == 404


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "niveau",
                "periode",
                "datum",
                "sorteer",
                "volgorde",
                "gemeente",
                "provincie",
                "organisatie",
                "locatie",
                "deel",
                "formaat",
            ]
        ),
        st.text(max_size=40),
        max_size=6,
    )
)
def test_no_query_string_gives_a_server_error(client, kb_user_for_fuzz, params):
    client.force_login(kb_user_for_fuzz)
    for url in (URL, reverse("overview:export", args=["csv"])):
        response = client.get(url, params)
        assert response.status_code in (200, 404), (params, response.status_code)


@pytest.fixture
def kb_user_for_fuzz(db):
    from ontwikkelplein.organisations.models import OrganisationKind
    from ontwikkelplein.organisations.tests.factories import OrganisationFactory

    return staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN)


def test_forget_command_removes_older_versions(net):
    from django.core.management import call_command

    selectors.overview(COUNTRY, LAST_YEAR, today=TODAY)
    kept = KeptFigures.objects.count()
    KeptFigures.objects.filter(organisation=net.breda).update(version=0)
    call_command("forget_kept_figures", stdout=io.StringIO())
    assert KeptFigures.objects.count() == kept - 2  # Nieuwe Veste's year and the year before
    call_command("forget_kept_figures", "--all", stdout=io.StringIO())
    assert not KeptFigures.objects.exists()
