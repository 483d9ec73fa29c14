"""Herkennen en doorverwijzen (/beheer/herkennen/): who may open it, what it shows (from the
national content the migration loads), where its routes lead, and the KB's content pages."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.core import menu
from ontwikkelplein.desk import recognition_data
from ontwikkelplein.desk.models import CheckQuestion, HelpRoute, SelfTest, Signal
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

GUIDE = "desk:recognise"


def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def town():
    return MunicipalityFactory()


@pytest.fixture
def library(town):
    library = OrganisationFactory(kind=OrganisationKind.LIBRARY, municipalities=[town])
    LocationFactory(organisation=library, name="Centrale Bibliotheek", municipality=town)
    return library


@pytest.fixture
def partner(town):
    partner = PartnerFactory(
        name="Welzijn Centrum",
        sector="welfare",
        phone="0331234567",
        website="https://welzijn.example.nl/",
        municipalities=[town],
    )
    LocationFactory(organisation=partner, name="Buurthuis De Linde", municipality=town)
    return partner


def kb_admin():
    return staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN, is_staff=True)


# --- Who may open it ----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    for name in (GUIDE, "desk:recognise-content", "desk:recognise-signalen-create"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    signal = Signal.objects.first()
    response = client.get(reverse("desk:recognise-signalen-edit", args=[signal.pk]))
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "make",
    [
        lambda lib, par: staff_user(lib, Role.FRONT_DESK),
        lambda lib, par: staff_user(lib, Role.SPECIALIST),
        lambda lib, par: staff_user(lib, Role.TEAM_LEADER),
        lambda lib, par: staff_user(par, Role.PARTNER_STAFF),
        lambda lib, par: staff_user(PoiFactory(), Role.POI_ADVISER),
        lambda lib, par: kb_admin(),
    ],
    ids=["front_desk", "specialist", "team_leader", "partner_staff", "poi_adviser", "kb_admin"],
)
def test_every_role_in_the_network_reads_the_guide_and_has_it_in_the_menu(
    client, library, partner, make
):
    user = make(library, partner)
    response = logged_in(client, user).get(reverse(GUIDE))
    assert response.status_code == 200
    assert "Herkennen en doorverwijzen" in response.content.decode()
    assert "recognise" in [entry.key for entry in menu.entries_for(user)]


def test_a_user_without_a_role_gets_403_and_no_menu_entry(client):
    user = UserFactory()
    assert logged_in(client, user).get(reverse(GUIDE)).status_code == 403
    assert "recognise" not in [entry.key for entry in menu.entries_for(user)]


@pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER])
def test_only_the_kb_maintains_the_content(client, library, role):
    client = logged_in(client, staff_user(library, role))
    signal = Signal.objects.first()
    before = Signal.objects.count()
    assert client.get(reverse("desk:recognise-content")).status_code == 403
    assert client.get(reverse("desk:recognise-signalen-create")).status_code == 403
    response = client.post(
        reverse("desk:recognise-signalen-create"),
        {"group": "reading", "text": "Iets", "position": 1, "is_active": "on"},
    )
    assert response.status_code == 403
    assert (
        client.post(
            reverse("desk:recognise-signalen-edit", args=[signal.pk]),
            {"group": "reading", "text": "Anders", "position": 1},
        ).status_code
        == 403
    )
    assert Signal.objects.count() == before
    signal.refresh_from_db()
    assert signal.text != "Anders"
    page = client.get(reverse(GUIDE)).content.decode()
    assert reverse("desk:recognise-content") not in page


# --- What it shows ------------------------------------------------------------------------------


def test_a_fresh_installation_has_the_national_content():
    assert Signal.objects.filter(is_active=True).count() == len(recognition_data.SIGNALS)
    assert CheckQuestion.objects.count() == len(recognition_data.CHECK_QUESTIONS)
    assert HelpRoute.objects.count() == len(recognition_data.ROUTES)
    assert SelfTest.objects.count() == len(recognition_data.SELF_TESTS)
    # Every route points at catalogue themes that exist.
    for route in HelpRoute.objects.all():
        assert route.themes.exists(), route.title
    # Links only, and only secure ones.
    assert all(tool.url.startswith("https://") for tool in SelfTest.objects.all())


def test_the_guide_shows_signals_questions_tone_routes_and_self_tests(client, library):
    page = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse(GUIDE))
    html = page.content.decode()
    # Signals, grouped.
    assert "Lezen en schrijven" in html and "Digitaal" in html
    assert "bril vergeten" in html
    assert "Heeft geen e-mailadres" in html
    assert "Gebruikt de telefoon alleen om te bellen." in html
    # Soft questions and the tone.
    assert "Lukt het om dit soort brieven te lezen?" in html
    assert "Hoe regelt u dit soort zaken meestal?" in html
    assert "Niet: ‘Kunt u niet lezen?’" in html
    # Privacy: guidance, not a registration; the page has no form.
    assert "niets over de bezoeker opgeslagen" in html
    assert "<form" not in html.split('id="herkennen-inhoud"')[1].split("</main>")[0]
    # Self-tests are links to the makers' sites.
    assert 'href="https://oefenen.nl/"' in html
    assert "Taalmeter 1F/2F" in html and "Digimeter" in html
    assert 'rel="noopener noreferrer"' in html


def test_inactive_rows_are_not_shown(client, library):
    signal = Signal.objects.get(text__startswith="Gebruikt de telefoon")
    signal.is_active = False
    signal.save()
    route = HelpRoute.objects.get(title="Rekenen")
    route.is_active = False
    route.save()
    html = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse(GUIDE))
    html = html.content.decode()
    assert "Gebruikt de telefoon alleen om te bellen." not in html
    assert ">Rekenen</h3>" not in html


def test_routes_lead_to_offers_near_the_desk_a_colleague_and_a_referral(client, library):
    html = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse(GUIDE))
    html = html.content.decode()
    assert "Taalhuis-coördinator" in html
    assert "IDO-medewerker" in html
    search = reverse("catalogue:search")
    assert f'href="{search}?thema=lezen-en-schrijven&amp;waar=3811"' in html
    assert f'href="{search}?thema=digitale-overheid&amp;waar=3811"' in html
    assert "Centrale Bibliotheek" in html  # "op volgorde van afstand tot …"
    create = reverse("referrals:staff-create")
    assert f'href="{create}?role=taalhuis"' in html
    assert f'href="{create}?role=ido"' in html


def test_every_link_of_a_route_works_for_the_user(client, library):
    client = logged_in(client, staff_user(library, Role.FRONT_DESK))
    html = client.get(reverse(GUIDE)).content.decode()
    links = {
        part.split('"', 1)[0].replace("&amp;", "&")
        for part in html.split('href="')[1:]
        if part.startswith(("/zoeken/", "/beheer/doorverwijzingen/nieuw/"))
    }
    assert len(links) >= 8
    for link in links:
        assert client.get(link).status_code == 200, link


def test_the_referral_button_fills_in_the_colleague(client, library):
    client = logged_in(client, staff_user(library, Role.FRONT_DESK))
    response = client.get(reverse("referrals:staff-create") + "?role=taalhuis")
    form = response.context["form"]
    assert form.initial["receiver_kind"] == "colleague"
    assert form.initial["receiver_role"] == "taalhuis"


def test_partner_staff_see_their_network_and_refer_to_its_library(client, library, partner):
    client = logged_in(client, staff_user(partner, Role.PARTNER_STAFF))
    html = client.get(reverse(GUIDE)).content.decode()
    # The partner's own location orders the offers.
    assert "Buurthuis De Linde" in html
    link = reverse("referrals:staff-create") + f"?organisation={library.pk}"
    assert f'href="{link}"' in html
    form = client.get(link).context["form"]
    assert form.initial["receiver_kind"] == "library"
    assert form.initial["library"] == library.pk


def test_partners_of_the_route_s_kind_in_the_network_are_listed(client, library, partner):
    html = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse(GUIDE))
    html = html.content.decode()
    money = html.split(">Geldzaken en brieven</h3>")[1].split("</article>")[0]
    assert "Welzijn Centrum" in money
    assert 'href="tel:0331234567"' in money
    reading = html.split(">Lezen en schrijven</h3>")[1].split("</article>")[0]
    assert "Welzijn Centrum" not in reading  # a welfare partner is not a reading route's partner


def test_the_poi_and_the_kb_get_no_referral_button_and_no_place(client):
    for user in (staff_user(PoiFactory(), Role.POI_ADVISER), kb_admin()):
        html = logged_in(client, user).get(reverse(GUIDE)).content.decode()
        assert reverse("referrals:staff-create") not in html
        assert "?thema=lezen-en-schrijven" in html
        assert "waar=" not in html
        assert "We weten niet waar je werkt" in html


def test_the_referrer_s_wegwijzer_is_linked_for_those_who_may_use_it(client, library):
    wayfinder = reverse("wayfinder:referrer")
    html = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse(GUIDE))
    assert f'href="{wayfinder}"' in html.content.decode()
    assert client.get(wayfinder).status_code == 200
    # The POI and the KB meet no visitors: no link to a page that would answer 403.
    for user in (staff_user(PoiFactory(), Role.POI_ADVISER), kb_admin()):
        html = logged_in(client, user).get(reverse(GUIDE)).content.decode()
        assert f'href="{wayfinder}"' not in html
        assert client.get(wayfinder).status_code == 403


def test_english_texts_are_shown_in_english(client, library):
    client = logged_in(client, staff_user(library, Role.FRONT_DESK))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse(GUIDE)).content.decode()
    assert "Uses the phone only to make calls." in html
    assert "Are you managing to read letters like this?" in html
    assert "Recognising and referring" in html
    # A row without an English text falls back to the Dutch.
    Signal.objects.create(group="daily", text="Alleen in het Nederlands", position=1)
    assert "Alleen in het Nederlands" in client.get(reverse(GUIDE)).content.decode()


def test_the_desk_screen_links_to_the_guide(client, library):
    html = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse("desk:screen"))
    assert f'href="{reverse(GUIDE)}"' in html.content.decode()


# --- The KB maintains it ------------------------------------------------------------------------


@pytest.fixture
def kb_client(client):
    return logged_in(client, kb_admin())


def test_the_kb_sees_every_row_with_a_link_to_change_it(kb_client):
    Signal.objects.filter(text__startswith="Gebruikt de telefoon").update(is_active=False)
    html = kb_client.get(reverse("desk:recognise-content")).content.decode()
    for signal in Signal.objects.all():
        assert reverse("desk:recognise-signalen-edit", args=[signal.pk]) in html
    assert "Gebruikt de telefoon alleen om te bellen." in html  # inactive rows too
    for name in ("signalen", "vragen", "routes", "zelftests"):
        assert reverse(f"desk:recognise-{name}-create") in html
        assert kb_client.get(reverse(f"desk:recognise-{name}-create")).status_code == 200
    page = kb_client.get(reverse(GUIDE)).content.decode()
    assert reverse("desk:recognise-content") in page


def test_the_kb_adds_a_signal_and_the_guide_shows_it(kb_client, library, client):
    response = kb_client.post(
        reverse("desk:recognise-signalen-create"),
        {
            "group": "digital",
            "text": "  Laat de\tpincode  door een ander intoetsen. ",
            "position": 5,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    signal = Signal.objects.get(text="Laat de pincode door een ander intoetsen.")
    assert signal.group == "digital" and signal.is_active


def test_the_kb_changes_a_route(kb_client):
    route = HelpRoute.objects.get(title="Rekenen")
    url = reverse("desk:recognise-routes-edit", args=[route.pk])
    assert kb_client.get(url).status_code == 200
    theme_ids = [str(t.pk) for t in route.themes.all()]
    response = kb_client.post(
        url,
        {
            "title": "Rekenen en geld",
            "colleague": "Taalhuis-coördinator",
            "colleague_role": "taalhuis",
            "themes": theme_ids,
            "partner_sectors": ["education", "welfare"],
            "position": 3,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    route.refresh_from_db()
    assert route.title == "Rekenen en geld"
    assert route.partner_sectors == ["education", "welfare"]


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        ("signalen", {"group": "reading", "text": "   ", "position": 1}, "text", "Vul dit in."),
        ("signalen", {"group": "nope", "text": "x", "position": 1}, "group", "geldige keuze"),
        ("signalen", {"group": "reading", "text": "x", "position": -1}, "position", "0 of hoger"),
        (
            "signalen",
            {"group": "reading", "text": "x", "position": "1e999"},
            "position",
            "heel getal",
        ),
        (
            "signalen",
            {"group": "reading", "text": "x" * 301, "position": 1},
            "text",
            "hoogstens 300",
        ),
        ("vragen", {"text": "", "position": 1}, "text", "Vul dit in."),
        (
            "zelftests",
            {
                "name": "T",
                "provider": "P",
                "url": "http://oefenen.nl/",
                "kind": "practice",
                "position": 1,
            },
            "url",
            "https://",
        ),
        (
            "zelftests",
            {
                "name": "T",
                "provider": "P",
                "url": "javascript:alert(1)",
                "kind": "practice",
                "position": 1,
            },
            "url",
            "volledig webadres",
        ),
        (
            "routes",
            {"title": "R", "colleague": "C", "themes": ["not-a-uuid"], "position": 1},
            "themes",
            "Kies een thema",
        ),
        (
            "routes",
            {"title": "R", "colleague": "C", "partner_sectors": ["bank"], "position": 1},
            "partner_sectors",
            "Kies een soort partner",
        ),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(kb_client, kind, data, field, message):
    counts = [m.objects.count() for m in (Signal, CheckQuestion, HelpRoute, SelfTest)]
    response = kb_client.post(reverse(f"desk:recognise-{kind}-create"), data)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors, errors
    assert message in response.content.decode() or "&#x27;" in response.content.decode()
    assert [m.objects.count() for m in (Signal, CheckQuestion, HelpRoute, SelfTest)] == counts


def test_an_unknown_row_is_not_found(kb_client):
    assert kb_client.get(reverse("desk:recognise-vragen-edit", args=[999999])).status_code == 404


_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=320
) | st.sampled_from(
    ["\x00", "\x1b[0m", "<script>alert(1)</script>", "x" * 400, "  ", "1e999", "١٢"]
)


@hsettings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=_text, hint=_text, url=_text, position=_text)
def test_free_form_input_never_gives_a_500(kb_client, text, hint, url, position):
    for kind, data in (
        ("vragen", {"text": text, "hint": hint, "text_en": hint, "position": position}),
        ("signalen", {"group": "reading", "text": text, "text_en": hint, "position": position}),
        (
            "zelftests",
            {
                "name": text,
                "provider": hint,
                "url": url,
                "kind": "practice",
                "description": text,
                "position": position,
            },
        ),
        ("routes", {"title": text, "colleague": hint, "listen_for": url, "position": position}),
    ):
        response = kb_client.post(reverse(f"desk:recognise-{kind}-create"), data)
        assert response.status_code in (302, 400), (kind, response.status_code)
    for model in (Signal, CheckQuestion):
        for row in model.objects.order_by("-pk")[:1]:
            assert not any(ord(c) < 32 for c in row.text)


def test_saved_content_is_shown_escaped(kb_client, client, library):
    kb_client.post(
        reverse("desk:recognise-vragen-create"),
        {"text": "<script>alert(1)</script>", "position": 0, "is_active": "on"},
    )
    html = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse(GUIDE))
    html = html.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_search_link_keeps_only_theme_codes(client, library):
    html = logged_in(client, staff_user(library, Role.FRONT_DESK)).get(reverse(GUIDE))
    for part in html.content.decode().split('href="/zoeken/?')[1:]:
        query = parse_qs(urlsplit("?" + part.split('"', 1)[0].replace("&amp;", "&")).query)
        assert set(query) <= {"thema", "waar"}


def test_the_new_referral_page_reads_a_partner_or_library_to_refer_to(client, library, partner):
    client = logged_in(client, staff_user(library, Role.FRONT_DESK))
    create = reverse("referrals:staff-create")
    form = client.get(f"{create}?organisation={partner.pk}").context["form"]
    assert form.initial["receiver_kind"] == "partner"
    assert form.initial["partner"] == partner.pk
    # The user's own organisation, the KB and junk are no receiver: no prefill, no error.
    kb = OrganisationFactory(kind=OrganisationKind.KB)
    for value in (library.pk, kb.pk, "not-a-uuid", "\x00"):
        response = client.get(create, {"organisation": value})
        assert response.status_code == 200
        assert "receiver_kind" not in response.context["form"].initial
