"""The staff shell across the apps: each role's menu (core.menu) holds only what the role may
use, every link in it answers, and each role lands on its own work."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.core import menu
from ontwikkelplein.courses.tests.factories import RunFactory
from ontwikkelplein.learning.models import GroupState
from ontwikkelplein.learning.tests.factories import GroupFactory
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory
from ontwikkelplein.referrals.models import ReceiverKind, Referral
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

SUB_MENUS = ("referrals", "learning")


class World:
    def __init__(self):
        municipality = MunicipalityFactory()
        self.library = OrganisationFactory(name="Bibliotheek Rivierland")
        self.library.municipalities.set([municipality])
        LocationFactory(organisation=self.library, municipality=municipality)
        self.partner = PartnerFactory(name="Welzijn Rivierland")
        self.partner.municipalities.set([municipality])
        self.poi = PoiFactory(name="POI Rivierland", provinces=[municipality.province])
        self.kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
        self.users = {
            "front_desk": staff_user(self.library, Role.FRONT_DESK, first_name="Bo"),
            "specialist": staff_user(self.library, Role.SPECIALIST, first_name="Sem"),
            "team_leader": staff_user(self.library, Role.TEAM_LEADER, first_name="Tess"),
            "partner": staff_user(self.partner, Role.PARTNER_STAFF, first_name="Pim"),
            "poi": staff_user(self.poi, Role.POI_ADVISER, first_name="Puck"),
            "kb": staff_user(self.kb, Role.KB_ADMIN, first_name="Kai", is_staff=True),
        }


@pytest.fixture
def world():
    return World()


def staff_keys(user, name=menu.STAFF_MENU):
    return [entry.key for entry in menu.entries_for(user, name)]


# --- The registry per role -------------------------------------------------------------------


def test_each_role_gets_its_own_menu(world):
    u = world.users
    assert staff_keys(u["front_desk"]) == [
        "home",
        "desk",
        "recognise",
        "readingguide",
        "boekstart",
        "figures",
        "referrals",
        "wayfinder",
        "courses",
        "activityplans",
        "learning",
        "network",
        "connections",
        "needs",
        "offers",
        "materials",
        "notifications",
    ]
    assert staff_keys(u["specialist"]) == [
        "home",
        "desk",
        "recognise",
        "readingguide",
        "boekstart",
        "figures",
        "referrals",
        "wayfinder",
        "courses",
        "activityplans",
        "learning",
        "network",
        "connections",
        "needs",
        "impact",
        "offers",
        "materials",
        "templates",
        "to-verify",
        "offer-suggestions",
        "unmatched",
        "embed",
        "locations",
        "branding",
        "import",
        "export",
        "notifications",
    ]
    partner = staff_keys(u["partner"])
    assert "referrals" in partner and "to-verify" in partner
    assert "desk" not in partner and "unmatched" not in partner
    assert "wayfinder" in partner and "wayfinder-admin" not in partner
    poi = staff_keys(u["poi"])
    assert "referrals" not in poi and "desk" not in poi and "import" not in poi
    assert "to-verify" not in poi  # a POI edits no offers: the list would always be empty
    assert "offer-suggestions" in partner and "offer-suggestions" not in poi
    kb = staff_keys(u["kb"])
    assert {"import", "admin"} <= set(kb) and "referrals" not in kb
    # Herkennen en doorverwijzen: for everyone who meets visitors, and the POI and KB too.
    for keys in (partner, poi, kb):
        assert "recognise" in keys
    assert "wayfinder-admin" in kb and "wayfinder" not in kb
    # The words for automatic classification are national: the KB's.
    assert "keywords" in kb and "keywords" not in staff_keys(u["specialist"])
    # "Op uw website": the organisation's own back office, not the desk, POI or KB.
    assert "embed" in partner and "embed" not in poi and "embed" not in kb
    assert "wayfinder" not in poi and "wayfinder-admin" not in poi
    # Draaiboeken are the library's own: the POI and the KB get only their figures.
    assert "activityplans" not in partner and "activityplans" not in poi
    assert "activityplans" not in kb
    assert "activityplans" in staff_keys(u["poi"], menu.FIGURES_MENU)
    # The leeswijzer for everyone; BoekStart is registered at a library's desk only.
    for keys in (partner, poi, kb):
        assert "readingguide" in keys and "boekstart" not in keys
    # The library's network is its own staff's; the POI and the KB see counts in the figures.
    for keys in (partner, poi, kb):
        assert "network" not in keys
    assert "network" in staff_keys(u["poi"], menu.FIGURES_MENU)
    assert "network" in staff_keys(u["kb"], menu.FIGURES_MENU)
    # The neighbourhood's needs: the library's own staff, and the region's POI and the KB in
    # aggregate (the page of a library of their area, with small counts hidden).
    assert "needs" not in partner and "needs" in poi and "needs" in kb
    # So is "EMB in verbinding": the POI and the KB see how many libraries run each programme.
    for keys in (partner, poi, kb):
        assert "connections" not in keys
    assert "connections" in staff_keys(u["poi"], menu.FIGURES_MENU)
    assert "connections" in staff_keys(u["kb"], menu.FIGURES_MENU)


def test_the_sub_menus_leave_out_what_answers_403(world):
    u = world.users
    for role in ("front_desk", "specialist", "partner"):
        assert "settings" not in staff_keys(u[role], "referrals"), role
        assert "overview" not in staff_keys(u[role], "learning"), role
    assert "settings" in staff_keys(u["team_leader"], "referrals")
    assert "overview" in staff_keys(u["team_leader"], "learning")
    assert staff_keys(u["poi"], "referrals") == ["figures"]  # figures only, no single referrals
    assert staff_keys(u["front_desk"], "learning") == ["trajectories", "mine", "events"]


@pytest.mark.parametrize(
    "role", ["front_desk", "specialist", "team_leader", "partner", "poi", "kb"]
)
def test_every_menu_link_answers(client, world, role):
    """The menu and the view ask the same function, so no link of any menu answers 403."""
    user = world.users[role]
    client.force_login(user)
    for name in (menu.STAFF_MENU, menu.FIGURES_MENU, *SUB_MENUS):
        for entry in menu.entries_for(user, name):
            response = client.get(entry.url)
            assert response.status_code in (200, 302), (role, name, entry.key, entry.url)
            if response.status_code == 302:  # only the admin index may redirect (never here)
                pytest.fail(f"{role}: {entry.url} redirects to {response['Location']}")


def test_the_rendered_menu_is_the_registry(client, world):
    user = world.users["front_desk"]
    client.force_login(user)
    html = client.get(reverse("core:staff-home")).content.decode()
    nav = re.search(r'<div class="op-staff-menu--wide">(.*?)</div>', html, re.S).group(1)
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert hrefs == [entry.url for entry in menu.entries_for(user)]
    assert reverse("catalogue:staff-template-list") not in hrefs
    assert reverse("opendata:import") not in hrefs
    assert 'href="/beheer/" aria-current="page"' in nav


def test_the_menu_folds_away_on_a_phone_without_javascript(client, world):
    client.force_login(world.users["specialist"])
    html = client.get(reverse("referrals:staff-inbox")).content.decode()
    details = re.search(r'<details class="op-staff-menu[^"]*"( open)?>(.*?)</details>', html, re.S)
    assert details, "the phone menu is a <details> element"
    assert details.group(1) is None, "folded by default"
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", details.group(2), re.S).group(1)
    assert "Menu" in summary and "Doorverwijzingen" in summary  # says where you are
    assert reverse("desk:screen") in details.group(2)
    assert "<script" not in details.group(2)


def test_pages_without_a_role_get_no_menu_and_no_home(client):
    from ontwikkelplein.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("core:staff-home")).status_code == 403


# --- Landing pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, landing",
    [
        ("front_desk", "desk:screen"),
        ("specialist", "core:staff-home"),
        ("team_leader", "core:staff-home"),
        ("partner", "core:staff-home"),
        ("poi", "core:staff-home"),
        ("kb", "core:staff-home"),
    ],
)
def test_each_role_lands_on_its_work_after_logging_in(client, world, role, landing):
    user = world.users[role]
    user.set_password("geheim-wachtwoord-1")
    user.save()
    response = client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": "geheim-wachtwoord-1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(landing)


def test_partner_sees_its_open_referrals_with_their_deadline(client, world):
    referral = ReferralFactory(
        sender_organisation=world.library,
        receiver_kind=ReceiverKind.PARTNER,
        receiver_organisation=world.partner,
    )
    client.force_login(world.users["partner"])
    html = client.get(reverse("core:staff-home")).content.decode()
    assert referral.reference in html
    deadline = referral.first_contact_due
    assert f"Contact uiterlijk {_dutch_date(deadline)}" in html
    assert "te controleren" not in html  # catalogue counts are not the partner's work
    assert "Komende bijeenkomsten" not in html


def test_front_desk_sees_the_referrals_assigned_to_them_on_the_desk_screen(client, world):
    desk = world.users["front_desk"]
    mine = ReferralFactory(sender_organisation=world.library)
    other = ReferralFactory(sender_organisation=world.library)
    Referral.objects.filter(pk=mine.pk).update(assigned_to=desk)
    client.force_login(desk)
    html = client.get(reverse("desk:screen")).content.decode()
    assert "Doorverwijzingen aan mij toegewezen" in html
    assert mine.reference in html
    assert other.reference not in html
    assert "Mijn registraties van vandaag" in html


def test_specialist_sees_inbox_overdue_offers_to_verify_and_coming_sessions(client, world):
    late = ReferralFactory(sender_organisation=world.library)
    Referral.objects.filter(pk=late.pk).update(
        first_contact_due=timezone.localdate() - datetime.timedelta(days=3)
    )
    stale = OfferFactory(
        organisation=world.library,
        title="Spreekuur belastingen",
        last_verified_on=datetime.date(2020, 1, 1),
        indexed=False,
    )
    run = RunFactory(
        offer__organisation=world.library,
        offer__indexed=False,
        name="Najaar",
        sessions=1,
        sessions__start=timezone.localdate() + datetime.timedelta(days=2),
    )
    client.force_login(world.users["specialist"])
    response = client.get(reverse("core:staff-home"))
    html = response.content.decode()
    assert late.reference in html and "Te laat" in html
    boxes = response.context["boxes"]
    assert (boxes[0]["open_count"], boxes[0]["overdue_count"]) == (1, 1)
    assert stale.title in html
    assert "Komende bijeenkomsten" in html and str(run.offer.title) in html
    assert reverse("courses:staff-register", args=[run.sessions.get().pk]) in html


def test_poi_adviser_sees_the_region_figures_and_the_groups_to_plan(client, world):
    group = GroupFactory(
        library=world.library, poi=world.poi, state=GroupState.REQUESTED, name="Groep Oost"
    )
    GroupFactory(library=world.library, poi=world.poi, state=GroupState.PLANNED, name="Al klaar")
    client.force_login(world.users["poi"])
    html = client.get(reverse("core:staff-home")).content.decode()
    assert "Cijfers van de regio" in html
    for url_name in ("desk:figures", "referrals:figures", "learning:overview"):
        assert f'href="{reverse(url_name)}"' in html
    assert reverse("learning:group-accept", args=[group.pk]) in html
    assert "Al klaar" not in html
    assert 'id="werk-doorverwijzingen-kop"' not in html  # POIs see referral figures only


def test_kb_lands_on_the_national_overview(client, world):
    client.force_login(world.users["kb"])
    html = client.get(reverse("core:staff-home")).content.decode()
    assert "Landelijk overzicht" in html
    assert f'href="{reverse("impact:staff-overview")}"' in html
    assert "Groepen om te plannen" not in html


def test_every_demo_role_can_use_every_link_of_its_menus(client):
    """The demo logins of `manage.py load_demo`: no link of any of their menus answers 403
    or 404 (the browser test does the same with axe, on a phone and a desktop)."""
    from ontwikkelplein.demo.services import demo_logins

    call_command("load_demo", stdout=io.StringIO())
    from django.contrib.auth import get_user_model

    for row in demo_logins():
        user = get_user_model().objects.get(username=row["username"])
        client.force_login(user)
        for name in (menu.STAFF_MENU, menu.FIGURES_MENU, *SUB_MENUS):
            for entry in menu.entries_for(user, name):
                status = client.get(entry.url).status_code
                assert status == 200, (row["username"], entry.url, status)


def _dutch_date(day):
    from django.utils.formats import date_format

    return date_format(day, "l j F")
