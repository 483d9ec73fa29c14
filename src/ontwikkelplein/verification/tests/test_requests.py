"""Asking offers' contacts: who is due, one mail per cycle, the token only as a placeholder in
the stored mail, per-organisation intervals."""

import datetime

import pytest
import time_machine

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.notifications.services import compose
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, PartnerFactory
from ontwikkelplein.verification import services
from ontwikkelplein.verification.models import VerificationRequest, VerificationSettings
from ontwikkelplein.verification.tests.factories import CONTACT, old_offer

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def partner():
    return PartnerFactory(name="Welzijn Eemland", email="info@welzijn.example")


def mails():
    return OutboxMessage.objects.filter(reference__startswith="offer-verification:")


@time_machine.travel(TODAY, tick=False)
def test_due_offers_get_one_mail_per_cycle(partner):
    due = old_offer(partner, title="Taalcafé", verified=datetime.date(2025, 9, 1))
    old_offer(partner, title="Net gecontroleerd", verified=datetime.date(2026, 1, 10))
    old_offer(partner, title="Concept", status=OfferStatus.DRAFT)
    old_offer(partner, title="Gearchiveerd", status=OfferStatus.ARCHIVED)
    assert services.send_due_requests() == 1
    assert services.send_due_requests() == 0  # asked already in this cycle
    message = mails().get()
    assert message.to == [CONTACT]
    assert "Taalcafé" in message.subject
    request = VerificationRequest.objects.get()
    assert request.offer == due
    assert request.verified_on_at_request == datetime.date(2025, 9, 1)
    assert request.expires_at.date() == TODAY + datetime.timedelta(days=30)


@time_machine.travel(TODAY, tick=False)
def test_the_token_is_only_a_placeholder_in_the_stored_mail(partner):
    offer = old_offer(partner)
    token = services.issue_request(offer)
    message = mails().get()
    assert token not in message.body and token not in message.subject
    assert "{{secret:verification-link}}" in message.body
    sent = compose(message)
    assert f"/aanbod/controleren/{token}/" in sent.body
    assert services.hash_token(token) == VerificationRequest.objects.get().token_hash


@time_machine.travel(TODAY, tick=False)
def test_a_new_cycle_asks_again_and_replaces_the_old_link(partner):
    offer = old_offer(partner)
    services.send_due_requests()
    first = VerificationRequest.objects.get()
    # Verified, then half a year later due again.
    offer.last_verified_on = datetime.date(2025, 8, 1)
    offer.save()
    assert services.send_due_requests() == 1
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert VerificationRequest.objects.filter(revoked_at__isnull=True).count() == 1


@time_machine.travel(TODAY, tick=False)
def test_the_organisations_own_interval(partner):
    other = OrganisationFactory()
    old_offer(partner, title="Vier maanden", verified=datetime.date(2025, 11, 1))
    old_offer(other, title="Ook vier maanden", verified=datetime.date(2025, 11, 1))
    VerificationSettings.objects.create(organisation=partner, interval_months=3)
    assert [o.title for o in services.due_offers()] == ["Vier maanden"]


@time_machine.travel(TODAY, tick=False)
def test_the_default_interval_is_a_setting(partner, settings):
    old_offer(partner, verified=datetime.date(2025, 11, 1))
    assert not services.due_offers().exists()
    settings.OFFER_VERIFICATION_INTERVAL_MONTHS = 3
    assert services.due_offers().count() == 1


@time_machine.travel(TODAY, tick=False)
def test_falls_back_to_the_organisations_address_and_skips_offers_without_one(partner):
    fallback = old_offer(partner, contact_email="")
    nobody = old_offer(OrganisationFactory(email=""), contact_email="")
    assert services.send_due_requests() == 1
    assert VerificationRequest.objects.get().offer == fallback
    assert VerificationRequest.objects.get().sent_to == "info@welzijn.example"
    assert services.issue_request(nobody) is None


@time_machine.travel(TODAY, tick=False)
def test_never_verified_offers_are_asked_once(partner):
    old_offer(partner, verified=None)
    assert services.send_due_requests() == 1
    assert services.send_due_requests() == 0


def test_months_before_keeps_to_the_end_of_a_short_month():
    assert services.months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert services.months_before(datetime.date(2026, 3, 2), 6) == datetime.date(2025, 9, 2)
    assert services.months_before(datetime.date(2026, 1, 15), 1) == datetime.date(2025, 12, 15)
    assert services.months_before(datetime.date(2026, 1, 15), 24) == datetime.date(2024, 1, 15)


def test_the_tasks_are_registered_for_the_worker():
    from ontwikkelplein.notifications import scheduled

    tasks = {task.name: task for task in scheduled.tasks()}
    assert tasks["offer_verification_requests"].every_minutes == 60
    assert tasks["offer_verification_hide"].every_minutes == 60
    assert "sent" in tasks["offer_verification_requests"].func()
