"""The partner link: one referral, 14 days, accept / status / close; every other token gets the
same neutral answer."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    staff_user,
)
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import (
    EventKind,
    Outcome,
    PartnerLink,
    PersonalDataAccess,
    ReceiverKind,
    Source,
    Status,
)
from ontwikkelplein.referrals.tests.resident_helpers import (  # noqa: F401 - autouse fixture
    _fresh_rate_limits,
    comparable,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"/partner/([A-Za-z0-9_-]{20,})/")
PARTNER_EMAIL = "loket@welzijn.example"


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland")


@pytest.fixture
def partner():
    return PartnerFactory(name="Welzijn Eemland", email=PARTNER_EMAIL)


def refer(library, partner, question="Wil hulp bij schulden.", name="Kees Jansen"):
    sender = staff_user(library, Role.FRONT_DESK)
    return services.create_referral(
        source=Source.STAFF,
        sender_organisation=library,
        sender_user=sender,
        receiver_organisation=partner,
        receiver_kind=ReceiverKind.PARTNER,
        question=question,
        person=services.PersonData(
            name=name,
            contact_preference="phone",
            phone="0612345678",
            best_moment="Ochtend",
            consent_text="Mag Welzijn Eemland je bellen?",
            consent_recorded_by=sender,
        ),
    )


def token_from_outbox(referral) -> str:
    messages = OutboxMessage.objects.filter(reference=f"referral:{referral.pk}")
    message = [m for m in messages.order_by("-created_at", "-pk") if "/partner/" in m.body][0]
    assert message.to == [PARTNER_EMAIL] or PARTNER_EMAIL in message.to
    # The e-mail carries the link, never the question or the person's details.
    assert referral.question not in message.body
    assert referral.person.name not in message.body
    # The stored body has a placeholder; the token is filled in when the mail is sent.
    return TOKEN.search(notifications.compose(message).body).group(1)


@pytest.fixture
def referral(library, partner):
    return refer(library, partner)


@pytest.fixture
def link_url(referral):
    return reverse("referrals:partner-link", args=[token_from_outbox(referral)])


def act(client, url, **data):
    return client.post(url, data)


def test_the_link_shows_that_one_referral_and_logs_the_view(client, referral, link_url, library):
    other = refer(library, referral.receiver_organisation, "Iets heel anders", name="Ander Mens")
    response = client.get(link_url)
    page = response.content.decode()
    assert response.status_code == 200
    assert referral.reference in page
    assert "Wil hulp bij schulden." in page
    assert "Kees Jansen" in page and "0612345678" in page
    assert other.reference not in page and "Ander Mens" not in page
    assert "/beheer/doorverwijzingen/" not in page
    assert response["Cache-Control"].startswith("max-age=0")
    access = PersonalDataAccess.objects.get(referral=referral)
    assert access.action == PersonalDataAccess.Action.VIEW
    assert access.user is None
    assert access.actor_label == f"Partner via link ({PARTNER_EMAIL})"


def test_accept_set_status_and_close(client, referral, link_url):
    label = f"Partner via link ({PARTNER_EMAIL})"
    response = act(client, link_url, actie="aannemen")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.RECEIVED
    assert referral.received_at is not None

    assert act(client, link_url, actie="status", status=Status.CONTACTED).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.CONTACTED
    assert referral.first_contact_at is not None

    response = act(client, link_url, actie="afronden", outcome=Outcome.HELPED, reason="")
    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:partner-done")
    referral.refresh_from_db()
    assert referral.status == Status.CLOSED
    assert referral.outcome == Outcome.HELPED
    later = referral.events.exclude(kind__in=[EventKind.CREATED, EventKind.LINK_SENT])
    assert [e.actor_label for e in later] == [label, label, label]
    assert [e.actor_id for e in later] == [None, None, None]
    assert client.get(reverse("referrals:partner-done")).status_code == 200


def test_past_niet_needs_a_reason(client, referral, link_url):
    response = act(client, link_url, actie="afronden", outcome=Outcome.NOT_SUITABLE, reason=" ")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Schrijf kort waarom het niet past." in page
    assert 'href="#id_reason"' in page
    referral.refresh_from_db()
    assert referral.status == Status.NEW
    assert referral.outcome == ""


def test_a_status_step_that_is_not_allowed_gets_a_message(client, referral, link_url):
    services.change_status(referral, Status.CONTACTED, actor_label="Test")
    response = act(client, link_url, actie="status", status=Status.CONTACTED)
    assert response.status_code == 400
    assert "heeft deze status al" in response.content.decode()


def test_an_unknown_status_is_refused(client, referral, link_url):
    response = act(client, link_url, actie="status", status=Status.CLOSED)
    assert response.status_code == 400
    referral.refresh_from_db()
    assert referral.status == Status.NEW


# --- Every dead link gets the same answer ---------------------------------------------------


def dead(client, url):
    response = client.get(url)
    # The same page but for the address itself (in the language switch's "next").
    return response.status_code, comparable(response.content.decode()).replace(url, "URL")


def test_expired_revoked_spent_and_unknown_links_look_the_same(client, library, partner):
    unknown = reverse("referrals:partner-link", args=["x" * 43])
    status, neutral = dead(client, unknown)
    assert status == 404
    assert "Deze link werkt niet" in neutral

    # Expired after 14 days.
    expired = refer(library, partner)
    expired_url = reverse("referrals:partner-link", args=[token_from_outbox(expired)])
    with time_machine.travel(timezone.now() + timedelta(days=14, minutes=1)):
        assert dead(client, expired_url) == (404, neutral)
    with time_machine.travel(timezone.now() + timedelta(days=13, hours=23)):
        assert client.get(expired_url).status_code == 200

    # Revoked: a newer link replaces it.
    revoked = refer(library, partner)
    revoked_url = reverse("referrals:partner-link", args=[token_from_outbox(revoked)])
    services.issue_partner_link(revoked, PARTNER_EMAIL)
    assert dead(client, revoked_url) == (404, neutral)

    # Spent: closed through it; reusing it shows nothing and changes nothing.
    spent = refer(library, partner)
    spent_url = reverse("referrals:partner-link", args=[token_from_outbox(spent)])
    act(client, spent_url, actie="afronden", outcome=Outcome.HELPED)
    assert dead(client, spent_url) == (404, neutral)
    response = act(client, spent_url, actie="afronden", outcome=Outcome.NO_PLACE)
    assert response.status_code == 404
    spent.refresh_from_db()
    assert spent.outcome == Outcome.HELPED

    # None of them logged a view of the person's details.
    assert (
        not PersonalDataAccess.objects.filter(referral__in=[expired, revoked, spent])
        .exclude(actor_label__startswith="Partner via link")
        .exists()
    )
    assert not PersonalDataAccess.objects.filter(referral__in=[revoked, spent]).exists()


def test_a_referral_closed_by_others_spends_the_link(client, referral, link_url):
    services.close_referral(referral, Outcome.NO_LONGER_NEEDED, actor_label="Test")
    assert client.get(link_url).status_code == 404
    assert PartnerLink.objects.get(referral=referral).revoked_at is not None


def test_a_post_to_a_dead_link_changes_nothing(client, referral):
    url = reverse("referrals:partner-link", args=["y" * 43])
    response = act(client, url, actie="aannemen")
    assert response.status_code == 404
    referral.refresh_from_db()
    assert referral.status == Status.NEW


def test_trying_many_tokens_is_rate_limited(client, settings):
    settings.REFERRAL_RATES = {"referrals:partner-link": "3/h"}
    codes = [client.get(f"/partner/{'z' * 40}{n}/").status_code for n in range(4)]
    assert codes == [404, 404, 404, 429]
