"""The referral figures: each number is right, each view sees only its organisations, small
counts are hidden upward, and the page and its CSV are served only to who may see them."""

import datetime
import itertools

import pytest
from django.utils import timezone

from ontwikkelplein.catalogue.models import Programme
from ontwikkelplein.core.figures.periods import Period
from ontwikkelplein.core.figures.vocabulary import Level as View
from ontwikkelplein.organisations.figures import available_levels, scope_for
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.referrals import figures
from ontwikkelplein.referrals.figures import Direction
from ontwikkelplein.referrals.models import (
    Outcome,
    ReceiverKind,
    Referral,
    Source,
    Status,
)

pytestmark = pytest.mark.django_db

JUNE = Period.containing("maand", datetime.date(2026, 6, 15))
TODAY = datetime.date(2026, 6, 30)
PAGE = "/beheer/doorverwijzingen/cijfers/"
CSV = "/beheer/doorverwijzingen/cijfers/csv/"
_codes = itertools.count()


def at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def referral(
    receiver,
    day,
    *,
    sender=None,
    source=Source.STAFF,
    kind=ReceiverKind.PARTNER,
    role="",
    programme=None,
    status=Status.NEW,
    outcome="",
    first_contact_at=None,
    closed_at=None,
    due=None,
):
    """A referral row written directly: created at noon on `day`."""
    made = Referral.objects.create(
        reference=f"T{next(_codes):07d}",
        source=source,
        sender_organisation=sender,
        receiver_organisation=receiver,
        receiver_kind=kind,
        receiver_role=role,
        programme=programme,
        question="(test)",
        status=status,
        outcome=outcome,
        first_contact_at=first_contact_at,
        closed_at=closed_at,
        first_contact_due=due or day + datetime.timedelta(days=3),
    )
    Referral.objects.filter(pk=made.pk).update(created_at=at(day))
    return made


def many(n, *args, **kwargs):
    return [referral(*args, **kwargs) for _ in range(n)]


class Net:
    """Two libraries and a partner in Utrecht (the POI's region), one library in Brabant."""

    def __init__(self):
        utrecht = MunicipalityFactory(province=province("Utrecht"))
        breda = MunicipalityFactory(province=province("Noord-Brabant"))
        self.eemland = OrganisationFactory(name="Bieb Eemland", municipalities=[utrecht])
        self.utrecht = OrganisationFactory(name="Bieb Utrecht", municipalities=[utrecht])
        self.welzijn = PartnerFactory(name="Welzijn Eemland", municipalities=[utrecht])
        self.breda = OrganisationFactory(name="Bieb Breda", municipalities=[breda])
        self.poi = PoiFactory(name="POI Utrecht", provinces=[province("Utrecht")])
        self.kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
        self.eemland_staff = staff_user(self.eemland)
        self.breda_staff = staff_user(self.breda)
        self.adviser = staff_user(self.poi, Role.POI_ADVISER)
        self.kb_admin = staff_user(self.kb, Role.KB_ADMIN)


@pytest.fixture
def net():
    return Net()


def scope(user, view=View.OWN):
    found = scope_for(user, view)
    assert found is not None
    return found


def counts(breakdown, which="current"):
    return {
        row.label: getattr(row.values["referrals"], which).display
        for row in breakdown.rows
        if getattr(row.values["referrals"], which).value
        or getattr(row.values["referrals"], which).hidden
    }


def test_counts_per_dimension(net):
    taalhuis = Programme.objects.create(code="taalhuis-test", name="Taalhuis (test)")
    day = datetime.date(2026, 6, 10)
    many(
        3,
        net.eemland,
        day,
        source=Source.DESK,
        kind=ReceiverKind.COLLEAGUE,
        role="taalhuis",
        programme=taalhuis,
    )
    many(2, net.eemland, day, source=Source.RESIDENT, kind=ReceiverKind.OFFER)
    many(
        1,
        net.eemland,
        day,
        sender=net.welzijn,
        source=Source.PARTNER_SYSTEM,
        status=Status.CLOSED,
        outcome=Outcome.HELPED,
        closed_at=at(day, 15),
    )
    result = figures.figures(scope(net.eemland_staff), JUNE, today=TODAY)

    assert result.total.current.value == 6
    assert counts(result.breakdown("bron")) == {
        "Balie": "3",
        "Inwoner": "2",
        "Systeem van een partner": "1",
    }
    assert counts(result.breakdown("soort-ontvanger")) == {
        "Collega of programma in de eigen bibliotheek": "3",
        "Aanbod uit de catalogus": "2",
        "Partnerorganisatie": "1",
    }
    assert counts(result.breakdown("collega")) == {"Taalhuis": "3"}
    assert counts(result.breakdown("ontvanger")) == {"Bieb Eemland": "6"}
    assert counts(result.breakdown("verwijzer")) == {
        "Geen organisatie (inwoner zelf)": "5",
        "Welzijn Eemland": "1",
    }
    assert counts(result.breakdown("programma")) == {
        "Taalhuis (test)": "3",
        "Geen programma gekozen": "3",
    }
    assert counts(result.breakdown("uitkomst")) == {"Nog niet afgerond": "5", "Geholpen": "1"}
    assert counts(result.breakdown("status")) == {"Nieuw": "5", "Afgerond": "1"}
    series = counts(result.series)
    assert list(series.values()) == ["6"]
    assert result.breakdown("bron").total[0].current.value == 6


def test_the_period_is_compared_with_the_one_before(net):
    many(2, net.eemland, datetime.date(2026, 5, 31))
    many(3, net.eemland, datetime.date(2026, 6, 1))
    many(1, net.eemland, datetime.date(2026, 7, 1))  # the next period
    result = figures.figures(scope(net.eemland_staff), JUNE, today=TODAY)
    assert result.total.current.value == 3
    assert result.total.previous.value == 2
    assert result.total.difference_display == "+1"


def test_a_period_starts_at_local_midnight(net):
    made = referral(net.eemland, datetime.date(2026, 6, 1))
    # 00:30 in Amsterdam on 1 June is still 31 May in UTC: it counts in June.
    Referral.objects.filter(pk=made.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2026, 6, 1, 0, 30))
    )
    result = figures.figures(scope(net.eemland_staff), JUNE, today=TODAY)
    assert result.total.current.value == 1
    assert result.total.previous.value == 0


def test_time_to_first_contact_and_the_deadline(net):
    day = datetime.date(2026, 6, 1)  # a Monday; due on Thursday 4 June
    due = datetime.date(2026, 6, 4)
    kwargs = {"due": due, "status": Status.CONTACTED}
    referral(net.eemland, day, first_contact_at=at(day, 14), **kwargs)  # 2 hours
    referral(net.eemland, day, first_contact_at=at(day + datetime.timedelta(days=1)), **kwargs)
    referral(net.eemland, day, first_contact_at=at(day + datetime.timedelta(days=5)), **kwargs)
    # Closed without contact ("niet meer nodig") on time: answered within the deadline.
    referral(
        net.eemland,
        day,
        due=due,
        status=Status.CLOSED,
        outcome=Outcome.NO_LONGER_NEEDED,
        closed_at=at(day + datetime.timedelta(days=2)),
    )
    # Never contacted, deadline passed: late (and overdue now).
    referral(net.eemland, day, due=due)
    # Never contacted, deadline still ahead: not decided yet.
    referral(net.eemland, datetime.date(2026, 6, 29), due=datetime.date(2026, 7, 2))

    result = figures.figures(scope(net.eemland_staff), JUNE, today=TODAY)
    median = result.stat("median_first_contact")
    assert median.base == 3
    assert median.value == 24  # hours: 2, 24 and 120
    assert median.display == "1 dag"
    within = result.stat("within_deadline")
    assert within.base == 5
    assert within.value == pytest.approx(3 / 5)
    assert within.display == "60%"
    closed = result.stat("closed_with_outcome")
    assert closed.base == 6
    assert closed.display == "17%"
    assert result.overdue_now.value == 1


def test_overdue_now_counts_open_referrals_of_any_period(net):
    referral(net.eemland, datetime.date(2026, 1, 5), due=datetime.date(2026, 1, 8))
    referral(net.eemland, datetime.date(2026, 6, 25), due=datetime.date(2026, 6, 30))  # today
    referral(
        net.eemland,
        datetime.date(2026, 2, 2),
        due=datetime.date(2026, 2, 5),
        status=Status.CLOSED,
        outcome=Outcome.NOT_REACHED,
        closed_at=at(datetime.date(2026, 3, 1)),
    )
    result = figures.figures(scope(net.eemland_staff), JUNE, today=TODAY)
    assert result.overdue_now.value == 1


def test_the_own_view_sees_its_own_organisation_as_receiver_and_as_sender(net):
    day = datetime.date(2026, 6, 10)
    many(2, net.eemland, day)
    many(3, net.welzijn, day, sender=net.eemland)
    many(4, net.breda, day, sender=net.utrecht)  # neither side is Eemland
    own = scope(net.eemland_staff)
    received = figures.figures(own, JUNE, Direction.RECEIVED, today=TODAY)
    sent = figures.figures(own, JUNE, Direction.SENT, today=TODAY)
    assert received.total.current.value == 2
    assert sent.total.current.value == 3
    assert counts(sent.breakdown("ontvanger")) == {"Welzijn Eemland": "3"}
    # Library staff get no region or country view.
    assert available_levels(net.eemland_staff) == [View.OWN]
    assert scope_for(net.eemland_staff, View.REGION) is None
    assert scope_for(net.eemland_staff, View.COUNTRY) is None


def test_the_region_view_counts_the_region_only_and_hides_small_counts(net):
    day = datetime.date(2026, 6, 10)
    many(6, net.eemland, day)
    many(2, net.utrecht, day)
    many(9, net.breda, day)  # another province
    assert available_levels(net.adviser) == [View.REGION]
    result = figures.figures(scope(net.adviser, View.REGION), JUNE, today=TODAY)
    assert result.suppressed
    assert result.total.current.display == "8"
    rows = counts(result.breakdown("ontvanger"))
    # Utrecht's 2 is hidden, and Eemland's 6 with it: else 8 - 6 would give the 2 away.
    assert rows == {"Bieb Eemland": "afgeschermd", "Bieb Utrecht": "<5"}
    assert "Bieb Breda" not in rows


def test_the_country_view_sees_everything_with_small_counts_hidden(net):
    day = datetime.date(2026, 6, 10)
    many(6, net.eemland, day)
    many(7, net.breda, day)
    many(1, net.utrecht, day)
    assert View.COUNTRY in available_levels(net.kb_admin)
    result = figures.figures(scope(net.kb_admin, View.COUNTRY), JUNE, today=TODAY)
    assert result.total.current.display == "14"
    assert counts(result.breakdown("ontvanger")) == {
        "Bieb Breda": "7",
        "Bieb Eemland": "afgeschermd",
        "Bieb Utrecht": "<5",
    }


def test_shares_and_medians_on_few_referrals_are_hidden_upward(net):
    day = datetime.date(2026, 6, 1)
    for _ in range(3):
        referral(net.eemland, day, status=Status.CONTACTED, first_contact_at=at(day, 13))
    region = figures.figures(scope(net.adviser, View.REGION), JUNE, today=TODAY)
    assert region.total.current.display == "<5"
    # Also in the total row of every table.
    assert region.breakdown("bron").total[0].current.display == "<5"
    assert region.breakdown("ontvanger").total[0].current.display == "<5"
    for key in ("median_first_contact", "within_deadline", "closed_with_outcome"):
        stat = region.stat(key)
        assert stat.hidden, key
        assert stat.value is None
        assert "%" not in stat.display and "uur" not in stat.display
    # The library itself sees its exact numbers.
    own = figures.figures(scope(net.eemland_staff), JUNE, today=TODAY)
    assert own.total.current.display == "3"
    assert own.stat("median_first_contact").display == "1 uur"
    assert own.stat("within_deadline").display == "100%"


def test_a_share_that_would_give_away_a_small_count_is_hidden(net):
    day = datetime.date(2026, 6, 1)
    many(9, net.eemland, day)
    referral(
        net.eemland,
        day,
        status=Status.CLOSED,
        outcome=Outcome.HELPED,
        closed_at=at(day, 14),
    )
    region = figures.figures(scope(net.adviser, View.REGION), JUNE, today=TODAY)
    assert region.total.current.display == "10"
    # 10% of 10 would show that one referral was closed.
    assert region.stat("closed_with_outcome").hidden
    assert counts(region.breakdown("uitkomst"))["Geholpen"] == "<5"


def test_figures_cost_a_fixed_number_of_queries(net, django_assert_max_num_queries):
    day = datetime.date(2026, 6, 10)
    for organisation in (net.eemland, net.utrecht, net.welzijn):
        many(3, organisation, day, sender=net.breda)
    with django_assert_max_num_queries(8):
        figures.figures(scope(net.kb_admin, View.COUNTRY), JUNE, today=TODAY)


# --- HTTP ------------------------------------------------------------------------------------


def test_library_staff_see_their_own_page(client, net):
    many(2, net.eemland, datetime.date(2026, 6, 10))
    many(7, net.breda, datetime.date(2026, 6, 10))
    client.force_login(net.eemland_staff)
    response = client.get(PAGE, {"periode": "maand", "datum": "2026-06-10"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cijfers van de doorverwijzingen" in html
    assert "Bieb Eemland" in html
    assert "Bieb Breda" not in html
    assert response.context["figures"].total.current.value == 2
    # No region view for library staff; another view's address answers 404.
    assert client.get(PAGE, {"niveau": "regio"}).status_code == 404
    assert client.get(PAGE, {"weergave": "land"}).status_code == 404


def test_the_poi_page_hides_small_counts(client, net):
    many(2, net.utrecht, datetime.date(2026, 6, 10))
    many(6, net.eemland, datetime.date(2026, 6, 10))
    client.force_login(net.adviser)
    response = client.get(PAGE, {"periode": "maand", "datum": "2026-06-10"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;5" in html
    assert "nooit losse gegevens van mensen" in html
    assert response.context["level"] == View.REGION
    # A POI adviser has no own view.
    assert client.get(PAGE, {"niveau": "eigen"}).status_code == 404


def test_bad_parameters_get_a_notice_not_an_error(client, net):
    client.force_login(net.eemland_staff)
    response = client.get(PAGE, {"periode": "eeuw", "datum": "gisteren", "richting": "links"})
    assert response.status_code == 200
    assert len(response.context["notices"]) == 3


def test_who_gets_no_page(client, net):
    assert client.get(PAGE).status_code == 302  # to the login page
    from ontwikkelplein.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(PAGE).status_code == 403
    assert client.get(CSV).status_code == 403


def test_the_csv_export_holds_the_same_numbers(client, net):
    many(6, net.eemland, datetime.date(2026, 6, 10), source=Source.DESK)
    many(2, net.utrecht, datetime.date(2026, 6, 10), source=Source.RESIDENT)
    client.force_login(net.adviser)
    response = client.get(CSV, {"periode": "maand", "datum": "2026-06-10", "richting": "ontvangen"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "doorverwijzingen-ontvangen-2026-06-01_2026-06-30.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Onderdeel;Naam;juni 2026")
    assert "In het kort;Doorverwijzingen;8;0" in lines
    assert "Per bron;Inwoner;<5;0" in lines
    assert "Per bron;Balie;afgeschermd;0" in lines
