"""The partner's page: the offer as residents see it, "Klopt nog" and "Dit moet anders";
every bad token gets the same Dutch page, never a 500 and never another offer."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.organisations.tests.factories import PartnerFactory
from ontwikkelplein.verification import services
from ontwikkelplein.verification.models import (
    Answer,
    ChangeSuggestion,
    SuggestionField,
    VerificationRequest,
)
from ontwikkelplein.verification.tests.factories import issue, old_offer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partner():
    return PartnerFactory(name="Welzijn Eemland")


@pytest.fixture
def offer(partner):
    return old_offer(partner, title="Taalcafé Eemland", summary="Samen Nederlands praten.")


def url(token):
    return reverse("verification:partner", args=[token])


def test_the_page_shows_the_offer_as_residents_see_it(client, offer):
    token = issue(offer)
    response = client.get(url(token))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Taalcafé Eemland" in content and "Samen Nederlands praten." in content
    assert "Klopt nog" in content and "Dit moet anders" in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_klopt_nog_verifies_the_offer(client, offer):
    token = issue(offer)
    response = client.post(url(token), {"actie": "klopt"}, follow=True)
    assert "We hebben opgeslagen dat alles nog klopt" in response.content.decode()
    offer.refresh_from_db()
    assert offer.last_verified_on == timezone.localdate()
    assert offer.last_verified_by is None
    request = VerificationRequest.objects.get()
    assert request.answer == Answer.CONFIRMED and request.answered_at


def test_klopt_nog_brings_a_hidden_offer_back(client, offer):
    offer.status = OfferStatus.UNCONFIRMED
    offer.save()
    token = issue(offer)
    assert client.get(reverse("catalogue:offer-detail", args=[offer.pk])).status_code == 404
    client.post(url(token), {"actie": "klopt"})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PUBLISHED
    assert client.get(reverse("catalogue:offer-detail", args=[offer.pk])).status_code == 200


def test_dit_moet_anders_makes_a_suggestion(client, offer):
    token = issue(offer)
    response = client.post(
        url(token),
        {"actie": "anders", "field": "times", "proposed": "  Nu op dinsdag 10:00 tot 12:00. "},
    )
    assert response.status_code == 302
    suggestion = ChangeSuggestion.objects.get()
    assert suggestion.offer == offer
    assert suggestion.field == SuggestionField.TIMES
    assert suggestion.proposed == "Nu op dinsdag 10:00 tot 12:00."
    offer.refresh_from_db()
    assert offer.last_verified_on == timezone.localdate()
    assert VerificationRequest.objects.get().answer == Answer.CHANGES


def test_a_change_keeps_a_hidden_offer_hidden_until_the_library_decides(client, offer):
    offer.status = OfferStatus.UNCONFIRMED
    offer.save()
    token = issue(offer)
    client.post(url(token), {"actie": "anders", "field": "other", "proposed": "Het stopt."})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.UNCONFIRMED


def test_an_incomplete_change_is_refused_in_dutch(client, offer):
    token = issue(offer)
    response = client.post(url(token), {"actie": "anders", "field": "", "proposed": ""})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Kies wat er niet klopt." in content
    assert "Schrijf op hoe het moet zijn." in content
    assert not ChangeSuggestion.objects.exists()


def test_the_honeypot_stores_nothing(client, offer):
    token = issue(offer)
    response = client.post(
        url(token), {"actie": "anders", "field": "title", "proposed": "x", "website": "spam"}
    )
    assert response.status_code == 400
    assert not ChangeSuggestion.objects.exists()


@pytest.mark.parametrize(
    "make_token",
    [
        lambda token: "x" * 43,  # unknown
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # tampered
        lambda token: token + "a",  # longer
        lambda token: "<script>",  # not a token at all
        lambda token: "a" * 500,  # far too long
    ],
)
def test_bad_tokens_get_one_dutch_page(client, offer, make_token):
    token = issue(offer)
    response = client.get(url(make_token(token)))
    content = response.content.decode()
    assert response.status_code == 404
    assert "Deze link werkt niet" in content
    assert "Taalcafé Eemland" not in content
    response = client.post(url(make_token(token)), {"actie": "klopt"})
    assert response.status_code == 404
    assert not VerificationRequest.objects.filter(answered_at__isnull=False).exists()


def test_an_expired_link_does_not_work(client, offer):
    token = issue(offer)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        response = client.post(url(token), {"actie": "klopt"})
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()
    offer.refresh_from_db()
    assert offer.last_verified_on == datetime.date(2020, 1, 1)


def test_a_replaced_link_does_not_work_and_never_shows_another_offer(client, partner, offer):
    first = issue(offer)
    issue(offer)
    assert client.get(url(first)).status_code == 404
    other = old_offer(partner, title="Digicafé")
    other_token = issue(other)
    content = client.get(url(other_token)).content.decode()
    assert "Digicafé" in content and "Taalcafé Eemland" not in content


@pytest.mark.parametrize("status", [OfferStatus.DRAFT, OfferStatus.ARCHIVED])
def test_a_link_to_an_offer_taken_offline_does_not_work(client, offer, status):
    token = issue(offer)
    offer.status = status
    offer.save()
    assert client.get(url(token)).status_code == 404


def test_trying_many_tokens_is_rate_limited(client, settings):
    settings.OFFER_VERIFICATION_RATES = {"verification:partner": "3/h"}
    codes = [client.get(url(f"{'z' * 40}{n}")).status_code for n in range(4)]
    assert codes == [404, 404, 404, 429]
    assert "Te veel aanvragen" in client.get(url("z" * 43)).content.decode()


def test_answers_are_rate_limited(client, offer, settings):
    settings.OFFER_VERIFICATION_RATES = {"verification:partner-answer": "2/h"}
    token = issue(offer)
    data = {"actie": "anders", "field": "title", "proposed": "Nieuwe naam"}
    codes = [client.post(url(token), data).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert ChangeSuggestion.objects.count() == 2


def test_an_unknown_action_changes_nothing(client, offer):
    token = issue(offer)
    response = client.post(url(token), {"actie": "verwijderen"})
    assert response.status_code == 400
    assert "Kies Klopt nog of Dit moet anders." in response.content.decode()
    assert not VerificationRequest.objects.filter(answered_at__isnull=False).exists()


def test_the_service_refuses_an_answer_on_a_revoked_request(offer):
    token = issue(offer)
    request = VerificationRequest.objects.get(token_hash=services.hash_token(token))
    issue(offer)
    with pytest.raises(services.VerificationError):
        services.confirm(request)


@hsettings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.dictionaries(
        st.sampled_from(["actie", "field", "proposed", "website", "csrfmiddlewaretoken", "x"]),
        st.one_of(
            st.text(max_size=3000),
            st.sampled_from(["anders", "klopt", *SuggestionField.values]),
        ),
        max_size=5,
    )
)
def test_no_input_gives_a_server_error(client, offer, data):
    cache.clear()
    token = issue(offer)
    response = client.post(url(token), data)
    assert response.status_code in (200, 302, 400)
    for suggestion in ChangeSuggestion.objects.all():
        assert suggestion.proposed.strip() and "\x00" not in suggestion.proposed
        assert len(suggestion.proposed) <= 2000
