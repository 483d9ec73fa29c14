"""The figures from the roll-ups: totals, breakdowns, the comparison with the previous period,
the areas of each view, and the small-count rule of the region and country views."""

import datetime

import pytest
import time_machine
from django.utils import translation

from ontwikkelplein.core.figures.cells import Cell, Measure, hide_small, protect_group
from ontwikkelplein.core.figures.periods import Period, PeriodKind
from ontwikkelplein.core.figures.vocabulary import Level as View
from ontwikkelplein.desk import selectors
from ontwikkelplein.desk.models import DailyCount
from ontwikkelplein.desk.selectors import Area, figures, resolve_area
from ontwikkelplein.desk.services import remove_contact
from ontwikkelplein.desk.tests.figures_data import build_network, question, register, rollup
from ontwikkelplein.organisations.figures import available_levels, scope_for
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import LocationFactory, MembershipFactory

pytestmark = pytest.mark.django_db

JUNE = Period.containing(PeriodKind.MONTH, datetime.date(2024, 6, 1))
D = datetime.date


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def net():
    return build_network()


def values(breakdown, measure="questions", which="current"):
    """{row label: shown text} of one column."""
    return {r.label: getattr(r.values[measure], which).display for r in breakdown.rows}


def numbers(breakdown, measure="questions", which="current"):
    return {r.label: getattr(r.values[measure], which).value for r in breakdown.rows}


# --- Counting ---


def test_registrations_add_up_per_dimension(net):
    register(
        net.eemhuis, D(2024, 6, 3), question(), question(topic="toeslagen", agency="toeslagen")
    )
    register(
        net.eemhuis,
        D(2024, 6, 4),
        question(category="library", agency=None, topic=None, help_types=["provider_info"]),
        channel="phone",
    )
    register(
        net.vathorst,
        D(2024, 6, 30),
        question(help_types=["digital_contact", "referral"], referral="colleague"),
    )
    register(net.vathorst, D(2024, 7, 1), question())  # next month: not counted
    scope = scope_for(net.eemland_desk, View.OWN)

    result = figures(scope, JUNE)

    assert result.totals.values["contacts"].current.value == 3
    assert result.totals.values["questions"].current.value == 4
    channel = result.breakdown("channel")
    assert numbers(channel, "contacts")["Balie of inloop"] == 2
    assert numbers(channel, "questions")["Balie of inloop"] == 3
    assert numbers(channel, "contacts")["Telefoon"] == 1
    assert numbers(channel, "contacts")["E-mail of chat"] == 0
    assert numbers(result.breakdown("category")) == {
        "Digitale overheid": 3,
        "Bibliotheekdienstverlening": 1,
        "Overig": 0,
    }
    agency = numbers(result.breakdown("agency"))
    assert agency == {"Belastingdienst": 2, "Dienst Toeslagen": 1, "Geen organisatie gekozen": 1}
    assert [r.label for r in result.breakdown("agency").rows][0] == "Belastingdienst"
    assert numbers(result.breakdown("topic"))["DigiD aanvragen"] == 2
    help_given = numbers(result.breakdown("help"))
    assert help_given["Hulp bij digitaal contact met een dienstverlener"] == 3
    assert help_given["Doorverwijzing"] == 1
    assert help_given["Algemene informatie over een dienstverlener"] == 1
    referral = numbers(result.breakdown("referral"))
    assert referral["Collega of programma in de eigen bibliotheek"] == 1
    assert referral["Niet doorverwezen"] == 3
    areas = result.breakdown("areas")
    assert areas.title == "Per locatie"
    assert numbers(areas, "contacts") == {"Eemhuis": 2, "Vathorst": 1}
    assert [t.label for t in result.top_topics] == ["DigiD aanvragen", "Toeslagen"]


def test_removed_registrations_do_not_count(net):
    register(net.eemhuis, D(2024, 6, 3), question())
    contact = register(net.eemhuis, D(2024, 6, 3), question(), user=net.eemland_desk)
    scope = scope_for(net.eemland_desk, View.OWN)
    assert figures(scope, JUNE).totals.values["questions"].current.value == 2
    # Removing is allowed to the author within 24 hours of registering.
    with time_machine.travel(contact.created_at, tick=False):
        remove_contact(contact, user=net.eemland_desk)
    assert figures(scope, JUNE).totals.values["questions"].current.value == 1


def test_this_period_is_compared_with_the_previous_one(net):
    rollup(net.eemhuis, D(2024, 5, 31), questions=8)
    rollup(net.eemhuis, D(2024, 5, 1), questions=2, channel="phone")
    rollup(net.eemhuis, D(2024, 4, 30), questions=100)  # before the previous month
    rollup(net.eemhuis, D(2024, 6, 1), questions=15)
    rollup(net.eemhuis, D(2024, 6, 30), questions=5, channel="phone")
    scope = scope_for(net.eemland_desk, View.OWN)

    result = figures(scope, JUNE)

    assert result.previous == Period(PeriodKind.MONTH, D(2024, 5, 1), D(2024, 5, 31))
    total = result.totals.values["questions"]
    assert (total.current.value, total.previous.value, total.difference) == (20, 10, 10)
    assert total.change_display == "+100%"
    desk = next(r for r in result.breakdown("channel").rows if r.key == "desk")
    assert desk.values["questions"].difference == 7
    assert desk.values["questions"].difference_display == "+7"
    phone = next(r for r in result.breakdown("channel").rows if r.key == "phone")
    assert phone.values["questions"].difference_display == "+3"
    assert phone.values["questions"].change_display == "+150%"

    # Without the comparison the previous period is not read.
    alone = figures(scope, JUNE, compare=False)
    assert alone.previous is None
    assert alone.totals.values["questions"].previous is None
    assert alone.totals.values["questions"].current.value == 20


def test_a_fall_shows_a_minus_sign():
    measure = Measure(Cell(6), Cell(8))
    assert measure.difference == -2
    assert measure.difference_display == "−2"
    assert measure.change_display == "−25%"


def test_the_course_over_the_period_adds_up(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=4)
    rollup(net.eemhuis, D(2024, 6, 3), questions=1, channel="phone")
    rollup(net.eemhuis, D(2024, 6, 30), questions=2)
    scope = scope_for(net.eemland_desk, View.OWN)
    month = figures(scope, JUNE).series
    assert len(month.rows) == 30
    assert month.rows[2].values["questions"].current.value == 5
    assert month.rows[29].values["questions"].current.value == 2
    assert month.total[1].current.value == 7

    quarter = figures(scope, Period.containing(PeriodKind.QUARTER, D(2024, 6, 3))).series
    by_week = {r.label.split(" (")[0]: r.values["questions"].current.value for r in quarter.rows}
    assert by_week["week 23"] == 5  # 3 to 9 June
    assert by_week["week 26"] == 2  # 24 to 30 June
    assert sum(by_week.values()) == 7

    year = figures(scope, Period.containing(PeriodKind.YEAR, D(2024, 6, 3))).series
    assert numbers(year)["juni"] == 7
    assert figures(scope, Period.containing(PeriodKind.DAY, D(2024, 6, 3))).series is None


# --- Scopes and areas ---


def test_the_own_view_counts_only_the_own_organisation(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=3)
    rollup(net.veste, D(2024, 6, 3), questions=40)
    rollup(net.neude, D(2024, 6, 3), questions=50)
    eemland = figures(scope_for(net.eemland_desk, View.OWN), JUNE)
    assert eemland.totals.values["questions"].current.value == 3
    assert {r.label for r in eemland.breakdown("areas").rows} == {"Eemhuis", "Vathorst"}
    breda = figures(scope_for(net.breda_staff, View.OWN), JUNE)
    assert breda.totals.values["questions"].current.value == 40


def test_views_follow_the_roles(net):
    assert available_levels(net.eemland_desk) == [View.OWN]
    assert available_levels(net.poi_adviser) == [View.REGION]
    assert available_levels(net.kb_admin) == [View.COUNTRY]
    assert scope_for(net.eemland_desk, View.REGION) is None
    assert scope_for(net.eemland_desk, View.COUNTRY) is None
    assert scope_for(net.poi_adviser, View.COUNTRY) is None
    assert scope_for(net.poi_adviser, View.OWN) is None
    # A library member who is also a POI adviser chooses between both views.
    MembershipFactory(user=net.eemland_desk, organisation=net.poi_utrecht, role=Role.POI_ADVISER)
    net.eemland_desk._ontwikkelplein_memberships = None
    assert available_levels(net.eemland_desk) == [View.OWN, View.REGION]


def test_the_region_view_counts_the_locations_in_the_pois_provinces(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=10)
    rollup(net.vathorst, D(2024, 6, 3), questions=6)
    rollup(net.neude, D(2024, 6, 3), questions=20)
    rollup(net.veste, D(2024, 6, 3), questions=40)  # Noord-Brabant
    scope = scope_for(net.poi_adviser, View.REGION)

    root = figures(scope, JUNE)
    assert root.totals.values["questions"].current.value == 36
    assert numbers(root.breakdown("areas")) == {"Utrecht": 36}
    assert root.breakdown("areas").title == "Per provincie"

    province = resolve_area(scope, {"provincie": "PV26"})
    by_municipality = figures(scope, JUNE, province).breakdown("areas")
    assert numbers(by_municipality) == {"Amersfoort": 16, "Utrecht": 20}
    assert by_municipality.rows[0].drill == {"provincie": "PV26", "gemeente": "GM0307"}

    municipality = resolve_area(scope, {"provincie": "PV26", "gemeente": "GM0307"})
    assert numbers(figures(scope, JUNE, municipality).breakdown("areas")) == {
        "Bibliotheek Eemland": 16
    }
    library = resolve_area(
        scope, {"provincie": "PV26", "gemeente": "GM0307", "organisatie": str(net.eemland.pk)}
    )
    assert numbers(figures(scope, JUNE, library).breakdown("areas")) == {
        "Eemhuis": 10,
        "Vathorst": 6,
    }
    location = resolve_area(scope, {"locatie": str(net.vathorst.pk)})
    assert [c.label for c in location.crumbs] == [
        "POI Utrecht",
        "Utrecht",
        "Amersfoort",
        "Bibliotheek Eemland",
        "Vathorst",
    ]
    at_location = figures(scope, JUNE, location)
    assert at_location.breakdown("areas") is None
    assert at_location.totals.values["questions"].current.value == 6


def test_the_country_view_sees_every_province(net):
    rollup(net.veste, D(2024, 6, 3), questions=40)
    rollup(net.eemhuis, D(2024, 6, 3), questions=10)
    scope = scope_for(net.kb_admin, View.COUNTRY)
    result = figures(scope, JUNE)
    provinces = numbers(result.breakdown("areas"))
    assert len(provinces) == 12
    assert provinces["Noord-Brabant"] == 40
    assert provinces["Utrecht"] == 10
    assert provinces["Zeeland"] == 0
    brabant = resolve_area(scope, {"provincie": "PV30", "gemeente": "GM0758"})
    assert figures(scope, JUNE, brabant).totals.values["questions"].current.value == 40


@pytest.mark.parametrize(
    ("who", "view", "params"),
    [
        ("poi_adviser", View.REGION, {"provincie": "PV30"}),
        ("poi_adviser", View.REGION, {"gemeente": "GM0758"}),
        ("poi_adviser", View.REGION, {"organisatie": "breda"}),
        ("poi_adviser", View.REGION, {"locatie": "veste"}),
        ("poi_adviser", View.REGION, {"provincie": "PV26", "gemeente": "GM0758"}),
        ("poi_adviser", View.REGION, {"gemeente": "GM0344", "organisatie": "eemland"}),
        ("poi_adviser", View.REGION, {"organisatie": "eemland", "locatie": "neude"}),
        ("poi_adviser", View.REGION, {"provincie": "PV99"}),
        ("poi_adviser", View.REGION, {"organisatie": "not-a-uuid"}),
        ("eemland_desk", View.OWN, {"organisatie": "breda"}),
        ("eemland_desk", View.OWN, {"locatie": "veste"}),
        ("eemland_desk", View.OWN, {"locatie": "neude"}),
        ("eemland_desk", View.OWN, {"provincie": "PV26"}),
        ("eemland_desk", View.OWN, {"gemeente": "GM0307"}),
        ("kb_admin", View.COUNTRY, {"provincie": "PV26", "gemeente": "GM0758"}),
    ],
)
def test_areas_outside_the_scope_are_not_found(net, who, view, params):
    ids = {
        "breda": str(net.breda.pk),
        "eemland": str(net.eemland.pk),
        "veste": str(net.veste.pk),
        "neude": str(net.neude.pk),
    }
    params = {k: ids.get(v, v) for k, v in params.items()}
    scope = scope_for(getattr(net, who), view)
    with pytest.raises(selectors.AreaNotFound):
        resolve_area(scope, params)


def test_areas_inside_the_scope_are_found(net):
    own = scope_for(net.eemland_desk, View.OWN)
    assert resolve_area(own, {"locatie": str(net.vathorst.pk)}).location == net.vathorst
    # The one own organisation is the root; naming it changes nothing.
    assert resolve_area(own, {"organisatie": str(net.eemland.pk)}).level == "root"
    kb = scope_for(net.kb_admin, View.COUNTRY)
    area = resolve_area(kb, {"organisatie": str(net.breda.pk)})
    assert area.level == "organisation"
    assert area.child_level == "location"
    assert resolve_area(kb, {"gemeente": "GM0758"}).province.code == "PV30"


def test_a_library_without_registrations_is_listed_with_zero(net):
    """So a POI sees which libraries do not register."""
    scope = scope_for(net.poi_adviser, View.REGION)
    municipality = resolve_area(scope, {"provincie": "PV26", "gemeente": "GM0307"})
    rows = figures(scope, JUNE, municipality).breakdown("areas").rows
    assert [r.label for r in rows] == ["Bibliotheek Eemland"]
    assert rows[0].values["questions"].current.value == 0


# --- Small counts ---


def test_small_counts_are_hidden_in_the_region_view(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=3, channel="desk")
    rollup(net.eemhuis, D(2024, 6, 3), questions=10, channel="phone")
    rollup(net.eemhuis, D(2024, 6, 3), questions=7, channel="online")
    rollup(net.eemhuis, D(2024, 5, 3), questions=2, channel="phone")
    scope = scope_for(net.poi_adviser, View.REGION)

    result = figures(scope, JUNE)

    assert result.suppressed
    assert result.totals.values["questions"].current.display == "20"
    assert result.totals.values["questions"].previous.display == "<5"
    assert result.totals.values["questions"].difference is None
    channel = result.breakdown("channel")
    shown = values(channel)
    assert shown["Balie of inloop"] == "<5"
    # With the total shown, 3 = 20 - 10 - 7: so the smallest other count is hidden too.
    assert shown["E-mail of chat"] == "afgeschermd"
    assert shown["Telefoon"] == "10"
    assert shown["Spreekuur of afspraak"] == "0"
    phone = next(r for r in channel.rows if r.key == "phone").values["questions"]
    assert phone.previous.display == "<5"
    assert phone.difference is None
    assert phone.difference_display == "verborgen"


def test_the_own_view_shows_exact_small_counts(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=3, channel="desk")
    rollup(net.eemhuis, D(2024, 6, 3), questions=10, channel="phone")
    result = figures(scope_for(net.eemland_desk, View.OWN), JUNE)
    assert not result.suppressed
    assert values(result.breakdown("channel"))["Balie of inloop"] == "3"


def test_two_hidden_counts_need_no_third():
    cells = [Cell(2), Cell(3), Cell(9), Cell(0)]
    for cell in cells:
        hide_small(cell)
    protect_group(cells)
    assert [c.display for c in cells] == ["<5", "<5", "9", "0"]


def test_a_single_hidden_count_takes_the_smallest_other_with_it():
    cells = [Cell(4), Cell(12), Cell(6), Cell(0), Cell(5)]
    for cell in cells:
        hide_small(cell)
    protect_group(cells)
    assert [c.display for c in cells] == ["<5", "12", "6", "0", "afgeschermd"]


def test_hidden_counts_never_rank_among_the_top_topics(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=3, topic="toeslagen")
    rollup(net.eemhuis, D(2024, 6, 3), questions=9, topic="digid-app")
    rollup(net.eemhuis, D(2024, 6, 3), questions=6, topic="zorg")
    rollup(net.eemhuis, D(2024, 6, 3), questions=2, topic="boetes")
    result = figures(scope_for(net.kb_admin, View.COUNTRY), JUNE)
    assert [t.label for t in result.top_topics] == ["DigiD-app", "Zorg"]
    topics = values(result.breakdown("topic"))
    assert topics["Toeslagen"] == "<5"
    assert topics["Boetes"] == "<5"
    # Hidden counts are listed after the shown ones, by name, not by their real size.
    assert [r.label for r in result.breakdown("topic").rows][2:] == ["Boetes", "Toeslagen"]


def test_counts_in_the_drill_down_are_hidden_per_child(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=2)
    rollup(net.vathorst, D(2024, 6, 3), questions=30)
    rollup(net.neude, D(2024, 6, 3), questions=20)
    scope = scope_for(net.poi_adviser, View.REGION)
    library = resolve_area(scope, {"organisatie": str(net.eemland.pk)})
    shown = values(figures(scope, JUNE, library).breakdown("areas"))
    assert shown == {"Eemhuis": "<5", "Vathorst": "afgeschermd"}


def test_a_hidden_total_hides_its_parts(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=3)
    result = figures(scope_for(net.kb_admin, View.COUNTRY), JUNE)
    assert result.totals.values["questions"].current.display == "<5"
    assert all(
        r.values["questions"].current.display in {"0", "<5"}
        for b in result.breakdowns
        for r in b.rows
    )


# --- Cost ---


def test_figures_read_the_roll_ups_in_a_fixed_number_of_queries(net, django_assert_max_num_queries):
    for day in range(1, 31):
        for channel in ("desk", "phone"):
            rollup(net.eemhuis, D(2024, 6, day), questions=day, channel=channel, topic="zorg")
            rollup(net.veste, D(2024, 6, day), questions=day, channel=channel, agency="uwv")
    scope = scope_for(net.kb_admin, View.COUNTRY)
    area = Area(scope)
    with django_assert_max_num_queries(12):
        result = figures(scope, JUNE, area)
    assert result.totals.values["questions"].current.value == 4 * sum(range(1, 31))
    assert DailyCount.objects.count() == 120


def test_a_new_location_without_registrations_shows_zero(net):
    new = LocationFactory(organisation=net.eemland, name="Amersfoort Noord")
    result = figures(scope_for(net.eemland_desk, View.OWN), JUNE)
    assert numbers(result.breakdown("areas"), "contacts")[new.name] == 0
