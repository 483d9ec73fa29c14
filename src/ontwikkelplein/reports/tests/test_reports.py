"""Quarterly and yearly reports: figures from live data with small counts hidden, a text per
theme (escaped, no personal data), publishing freezes the figures, the public link and PDF,
roles and bad input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.core.tests.pdf import assert_tagged, flat, read_pdf
from ontwikkelplein.desk.models import HelpType
from ontwikkelplein.desk.tests.factories import ContactFactory, question
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.participation.models import ParticipationStatus
from ontwikkelplein.participation.tests.factories import ParticipationFactory, scheme
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.reports import figures, services, themes
from ontwikkelplein.reports.models import Report, ReportText, ReportVersion, Subject

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(name="POI Utrecht", provinces=[utrecht])
    municipality = MunicipalityFactory(province=utrecht, name="Taalstad")
    second = MunicipalityFactory(province=utrecht, name="Leesdorp")
    library = OrganisationFactory(
        name="Bibliotheek Taalstad", municipalities=[municipality, second]
    )
    other = OrganisationFactory(
        name="Bibliotheek Noord",
        municipalities=[MunicipalityFactory(province=province("Groningen"))],
    )
    kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
    return {
        "poi": poi,
        "kb": kb,
        "library": library,
        "other": other,
        "municipality": municipality,
        "second": second,
        "location": LocationFactory(organisation=library, municipality=municipality),
        "location2": LocationFactory(organisation=library, municipality=second),
        "leader": staff_user(library, Role.TEAM_LEADER),
        "specialist": staff_user(library, Role.SPECIALIST),
        "desk": staff_user(library, Role.FRONT_DESK),
        "partner": staff_user(PartnerFactory(municipalities=[municipality]), Role.PARTNER_STAFF),
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "kb_admin": staff_user(kb, Role.KB_ADMIN),
        "other_leader": staff_user(other, Role.TEAM_LEADER),
    }


def _register(location, n, help_type=HelpType.DIGITAL_CONTACT):
    for _ in range(n):
        ContactFactory(location=location, questions=[question(help_types=(help_type,))])


def _report(world, subject=Subject.LIBRARY, **kwargs):
    owner = {
        Subject.NATION: ("kb_admin", "kb"),
        Subject.REGION: ("adviser", "poi"),
        Subject.LIBRARY: ("leader", "library"),
        Subject.MUNICIPALITY: ("leader", "library"),
    }[subject]
    today = timezone.localdate()
    defaults = {"year": today.year}
    if subject in (Subject.NATION, Subject.REGION):
        defaults["quarter"] = (today.month - 1) // 3 + 1
    defaults.update(kwargs)
    return services.create_report(
        world[owner[0]], subject=subject, organisation=world[owner[1]], **defaults
    )


def _rows(content, theme, title):
    block = next(b for b in content["themes"][theme] if b["title"] == title)
    return {row[0]: row[1:] for row in block["rows"]}


# --- Figures ------------------------------------------------------------------------------------


def test_the_themes_follow_the_seed():
    titles = [str(t.title) for t in themes.THEMES]
    assert titles[1:] == [
        "Netwerk en beleid",
        "Digitale inclusie en IDO",
        "Belastingdienst",
        "Integratie",
        "Gezinsaanpak",
        "Collectie en programmering",
        "Monitoring",
        "(digi)Taalhuizen",
        "Kennisdeling",
        "Opleiding",
    ]


def test_library_report_has_the_five_spuk_categories_and_hides_small_counts(world):
    _register(world["location"], 6, HelpType.DIGITAL_CONTACT)
    _register(world["location"], 7, HelpType.PROVIDER_INFO)
    _register(world["location"], 2, HelpType.COURSE)
    report = _report(world)
    content = figures.gather(report)
    help_rows = _rows(
        content, "digitale-inclusie", "Geboden hulp (SPUK-categorieën a tot en met e)"
    )
    assert list(help_rows) == [str(label) for _v, label in HelpType.choices]
    # The small one is "<5", and the next smallest is hidden with it (complementary).
    assert help_rows["Hulp bij digitaal contact met een dienstverlener"][0] == "afgeschermd"
    assert help_rows["Algemene informatie over een dienstverlener"][0] == "7"
    assert help_rows["Begeleiding naar een cursus digitale vaardigheden"][0] == "<5"
    assert help_rows["Doorverwijzing"][0] == "0"
    totals = _rows(content, "digitale-inclusie", "Informatiepunt en balie")
    assert totals["Vragen"][0] == "15"


def test_municipality_report_counts_only_the_desk_in_that_municipality(world):
    _register(world["location"], 5)
    _register(world["location2"], 7)
    report = _report(world, Subject.MUNICIPALITY, municipality=world["second"])
    content = figures.gather(report)
    assert _rows(content, "digitale-inclusie", "Informatiepunt en balie")["Vragen"][0] == "7"
    assert content["municipality"] == "Leesdorp"
    whole = figures.gather(_report(world))
    assert _rows(whole, "digitale-inclusie", "Informatiepunt en balie")["Vragen"][0] == "12"


def test_region_and_nation_count_libraries_taking_part(world):
    ParticipationFactory(
        organisation=world["library"], scheme=scheme("ido"), status=ParticipationStatus.ACTIVE
    )
    region = figures.gather(_report(world, Subject.REGION))
    ido = _rows(region, "digitale-inclusie", "Deelname")
    assert ido["Informatiepunt Digitale Overheid (IDO)"][0] == "1 van 1 bibliotheken (100%)"
    nation = figures.gather(_report(world, Subject.NATION))
    ido = _rows(nation, "digitale-inclusie", "Deelname")
    assert ido["Informatiepunt Digitale Overheid (IDO)"][0] == "1 van 2 bibliotheken (50%)"
    # The library's own report shows its own register instead of a share.
    own = figures.gather(_report(world))
    assert _rows(own, "digitale-inclusie", "Deelname")["Informatiepunt Digitale Overheid (IDO)"][
        0
    ].startswith("Doet mee")


def test_region_report_leaves_out_other_regions(world):
    _register(world["location"], 6)
    other_place = world["other"].municipalities.get()
    _register(LocationFactory(organisation=world["other"], municipality=other_place), 9)
    region = figures.gather(_report(world, Subject.REGION))
    assert _rows(region, "digitale-inclusie", "Informatiepunt en balie")["Vragen"][0] == "6"
    nation = figures.gather(_report(world, Subject.NATION))
    assert _rows(nation, "digitale-inclusie", "Informatiepunt en balie")["Vragen"][0] == "15"


# --- Publishing ---------------------------------------------------------------------------------


def test_a_published_version_never_changes_when_live_data_does(world, client):
    _register(world["location"], 6)
    report = _report(world)
    services.save_text(world["leader"], report, "inleiding", "Ons jaar.")
    version = services.publish(world["leader"], report)
    assert version.number == 1
    _register(world["location"], 10)
    services.save_text(world["leader"], report, "inleiding", "Een nieuwe tekst.")
    version.refresh_from_db()
    assert (
        _rows(version.content["figures"], "digitale-inclusie", "Informatiepunt en balie")["Vragen"][
            0
        ]
        == "6"
    )
    response = client.get(reverse("reports:public", args=[report.token]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ons jaar." in page and "Een nieuwe tekst." not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    second = services.publish(world["leader"], report)
    assert second.number == 2
    latest = client.get(reverse("reports:public", args=[report.token])).content.decode()
    assert "Een nieuwe tekst." in latest
    first = client.get(reverse("reports:public-version", args=[report.token, 1]))
    assert "Ons jaar." in first.content.decode()
    assert "Er is een nieuwere versie" in first.content.decode()


def test_the_public_pdf_is_tagged_and_holds_the_frozen_figures(world, client):
    _register(world["location"], 6)
    report = _report(world)
    services.save_text(world["leader"], report, "digitale-inclusie", "Het IDO & <b>meer</b>.")
    services.publish(world["leader"], report)
    response = client.get(reverse("reports:public-pdf", args=[report.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader, pages = read_pdf(response.content)
    assert_tagged(reader, title=f"Jaarverslag {report.year}")
    text = flat(" ".join(pages))
    assert "Geboden hulp (SPUK-categorieën a tot en met e)" in text
    assert "Het IDO & <b>meer</b>." in text


def test_unknown_tokens_and_versions_are_404(world, client):
    report = _report(world)
    assert client.get(reverse("reports:public", args=[report.token])).status_code == 404
    services.publish(world["leader"], report)
    assert client.get(reverse("reports:public-version", args=[report.token, 2])).status_code == 404
    assert client.get(reverse("reports:public", args=["x" * 40])).status_code == 404
    assert client.get("/rapportage/%00/").status_code == 404


def test_text_is_escaped_on_every_page(world, client):
    report = _report(world)
    services.save_text(world["leader"], report, "inleiding", "<script>alert(1)</script>")
    services.publish(world["leader"], report)
    client.force_login(world["leader"])
    for url in (
        reverse("reports:detail", args=[report.pk]),
        reverse("reports:public", args=[report.token]),
    ):
        page = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_personal_data_in_a_text_is_refused(world, client):
    report = _report(world)
    client.force_login(world["leader"])
    url = reverse("reports:text", args=[report.pk, "inleiding"])
    response = client.post(url, {"text": "Bel mevrouw op 06-12345678."})
    assert response.status_code == 200
    assert "persoonsgegevens" in response.content.decode()
    assert not ReportText.objects.exists()


def test_creating_twice_opens_the_same_report(world, client):
    client.force_login(world["leader"])
    data = {"owner": f"municipality:{world['library'].pk}", "year": timezone.localdate().year}
    data["municipality"] = world["second"].pk
    first = client.post(reverse("reports:new"), data)
    second = client.post(reverse("reports:new"), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Report.objects.get().municipality == world["second"]


def test_bad_input_to_new_is_a_dutch_message(world, client):
    client.force_login(world["adviser"])
    url = reverse("reports:new")
    owner = f"region:{world['poi'].pk}"
    response = client.post(url, {"owner": owner, "year": timezone.localdate().year})
    assert "Kies een kwartaal van 1 tot en met 4." in response.content.decode()
    # Another library's or another POI's subject is not offered.
    response = client.post(url, {"owner": f"library:{world['library'].pk}", "year": 2024})
    assert response.status_code == 200
    assert not Report.objects.exists()
    client.force_login(world["leader"])
    response = client.post(
        url,
        {
            "owner": f"municipality:{world['library'].pk}",
            "year": 2024,
            "municipality": world["other"].municipalities.get().pk,
        },
    )
    assert response.status_code == 200
    assert not Report.objects.exists()


def test_a_quarter_that_has_not_begun_is_refused(world):
    today = timezone.localdate()
    if today.month > 9:
        pytest.skip("every quarter of this year has begun")
    with pytest.raises(services.ReportError):
        _report(world, Subject.NATION, quarter=4)


# --- Roles --------------------------------------------------------------------------------------


def test_roles(world, client):
    library_report = _report(world)
    region_report = _report(world, Subject.REGION)
    nation_report = _report(world, Subject.NATION)
    expected = {
        # user: (library, region, nation) for reading; and for writing
        "leader": ((200, 404, 404), (200, 404, 404)),
        "specialist": ((200, 404, 404), (200, 404, 404)),
        "adviser": ((200, 200, 404), (403, 200, 404)),
        "kb_admin": ((200, 200, 200), (403, 403, 200)),
        "other_leader": ((404, 404, 404), (404, 404, 404)),
        "desk": ((403, 403, 403), (403, 403, 403)),
        "partner": ((403, 403, 403), (403, 403, 403)),
    }
    reports = (library_report, region_report, nation_report)
    for user, (reads, writes) in expected.items():
        client.force_login(world[user])
        got_reads = tuple(
            client.get(reverse("reports:detail", args=[r.pk])).status_code for r in reports
        )
        got_writes = tuple(
            client.get(reverse("reports:text", args=[r.pk, "inleiding"])).status_code
            for r in reports
        )
        assert (got_reads, got_writes) == (reads, writes), user
    client.force_login(world["adviser"])
    response = client.post(reverse("reports:publish", args=[library_report.pk]))
    assert response.status_code == 403
    assert not ReportVersion.objects.exists()


def test_the_index_lists_what_the_user_may_read(world, client):
    _report(world)
    _report(world, Subject.REGION)
    _report(world, Subject.NATION)
    client.force_login(world["adviser"])
    page = client.get(reverse("reports:index")).content.decode()
    assert "regio POI Utrecht" in page and "Bibliotheek Taalstad" in page
    assert "heel Nederland" not in page
    client.force_login(world["other_leader"])
    page = client.get(reverse("reports:index")).content.decode()
    assert "Bibliotheek Taalstad" not in page
    client.force_login(world["desk"])
    assert client.get(reverse("reports:index")).status_code == 403


def test_draft_pdf(world, client):
    report = _report(world, Subject.REGION)
    client.force_login(world["adviser"])
    response = client.get(reverse("reports:draft-pdf", args=[report.pk]))
    assert response.status_code == 200
    reader, pages = read_pdf(response.content)
    assert "Concept: nog niet gepubliceerd" in flat(" ".join(pages))


# --- No input gives a 500 -----------------------------------------------------------------------


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(max_size=300), theme=st.sampled_from([*themes.CODES, "bestaat-niet"]))
def test_any_text_is_saved_or_refused_in_dutch(world, client, text, theme):
    report = Report.objects.filter(organisation=world["library"]).first() or _report(world)
    client.force_login(world["leader"])
    response = client.post(reverse("reports:text", args=[report.pk, theme]), {"text": text})
    if theme == "bestaat-niet":
        assert response.status_code == 404
        return
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        detail = client.get(reverse("reports:detail", args=[report.pk]))
        assert detail.status_code == 200


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(["owner", "year", "quarter", "municipality", "x"]),
        st.text(max_size=40),
        max_size=4,
    )
)
def test_any_new_report_form_is_answered_without_500(world, client, params):
    client.force_login(world["leader"])
    before = Report.objects.count()
    assert client.get(reverse("reports:new"), params).status_code == 200
    response = client.post(reverse("reports:new"), params)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Report.objects.count() == before
    assert client.get(reverse("reports:index"), params).status_code == 200


def test_period_of_a_quarter_and_a_year():
    report = Report(year=2025, quarter=2, subject=Subject.NATION)
    period = figures.period_of(report)
    assert (period.start, period.end) == (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))
    report = Report(year=2025, subject=Subject.LIBRARY)
    period = figures.period_of(report)
    assert (period.start, period.end) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
