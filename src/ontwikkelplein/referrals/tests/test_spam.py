"""Spam protection of "Ik wil hulp" without a CAPTCHA: honeypot, minimum fill time, rate limit."""

import time

import pytest
from django.urls import reverse

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.referrals import spam
from ontwikkelplein.referrals.models import Referral
from ontwikkelplein.referrals.tests.resident_helpers import (  # noqa: F401 - autouse fixture
    NOTHING,
    _fresh_rate_limits,
    help_data,
    stored_counts,
)


@pytest.fixture
def offer(db):
    return OfferFactory()


def post(client, offer, data, ip="192.0.2.10"):
    return client.post(reverse("referrals:help", args=[offer.pk]), data, REMOTE_ADDR=ip)


# --- Units --------------------------------------------------------------------------------


def test_a_fresh_form_is_too_fast_and_an_older_one_is_not(settings):
    settings.REFERRAL_FORM_MIN_SECONDS = 3
    now = 1_800_000_000.0
    assert spam.guard.filled_too_fast(spam.guard.started_token(now - 1), now=now)
    assert not spam.guard.filled_too_fast(spam.guard.started_token(now - 4), now=now)


@pytest.mark.parametrize("token", ["", "1800000000", "not-signed:at-all", None])
def test_a_missing_or_forged_timestamp_counts_as_too_fast(token):
    assert spam.guard.filled_too_fast(token)


def test_a_tampered_timestamp_counts_as_too_fast():
    token = spam.guard.started_token(time.time() - 600)
    assert spam.guard.filled_too_fast(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))


def test_the_honeypot():
    assert spam.honeypot_filled({spam.HONEYPOT_FIELD: "http://spam.example"})
    assert not spam.honeypot_filled({spam.HONEYPOT_FIELD: "  "})
    assert not spam.honeypot_filled({})


# --- Through the form ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_filled_honeypot_stores_nothing(client, offer):
    response = post(client, offer, help_data(**{spam.HONEYPOT_FIELD: "http://buy.example"}))
    assert response.status_code == 400
    assert "Je vraag is niet verstuurd" in response.content.decode()
    assert stored_counts() == NOTHING


@pytest.mark.django_db
def test_a_form_sent_too_fast_is_shown_again_and_stores_nothing(client, offer):
    response = post(client, offer, help_data(**{spam.STARTED_FIELD: spam.guard.started_token()}))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dat ging heel snel" in page
    # What was typed is kept, with a new timestamp, so sending again works.
    assert "Fatima El Amrani" in page
    assert f'name="{spam.STARTED_FIELD}"' in page
    assert stored_counts() == NOTHING


@pytest.mark.django_db
def test_a_post_without_the_timestamp_stores_nothing(client, offer):
    data = help_data()
    del data[spam.STARTED_FIELD]
    assert post(client, offer, data).status_code == 400
    assert stored_counts() == NOTHING


@pytest.mark.django_db
def test_a_flood_of_posts_is_refused_with_429_and_stores_nothing_more(client, offer, settings):
    settings.REFERRAL_RATES = {spam.HELP_FORM: "3/h"}
    first = [post(client, offer, help_data()).status_code for _ in range(3)]
    assert first == [302, 302, 302]
    before = stored_counts()
    flood = [post(client, offer, help_data()) for _ in range(20)]
    assert {r.status_code for r in flood} == {429}
    page = flood[0].content.decode()
    assert "Te veel aanvragen" in page
    assert "Probeer het later nog eens" in page
    assert "Er is niets opgeslagen" in page
    assert stored_counts() == before
    assert Referral.objects.count() == 3


@pytest.mark.django_db
def test_refused_posts_count_too(client, offer, settings):
    settings.REFERRAL_RATES = {spam.HELP_FORM: "2/h"}
    for _ in range(2):
        assert post(client, offer, help_data(consent="")).status_code == 400
    assert post(client, offer, help_data()).status_code == 429
    assert stored_counts() == NOTHING


@pytest.mark.django_db
def test_the_limit_is_per_address(client, offer, settings):
    settings.REFERRAL_RATES = {spam.HELP_FORM: "1/h"}
    assert post(client, offer, help_data(), ip="192.0.2.10").status_code == 302
    assert post(client, offer, help_data(), ip="192.0.2.10").status_code == 429
    assert post(client, offer, help_data(), ip="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_showing_the_form_is_not_limited(client, offer, settings):
    settings.REFERRAL_RATES = {spam.HELP_FORM: "1/h"}
    url = reverse("referrals:help", args=[offer.pk])
    assert [client.get(url).status_code for _ in range(5)] == [200] * 5
