"""The neighbourhood's needs (docs/community.md, "De behoeften in de buurt"): the signals from
the desk, the wegwijzer, searches, waiting lists and referrals, the gaps per theme, the small-count
rule above the library, the notes and who may write them, the query parameters, and the loader
of public figures."""

import datetime
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue.models import UnmatchedSearch
from ontwikkelplein.catalogue.tests.factories import OfferFactory, theme
from ontwikkelplein.courses.models import Enrolment, EnrolmentStatus
from ontwikkelplein.courses.tests.factories import RunFactory
from ontwikkelplein.desk.models import DailyCount, Topic
from ontwikkelplein.needs import loader, selectors
from ontwikkelplein.needs.models import NeedNote, PublicFigure
from ontwikkelplein.needs.tests.factories import NeedNoteFactory
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.referrals.models import Outcome, Referral
from ontwikkelplein.referrals.tests.factories import ReferralFactory
from ontwikkelplein.wayfinder.models import PathCount

pytestmark = pytest.mark.django_db

URL = "/beheer/behoeften/"


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(provinces=[utrecht])
    town = MunicipalityFactory(province=utrecht, code="GM0307", name="Amersfoort")
    village = MunicipalityFactory(province=utrecht, code="GM0327", name="Leusden")
    library = OrganisationFactory(name="Bibliotheek Buurtstad", municipalities=[town, village])
    neighbour = OrganisationFactory(name="Bibliotheek Naburig", municipalities=[town])
    far = OrganisationFactory(municipalities=[MunicipalityFactory(province=province("Groningen"))])
    kb = OrganisationFactory(kind="kb", name="KB")
    return {
        "town": town,
        "village": village,
        "library": library,
        "neighbour": neighbour,
        "far": far,
        "main": LocationFactory(organisation=library, municipality=town, name="Centrale"),
        "branch": LocationFactory(organisation=library, municipality=village, name="Leusden"),
        "specialist": staff_user(library, Role.SPECIALIST),
        "leader": staff_user(library, Role.TEAM_LEADER),
        "desk": staff_user(library, Role.FRONT_DESK),
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "kb": staff_user(kb, Role.KB_ADMIN),
        "partner": staff_user(PartnerFactory(), Role.PARTNER_STAFF),
        "far_specialist": staff_user(far, Role.SPECIALIST),
    }


def _client(client, user):
    client.force_login(user)
    return client


def _desk(organisation, location, n, *, topic=None, days_ago=5):
    DailyCount.objects.create(
        organisation=organisation,
        location=location,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        channel="desk",
        category="digital_government",
        topic_id=topic.pk if topic else 0,
        questions=n,
        contacts=n,
    )


def _waiting(run, n):
    for _ in range(n):
        Enrolment.objects.create(
            run=run, status=EnrolmentStatus.WAITING, reference=uuid.uuid4().hex[:12]
        )


def _not_suitable(library, offer, reason="De tijden passen niet."):
    referral = ReferralFactory(sender_organisation=library)
    Referral.objects.filter(pk=referral.pk).update(
        outcome=Outcome.NOT_SUITABLE, outcome_reason=reason, offer=offer, closed_at=timezone.now()
    )


def _window(months=12):
    return selectors.window_for(months, timezone.localdate())


# --- The signals and the gaps ---------------------------------------------------------------------


def test_window_is_the_last_months_up_to_today():
    today = datetime.date(2026, 3, 31)
    window = selectors.window_for(12, today)
    assert (window.start, window.end) == (datetime.date(2025, 4, 1), today)
    window = selectors.window_for(3, datetime.date(2026, 5, 31))
    assert window.start == datetime.date(2026, 3, 1)


def test_desk_questions_by_topic_and_location_from_the_roll_up(world):
    digid = Topic.objects.create(code="digid-x", name="DigiD X")
    _desk(world["library"], world["main"], 7, topic=digid)
    _desk(world["library"], world["branch"], 2, topic=digid)
    _desk(world["library"], world["branch"], 3)
    _desk(world["library"], world["main"], 50, topic=digid, days_ago=500)  # before the period
    _desk(world["neighbour"], LocationFactory(organisation=world["neighbour"]), 40, topic=digid)
    assert dict(selectors.desk_by_topic(world["library"], None, _window())) == {
        "DigiD X": 9,
        "Zonder onderwerp": 3,
    }
    assert dict(selectors.desk_by_location(world["library"], None, _window())) == {
        "Centrale": 7,
        "Leusden": 5,
    }
    # One municipality: only the locations there.
    assert dict(selectors.desk_by_location(world["library"], world["village"], _window())) == {
        "Leusden": 5
    }


def test_gaps_put_need_without_offer_first(world):
    library = world["library"]
    money, digital = theme("geldzaken"), theme("digitale-overheid")
    # Digital government: need and three offers; money matters: need and no offer.
    for _ in range(3):
        OfferFactory(organisation=library, themes=[digital])
    course = OfferFactory(organisation=world["far"], themes=[money])  # far away: not near
    run = RunFactory(offer=OfferFactory(organisation=library, themes=[digital]))
    _waiting(run, 6)
    _not_suitable(library, course)
    _not_suitable(library, course, reason="")
    NeedNoteFactory(organisation=library, theme=money)
    PathCount.objects.create(
        day=timezone.localdate(),
        channel="resident",
        version_number=1,
        need="geld",
        theme="geldzaken",
        municipality_code="GM0307",
        found_nearby=False,
        count=4,
    )
    data = selectors.needs(library, None, _window(), exact=True)
    assert [g.theme for g in data.gaps] == ["Geldzaken", "Digitale overheid en DigiD"]
    money_gap, digital_gap = data.gaps
    assert money_gap.is_gap and money_gap.offers == 0
    assert money_gap.signals["unmet"].value == 4
    assert money_gap.signals["not_suitable"].value == 2
    assert money_gap.signals["notes"].value == 1
    assert money_gap.need.value == 7
    assert not digital_gap.is_gap and digital_gap.offers == 4
    assert digital_gap.signals["waiting"].value == 6
    not_suitable = next(t for t in data.tables if t.key == "not-suitable")
    assert [(line.label, line.cell.value, line.detail) for line in not_suitable.lines] == [
        ("Geldzaken", 2, "1")
    ]


def test_desk_questions_count_for_the_theme_of_their_topic(world):
    library = world["library"]
    money = theme("geldzaken")
    fines = Topic.objects.create(code="boetes-x", name="Boetes X", theme=money)
    loose = Topic.objects.create(code="overig-x", name="Overig X")
    _desk(library, world["main"], 6, topic=fines)
    _desk(library, world["branch"], 2, topic=fines)
    _desk(library, world["main"], 9, topic=loose)  # a topic without a theme: no theme's need
    _desk(world["neighbour"], LocationFactory(organisation=world["neighbour"]), 30, topic=fines)
    assert selectors.desk_by_theme(library, None, _window()) == {"geldzaken": 8}
    assert selectors.desk_by_theme(library, world["village"], _window()) == {"geldzaken": 2}
    data = selectors.needs(library, None, _window(), exact=True)
    assert [(g.theme, g.signals["desk"].value, g.is_gap) for g in data.gaps] == [
        ("Geldzaken", 8, True)
    ]


def test_the_national_topics_have_their_catalogue_theme():
    # Seeded by desk/migrations/0006_topic_theme.py from desk/reference_data.TOPIC_THEMES.
    assert Topic.objects.get(code="toeslagen").theme.code == "digitale-overheid"
    assert Topic.objects.get(code="apparaat").theme.code == "digitale-vaardigheden"
    assert Topic.objects.get(code="overig").theme is None


def test_small_counts_are_hidden_above_the_library(world):
    library = world["library"]
    digid = Topic.objects.create(code="digid-y", name="DigiD Y")
    _desk(library, world["main"], 3, topic=digid)
    _desk(library, world["branch"], 12)
    exact = selectors.needs(library, None, _window(), exact=True)
    aggregate = selectors.needs(library, None, _window(), exact=False)
    assert [line.cell.display for line in exact.tables[0].lines] == ["12", "3"]
    assert [line.cell.display for line in aggregate.tables[0].lines] == ["12", "<5"]
    # A hidden count draws no bar.
    assert [bar.width for bar in aggregate.tables[0].chart.bars][1] == 0


def test_searches_without_results_and_empty_sections(world):
    UnmatchedSearch.objects.create(phrase="cursus arabisch lezen", count=9)
    data = selectors.needs(world["library"], None, _window(), exact=True)
    assert [line.label for line in data.unmatched.lines] == ["cursus arabisch lezen"]
    assert all(not t.lines and t.empty for t in data.tables)
    assert data.gaps == []


# --- Who sees what --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["specialist", "leader", "desk"])
def test_the_library_sees_its_page(client, world, role):
    NeedNoteFactory(organisation=world["library"], author=world["specialist"])
    response = _client(client, world[role]).get(URL)
    assert response.status_code == 200
    assert "Bibliotheek Buurtstad" in response.content.decode()
    assert "Ouders in de wijk" in response.content.decode()
    assert ("Notitie toevoegen" in response.content.decode()) is (role != "desk")


@pytest.mark.parametrize("role", ["adviser", "kb"])
def test_the_region_and_the_kb_see_aggregates_without_authors(client, world, role):
    author = world["specialist"]
    author.first_name, author.last_name = "Saskia", "Schrijver"
    author.save()
    NeedNoteFactory(organisation=world["library"], author=author)
    _desk(world["library"], world["main"], 2)
    response = _client(client, world[role]).get(URL, {"org": world["library"].pk})
    body = response.content.decode()
    assert response.status_code == 200
    assert "&lt;5" in body
    assert "Schrijver" not in body
    assert "Notitie toevoegen" not in body
    own = _client(client, world["specialist"]).get(URL).content.decode()
    assert "Schrijver" in own


def test_partner_403_and_other_library_404(client, world):
    assert _client(client, world["partner"]).get(URL).status_code == 403
    far = world["far"].pk
    assert _client(client, world["specialist"]).get(URL, {"org": far}).status_code == 404
    assert _client(client, world["adviser"]).get(URL, {"org": far}).status_code == 404
    assert _client(client, world["kb"]).get(URL, {"org": far}).status_code == 200
    assert _client(client, world["desk"]).get(reverse("needs:note-new")).status_code == 403


def test_download_is_csv(client, world):
    _desk(world["library"], world["main"], 8)
    response = _client(client, world["specialist"]).get(reverse("needs:download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "Balievragen per vestiging;Centrale;8" in response.content.decode("utf-8-sig")


# --- Notes ----------------------------------------------------------------------------------------


def test_specialist_adds_changes_and_deletes_a_note(client, world):
    c = _client(client, world["specialist"])
    today = timezone.localdate().isoformat()
    money = theme("geldzaken")
    response = c.post(
        reverse("needs:note-new"),
        {
            "text": "De voedselbank ziet veel vragen over post.",
            "noted_on": today,
            "municipality": world["village"].pk,
            "theme": money.pk,
        },
    )
    assert response.status_code == 302
    note = NeedNote.objects.get()
    assert (note.organisation, note.author, note.theme) == (
        world["library"],
        world["specialist"],
        money,
    )
    response = c.post(
        reverse("needs:note-edit", args=[note.pk]), {"text": "Anders.", "noted_on": today}
    )
    note.refresh_from_db()
    assert note.text == "Anders." and note.municipality is None
    # Another library's specialist: 404; the front desk: 403.
    other = _client(client, world["far_specialist"])
    assert other.post(reverse("needs:note-delete", args=[note.pk])).status_code == 404
    desk = _client(client, world["desk"])
    assert desk.post(reverse("needs:note-delete", args=[note.pk])).status_code == 403
    c = _client(client, world["leader"])
    assert c.post(reverse("needs:note-delete", args=[note.pk])).status_code == 302
    assert not NeedNote.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw Jansen belt op 0612345678.",
        "Stuur het naar piet@example.org",
        "Woont op 3811 HN 12.",
    ],
)
def test_a_note_with_personal_data_is_refused(client, world, text):
    c = _client(client, world["specialist"])
    response = c.post(
        reverse("needs:note-new"), {"text": text, "noted_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 200
    assert "persoonsgegevens" in response.content.decode()
    assert not NeedNote.objects.exists()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.text(max_size=700),
    noted_on=st.text(max_size=20),
    municipality=st.text(max_size=40),
    theme_value=st.text(max_size=40),
)
def test_no_note_input_gives_a_500(client, world, text, noted_on, municipality, theme_value):
    c = _client(client, world["specialist"])
    response = c.post(
        reverse("needs:note-new"),
        {"text": text, "noted_on": noted_on, "municipality": municipality, "theme": theme_value},
    )
    assert response.status_code in (200, 302)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    org=st.one_of(st.text(max_size=40), st.just("")),
    gemeente=st.one_of(st.text(max_size=20), st.sampled_from(["GM0307", "327", "gm0327"])),
    maanden=st.one_of(st.text(max_size=6), st.sampled_from(["3", "6", "12", "24", "99"])),
)
def test_no_query_gives_a_500(client, world, org, gemeente, maanden):
    c = _client(client, world["adviser"])
    params = {"org": org, "gemeente": gemeente, "maanden": maanden}
    for url in (URL, reverse("needs:download")):
        assert c.get(url, params).status_code in (200, 404)


def test_municipality_and_period_parameters(client, world):
    c = _client(client, world["specialist"])
    body = c.get(URL, {"gemeente": "327", "maanden": "3"}).content.decode()
    assert 'value="GM0327" selected' in body and 'value="3" selected' in body
    body = c.get(URL, {"gemeente": "GM9999", "maanden": "7"}).content.decode()
    assert "hoort niet bij de bibliotheek" in body
    assert "Deze periode kennen we niet" in body


# --- The public figures loader --------------------------------------------------------------------


def _file(tmp_path, text):
    path = tmp_path / "cijfers.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_loader_loads_a_good_file(tmp_path, world):
    path = _file(
        tmp_path,
        "gemeente;cijfer;jaar;waarde\nGM0307;laaggeletterdheid;2024;12,4\n"
        "327;digitaal_laagvaardig;2024;15.0\n",
    )
    call_command("load_public_figures", path, source="Testbron", licence="CC BY 4.0")
    figures = {(f.municipality.code, f.indicator): f.value for f in PublicFigure.objects.all()}
    assert {k: str(v) for k, v in figures.items()} == {
        ("GM0307", "laaggeletterdheid"): "12.4",
        ("GM0327", "digitaal_laagvaardig"): "15.0",
    }
    data = selectors.needs(world["library"], None, _window(), exact=True)
    assert [(f.municipality, f.value, f.licence) for f in data.figures][0] == (
        "Amersfoort",
        "12,4 %",
        "CC BY 4.0",
    )


def test_loader_reports_every_bad_line_and_changes_nothing(tmp_path, world):
    PublicFigure.objects.create(
        municipality=world["town"],
        indicator="laaggeletterdheid",
        year=2024,
        value=10,
        source="Oud",
        licence="CC0",
    )
    path = _file(
        tmp_path,
        "gemeente;cijfer;jaar;waarde\nGM0307;laaggeletterdheid;2024;11\n"
        "GM9999;laaggeletterdheid;2024;11\nGM0327;geluk;twee;150\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("load_public_figures", path, source="Nieuw", licence="CC BY 4.0")
    message = str(error.value)
    assert "Niets geladen" in message
    assert "Regel 3: gemeente ‘GM9999’ kennen we niet" in message
    assert "Regel 4:" in message and "jaar is geen jaartal" in message
    assert "waarde is geen percentage" in message
    assert PublicFigure.objects.get().source == "Oud"


def test_loader_refuses_a_wrong_header_and_missing_licence():
    with pytest.raises(loader.LoadError) as error:
        loader.load(b"code;year;value\n", source="x", licence="y")
    assert "ontbreken" in error.value.problems[0]
    with pytest.raises(loader.LoadError):
        loader.load(b"gemeente;cijfer;jaar;waarde\n", source="x", licence="")
    with pytest.raises(loader.LoadError):
        loader.load(b"\xff\xfe", source="x", licence="y")
