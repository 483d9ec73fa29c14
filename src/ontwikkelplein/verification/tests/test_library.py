"""The library's side: suggestions to accept or dismiss, offers nobody confirmed hidden from
residents (with a note to staff) and brought back by a check, and the figures."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue import selectors as catalogue_selectors
from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.search import SearchParams
from ontwikkelplein.catalogue.tests.staff_world import build_world
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import Level
from ontwikkelplein.notifications.models import Notification
from ontwikkelplein.organisations.tests.factories import OrganisationFactory
from ontwikkelplein.verification import figures, services
from ontwikkelplein.verification.models import (
    ChangeSuggestion,
    SuggestionStatus,
    VerificationSettings,
)
from ontwikkelplein.verification.tests.factories import old_offer

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def world(db):
    return build_world()


def suggest(offer, field="title", proposed="Taalcafé op dinsdag"):
    return ChangeSuggestion.objects.create(offer=offer, field=field, proposed=proposed)


# --- Suggestions ---


def test_the_list_shows_only_the_users_editable_organisations(client, world):
    mine = suggest(world.published_b, proposed="Voorstel van Bravo")
    suggest(old_offer(world.library_a), proposed="Voorstel van Alfa")
    client.force_login(world.specialist_b)
    content = client.get(reverse("verification:suggestions")).content.decode()
    assert "Voorstel van Bravo" in content and "Voorstel van Alfa" not in content
    assert mine.offer.title in content
    client.force_login(world.front_desk_b)
    content = client.get(reverse("verification:suggestions")).content.decode()
    assert "Voorstel van Bravo" not in content


def test_accepting_a_new_title_writes_it_into_the_offer(client, world):
    suggestion = suggest(world.published_b, field="title", proposed="Taalcafé op dinsdag")
    client.force_login(world.specialist_b)
    response = client.post(reverse("verification:suggestion-accept", args=[suggestion.pk]))
    assert response.status_code == 302
    world.published_b.refresh_from_db()
    assert world.published_b.title == "Taalcafé op dinsdag"
    assert world.published_b.last_verified_by == world.specialist_b
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert suggestion.decided_by == world.specialist_b
    # Decided once: a second try finds nothing.
    response = client.post(reverse("verification:suggestion-accept", args=[suggestion.pk]))
    assert response.status_code == 404


def test_accepting_another_kind_sends_the_editor_to_the_offer(client, world):
    suggestion = suggest(world.published_b, field="times", proposed="Dinsdag 10 tot 12")
    client.force_login(world.specialist_b)
    response = client.post(reverse("verification:suggestion-accept", args=[suggestion.pk]))
    assert response["Location"] == reverse(
        "catalogue:staff-offer-edit", args=[world.published_b.pk]
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED


def test_a_title_that_does_not_fit_is_refused_in_dutch_and_changes_nothing(client, world):
    title = world.published_b.title
    suggestion = suggest(world.published_b, field="title", proposed="x" * 400)
    client.force_login(world.specialist_b)
    response = client.post(
        reverse("verification:suggestion-accept", args=[suggestion.pk]), follow=True
    )
    assert response.status_code == 200
    assert "150" in response.content.decode()
    world.published_b.refresh_from_db()
    assert world.published_b.title == title
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.PENDING


def test_dismissing(client, world):
    suggestion = suggest(world.published_b)
    client.force_login(world.team_leader_b)
    client.post(reverse("verification:suggestion-dismiss", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.DISMISSED
    world.published_b.refresh_from_db()
    assert world.published_b.title != "Taalcafé op dinsdag"


def test_accepting_brings_a_hidden_offer_back(client, world):
    world.published_b.status = OfferStatus.UNCONFIRMED
    world.published_b.save()
    suggestion = suggest(world.published_b, field="other", proposed="Klopt, maar nieuwe zaal")
    client.force_login(world.specialist_b)
    client.post(reverse("verification:suggestion-accept", args=[suggestion.pk]))
    world.published_b.refresh_from_db()
    assert world.published_b.status == OfferStatus.PUBLISHED


def test_a_contacts_change_notifies_the_editors(world):
    offer = old_offer(world.library_b)
    token = services.issue_request(offer)
    from ontwikkelplein.verification.selectors import request_for_token

    services.suggest_change(request_for_token(token), "cost", "Het kost nu 5 euro.")
    users = set(Notification.objects.values_list("user_id", flat=True))
    assert world.specialist_b.pk in users and world.team_leader_b.pk in users
    assert world.front_desk_b.pk not in users and world.specialist_a.pk not in users


# --- Hiding offers nobody confirmed ---


@time_machine.travel(TODAY, tick=False)
def test_offers_nobody_confirmed_are_hidden_and_come_back_when_checked(client, world):
    # 182 days on "Te controleren" + 90 days: hidden when last verified before 4 June 2025.
    hidden = old_offer(
        world.library_b, title="Vergeten taalcafé", verified=datetime.date(2025, 6, 1)
    )
    kept = old_offer(world.library_b, title="Bijna vergeten", verified=datetime.date(2025, 6, 5))
    search.index_offer(hidden.pk)
    found = [h.offer.pk for h in search.search(SearchParams(text="taalcafé")).hits]
    assert hidden.pk in found
    assert services.hide_unconfirmed_offers() == 1
    assert services.hide_unconfirmed_offers() == 0
    hidden.refresh_from_db()
    kept.refresh_from_db()
    assert hidden.status == OfferStatus.UNCONFIRMED and kept.status == OfferStatus.PUBLISHED
    # Residents: not in search, no offer page.
    assert client.get(reverse("catalogue:offer-detail", args=[hidden.pk])).status_code == 404
    assert hidden.pk not in [h.offer.pk for h in search.search(SearchParams(text="taalcafé")).hits]
    # Staff: on "Te controleren" with a note, and a notification.
    assert hidden in catalogue_selectors.offers_to_verify(world.specialist_b)
    client.force_login(world.specialist_b)
    content = client.get(reverse("catalogue:staff-to-verify")).content.decode()
    assert "Verborgen: niet bevestigd" in content
    note = Notification.objects.get(user=world.specialist_b)
    assert "verborgen" in note.text
    # A check brings it back.
    client.post(reverse("catalogue:staff-offer-verify", args=[hidden.pk]))
    hidden.refresh_from_db()
    assert hidden.status == OfferStatus.PUBLISHED
    assert hidden.last_verified_on == TODAY


@time_machine.travel(TODAY, tick=False)
def test_a_longer_interval_waits_longer_before_hiding(world, settings):
    offer = old_offer(world.library_b, verified=datetime.date(2025, 6, 1))
    VerificationSettings.objects.create(organisation=world.library_b, interval_months=12)
    assert services.hide_unconfirmed_offers() == 0
    settings.OFFER_VERIFICATION_HIDE_AFTER_DAYS = 0
    assert services.hide_unconfirmed_offers() == 0  # 12 months not yet over
    VerificationSettings.objects.filter(organisation=world.library_b).update(interval_months=6)
    assert services.hide_unconfirmed_offers() == 1
    offer.refresh_from_db()
    assert offer.status == OfferStatus.UNCONFIRMED


@time_machine.travel(TODAY, tick=False)
def test_drafts_and_archived_offers_are_left_alone(world):
    for status in (OfferStatus.DRAFT, OfferStatus.ARCHIVED):
        old_offer(world.library_b, status=status)
    assert services.hide_unconfirmed_offers() == 0


# --- Figures ---


@time_machine.travel(TODAY, tick=False)
def test_figures_share_per_organisation_with_small_counts_hidden(world):
    for _ in range(6):
        old_offer(world.library_a, verified=datetime.date(2026, 1, 1))
    for _ in range(2):
        old_offer(world.library_a, verified=datetime.date(2025, 1, 1))
    old_offer(world.library_a, status=OfferStatus.DRAFT)
    ids = frozenset({world.library_a.pk})
    own = figures.figures(Scope(Level.OWN, "Alfa", ids), today=TODAY)
    [row] = own.rows
    assert (row.offers.value, row.verified.value) == (8, 6)
    assert row.share == "75%"
    assert own.total.offers.display == "8"
    delta = OrganisationFactory(name="Bibliotheek Delta")
    for _ in range(5):
        old_offer(delta, verified=datetime.date(2026, 2, 1))
    old_offer(delta, verified=datetime.date(2025, 2, 1))
    # Above the own organisation a count of 1 to 4 is hidden, and so is its share; when only
    # one is hidden, the smallest other one too (it could be worked out from the total).
    country = figures.figures(Scope(Level.COUNTRY, "Heel Nederland"), today=TODAY)
    counts = {r.label: r for r in country.rows}
    assert counts["Bibliotheek Alfa"].offers.display == "8"
    assert counts["Bibliotheek Alfa"].share == "75%"
    small = [r for r in country.rows if r.offers.hidden == "small"]
    assert small and all(r.share == "" for r in small)
    if len(small) == 1:
        assert counts["Bibliotheek Delta"].offers.hidden == "derived"
    assert country.total.offers.value == sum(r.offers.value for r in country.rows)


def test_figures_page_per_level(client, world):
    for user, level in (
        (world.specialist_b, "eigen"),
        (world.poi_utrecht, "regio"),
        (world.kb_admin, "land"),
    ):
        client.force_login(user)
        response = client.get(reverse("verification:figures"), {"niveau": level})
        assert response.status_code == 200, level
        assert "Actueel aanbod" in response.content.decode()
    client.force_login(world.specialist_b)
    assert client.get(reverse("verification:figures"), {"niveau": "land"}).status_code == 404
    client.logout()
    assert client.get(reverse("verification:figures")).status_code == 302


def test_the_contact_answer_date_is_today(world):
    offer = old_offer(world.library_b)
    token = services.issue_request(offer)
    from ontwikkelplein.verification.selectors import request_for_token

    services.confirm(request_for_token(token))
    offer.refresh_from_db()
    assert offer.last_verified_on == timezone.localdate()


# --- The interval per organisation ---


def test_a_team_leader_sets_the_interval(client, world):
    client.force_login(world.team_leader_b)
    url = reverse("verification:settings")
    assert client.get(url).status_code == 200
    response = client.post(url, {"org": str(world.library_b.pk), "interval_months": "3"})
    assert response.status_code == 302
    assert VerificationSettings.objects.get(organisation=world.library_b).interval_months == 3
    assert services.interval_months(world.library_b) == 3
    # Another organisation's id in the form is ignored: the team leader's own is changed.
    response = client.post(url, {"org": str(world.library_a.pk), "interval_months": "4"})
    assert not VerificationSettings.objects.filter(organisation=world.library_a).exists()


@pytest.mark.parametrize("value", ["0", "25", "", "zes", "3.5", "9" * 40, "\x00"])
def test_a_bad_interval_is_refused_in_dutch(client, world, value):
    client.force_login(world.team_leader_b)
    response = client.post(
        reverse("verification:settings"), {"org": str(world.library_b.pk), "interval_months": value}
    )
    assert response.status_code == 400
    assert not VerificationSettings.objects.exists()


def test_only_team_leaders_reach_the_settings(client, world):
    for user in (world.specialist_b, world.front_desk_b, world.poi_utrecht, world.kb_admin):
        client.force_login(user)
        assert client.get(reverse("verification:settings")).status_code == 403


def test_the_service_checks_the_team_leader(world):
    with pytest.raises(PermissionDenied):
        services.set_interval(world.specialist_b, world.library_b, 3)
    with pytest.raises(services.VerificationError):
        services.set_interval(world.team_leader_b, world.library_b, 30)


def test_figures_download_hides_small_counts_as_the_page_does(client, world):
    client.force_login(world.kb_admin)
    response = client.get(reverse("verification:figures-export"), {"niveau": "land"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Organisatie")
    assert "Bibliotheek Bravo" in text and "<5" in text
    response = client.get(
        reverse("verification:figures-export"), {"niveau": "land", "formaat": "xlsx"}
    )
    assert response.status_code == 200 and response.content[:2] == b"PK"
