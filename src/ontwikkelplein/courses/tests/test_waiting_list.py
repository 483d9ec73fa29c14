"""The waiting list through the resident's pages: a freed place goes to the first in line, who
accepts or declines it through the e-mailed link before the deadline; an expired offer passes on."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.courses import services
from ontwikkelplein.courses.models import Enrolment, EnrolmentStatus
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
from ontwikkelplein.courses.tests.public_helpers import (  # noqa: F401 - autouse fixture
    _fresh_rate_limits,
    link_url,
    post_sign_up,
    token_in,
)
from ontwikkelplein.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_run():
    """Two places, both taken, two people waiting (Anna first, then Bert)."""
    run = RunFactory(capacity=2)
    holders = [enrol_person(run)[1] for _i in range(2)]
    anna = enrol_person(run, name="Anna", email="anna@example.org")
    bert = enrol_person(run, name="Bert", email="bert@example.org")
    return run, holders, anna, bert


def offer_mail(address: str) -> OutboxMessage:
    return OutboxMessage.objects.filter(to=[address], subject__startswith="Er is een plaats").get()


def status_of(enrolment) -> str:
    enrolment.refresh_from_db()
    return enrolment.status


def test_waiting_positions_are_shown_on_the_links(client, full_run):
    _run, _holders, (_anna, anna_token), (_bert, bert_token) = full_run
    assert "Je bent nummer 1 op de wachtlijst" in client.get(link_url(anna_token)).content.decode()
    assert "Je bent nummer 2 op de wachtlijst" in client.get(link_url(bert_token)).content.decode()


def test_a_cancellation_offers_the_place_to_the_first_who_accepts_in_time(client, full_run):
    _run, holders, (anna, _token), (bert, _bert_token) = full_run
    response = client.post(link_url(holders[0]), {"actie": "afmelden"})
    assert response.status_code == 302
    assert status_of(anna) == EnrolmentStatus.OFFERED
    assert status_of(bert) == EnrolmentStatus.WAITING

    token = token_in(offer_mail("anna@example.org"))
    page = client.get(link_url(token)).content.decode()
    assert "Er is een plek vrijgekomen" in page
    assert "Wil je de plek?" in page
    assert 'value="accepteren"' in page and 'value="weigeren"' in page

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=47)):
        response = client.post(link_url(token), {"actie": "accepteren"})
    assert response.status_code == 302
    assert status_of(anna) == EnrolmentStatus.ENROLLED
    page = client.get(response["Location"]).content.decode()
    assert "Gelukt. De plek is voor jou." in page
    assert "Je bent ingeschreven" in page
    # Accepting twice changes nothing.
    response = client.post(link_url(token), {"actie": "accepteren"})
    assert response.status_code == 400
    assert status_of(anna) == EnrolmentStatus.ENROLLED


def test_declining_passes_the_place_to_the_next(client, full_run):
    _run, holders, (anna, _token), (bert, _bert_token) = full_run
    client.post(link_url(holders[0]), {"actie": "afmelden"})
    token = token_in(offer_mail("anna@example.org"))
    response = client.post(link_url(token), {"actie": "weigeren"})
    assert response.status_code == 302
    assert status_of(anna) == EnrolmentStatus.CANCELLED
    assert status_of(bert) == EnrolmentStatus.OFFERED
    assert "Iemand anders krijgt hem nu" in client.get(response["Location"]).content.decode()
    assert offer_mail("bert@example.org")


def test_an_expired_offer_cannot_be_accepted_and_passes_on(client, full_run):
    _run, holders, (anna, _token), (bert, _bert_token) = full_run
    client.post(link_url(holders[0]), {"actie": "afmelden"})
    token = token_in(offer_mail("anna@example.org"))
    later = timezone.now() + datetime.timedelta(hours=49)
    with time_machine.travel(later):
        page = client.get(link_url(token)).content.decode()
        assert "de tijd om ja te zeggen is voorbij" in page
        assert 'value="accepteren"' not in page
        response = client.post(link_url(token), {"actie": "accepteren"})
        assert response.status_code == 400
        assert status_of(anna) == EnrolmentStatus.OFFERED  # nothing changed by the click
        # The scheduled task passes the place on.
        assert services.expire_offers() == 1
    assert status_of(anna) == EnrolmentStatus.CANCELLED
    assert status_of(bert) == EnrolmentStatus.OFFERED
    assert "Je bent afgemeld" in client.get(link_url(token)).content.decode()


def test_signing_up_to_a_full_course_then_getting_the_freed_place(client):
    run = RunFactory(capacity=1)
    _holder, holder_token = enrol_person(run)
    assert post_sign_up(client, run).status_code == 302
    resident = Enrolment.objects.get(person__name="Fatima El Amrani")
    assert resident.status == EnrolmentStatus.WAITING
    client.post(link_url(holder_token), {"actie": "afmelden"})
    token = token_in(offer_mail("fatima@example.org"))
    assert client.post(link_url(token), {"actie": "accepteren"}).status_code == 302
    assert status_of(resident) == EnrolmentStatus.ENROLLED


def test_cancelling_from_the_waiting_list_offers_nothing(client, full_run):
    _run, _holders, (anna, anna_token), (bert, _bert_token) = full_run
    client.post(link_url(anna_token), {"actie": "afmelden"})
    assert status_of(anna) == EnrolmentStatus.CANCELLED
    assert status_of(bert) == EnrolmentStatus.WAITING
    assert not OutboxMessage.objects.filter(subject__startswith="Er is een plaats").exists()


def test_a_freed_place_for_someone_without_email_is_left_to_the_staff(client):
    run = RunFactory(capacity=1)
    _holder, holder_token = enrol_person(run)
    waiting, waiting_token = enrol_person(run, name="Cor", phone="0612345678")
    client.post(link_url(holder_token), {"actie": "afmelden"})
    assert status_of(waiting) == EnrolmentStatus.OFFERED
    # No e-mail to send; the resident's own link (from the confirmation page) still works.
    page = client.get(link_url(waiting_token)).content.decode()
    assert "Wil je de plek?" in page
    assert client.post(link_url(waiting_token), {"actie": "accepteren"}).status_code == 302
    assert status_of(waiting) == EnrolmentStatus.ENROLLED


def test_the_confirmation_page_is_not_shown_to_the_next_user_after_an_hour(client):
    run = RunFactory()
    post_sign_up(client, run)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        assert client.get(reverse("courses:signed-up")).status_code == 302
