"""The resident's pages: "Ik wil hulp" on an offer page, the confirmation, the status by code."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.organisations.tests.factories import OrganisationFactory
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import (
    EventKind,
    Outcome,
    ReceiverKind,
    Referral,
    Source,
    Status,
)
from ontwikkelplein.referrals.public_forms import consent_text
from ontwikkelplein.referrals.tests.resident_helpers import (  # noqa: F401 - autouse fixture
    NOTHING,
    _fresh_rate_limits,
    comparable,
    help_data,
    stored_counts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland", email="info@eemland.example")


@pytest.fixture
def offer(library):
    return OfferFactory(organisation=library, title="Digisterker")


def help_url(offer):
    return reverse("referrals:help", args=[offer.pk])


def send(client, offer, **extra):
    return client.post(help_url(offer), help_data(**extra))


def html(response) -> str:
    return response.content.decode()


# --- The offer page and the form ------------------------------------------------------------


def test_the_urls_are_named(offer):
    assert help_url(offer) == f"/aanbod/{offer.pk}/hulp/"
    assert reverse("referrals:status") == "/hulp/status/"
    assert reverse("referrals:status-short", args=["ABCD2345"]) == "/hulp/s/ABCD2345/"


def test_the_offer_page_links_to_ik_wil_hulp(client, offer):
    page = html(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))
    assert f'href="{help_url(offer)}"' in page
    assert "Ik wil hulp" in page


def test_the_form_says_plainly_what_happens_with_the_data(client, offer, settings):
    settings.REFERRAL_RETENTION_DAYS = 90
    response = client.get(help_url(offer))
    page = html(response)
    assert response.status_code == 200
    assert "Bibliotheek Eemland mag mijn naam" in page
    assert "90 dagen nadat mijn vraag is afgerond" in page
    assert "Ik mag altijd vragen om mijn gegevens eerder te wissen" in page
    # Every control has a label; the honeypot is hidden from people and assistive technology.
    for name in ("name", "phone", "email", "best_moment", "question", "consent"):
        assert f'for="id_{name}"' in page
    assert 'class="op-hp" aria-hidden="true"' in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_draft_or_unknown_offer_has_no_form(client, offer):
    offer.status = OfferStatus.DRAFT
    offer.save()
    assert client.get(help_url(offer)).status_code == 404
    assert client.post(help_url(offer), help_data()).status_code == 404
    assert stored_counts() == NOTHING


# --- Sending ------------------------------------------------------------------------------


def test_sending_reaches_the_offers_organisation_with_consent_stored(client, offer, library):
    response = send(client, offer)
    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:help-sent")

    referral = Referral.objects.get()
    assert referral.source == Source.RESIDENT
    assert referral.receiver_organisation == library
    assert referral.receiver_kind == ReceiverKind.OFFER
    assert referral.offer == offer
    assert referral.sender_organisation is None
    assert referral.status == Status.NEW
    assert referral.question == "Ik wil hulp bij het aanvragen van DigiD."
    person = referral.person
    assert person.name == "Fatima El Amrani"
    assert person.phone == "0612345678"
    assert person.best_moment == "Dinsdagmiddag"
    assert person.consent_text == consent_text("Bibliotheek Eemland")
    assert person.consent_recorded_by is None
    assert "Inwoner" in person.consent_recorded_by_label
    event = referral.events.get()
    assert event.kind == EventKind.CREATED
    assert event.actor_label == "Inwoner"


def test_the_confirmation_shows_the_code_the_status_link_and_the_deadline(client, offer):
    send(client, offer)
    referral = Referral.objects.get()
    response = client.get(reverse("referrals:help-sent"))
    page = html(response)
    assert response.status_code == 200
    assert f'<span class="op-code" id="referentiecode">{referral.reference}</span>' in page
    short = reverse("referrals:status-short", args=[referral.reference.replace("-", "")])
    assert f'href="http://testserver{short}"' in page
    assert "neemt uiterlijk op" in page
    assert "binnen 3 werkdagen" in page
    # The confirmation does not repeat the person's details.
    assert "Fatima" not in page
    assert "0612345678" not in page


def test_the_confirmation_needs_a_sent_form_in_this_session(client, offer):
    send(client, offer)
    other = client.__class__()
    response = other.get(reverse("referrals:help-sent"))
    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:status")


def test_choosing_mail_asks_for_an_email_address(client, offer):
    response = send(client, offer, contact_preference="email", phone="")
    assert response.status_code == 400
    assert "Vul je e-mailadres in" in html(response)
    assert stored_counts() == NOTHING


def test_an_email_is_enough_when_the_resident_chose_mail(client, offer):
    send(client, offer, contact_preference="email", phone="", email="fatima@example.nl")
    person = Referral.objects.get().person
    assert person.email == "fatima@example.nl"
    assert person.phone == ""


# --- Bad input: a clear answer, nothing stored --------------------------------------------


def test_missing_consent_stores_nothing_and_says_why(client, offer):
    data = help_data()
    del data["consent"]
    response = client.post(help_url(offer), data)
    page = html(response)
    assert response.status_code == 400
    assert "Zet een vinkje als je het goed vindt" in page
    # Summarised at the top, linked to the field, and the field points at its error.
    assert 'href="#id_consent"' in page
    assert 'aria-describedby="id_consent_error"' in page
    assert "Er is niets opgeslagen" in page
    assert stored_counts() == NOTHING


@pytest.mark.parametrize("phone", ["12345", "06-1234", "+44 20 7946 0958", "bel me maar"])
def test_a_malformed_phone_number_stores_nothing(client, offer, phone):
    response = send(client, offer, phone=phone)
    assert response.status_code == 400
    assert "Vul een Nederlands telefoonnummer in" in html(response)
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html(response)
    assert stored_counts() == NOTHING


def test_a_100_kb_text_stores_nothing(client, offer):
    response = send(client, offer, question="a" * 100_000)
    assert response.status_code == 400
    assert "Je tekst is te lang. Gebruik hoogstens 1000 tekens." in html(response)
    assert stored_counts() == NOTHING


def test_missing_name_and_question_are_summarised(client, offer):
    response = send(client, offer, name="  ", question="")
    page = html(response)
    assert response.status_code == 400
    assert "Vul je naam in." in page
    assert "Schrijf kort waar je hulp bij wilt." in page
    assert 'href="#id_name"' in page and 'href="#id_question"' in page
    # What was typed stays in the form.
    assert "Dinsdagmiddag" in page
    assert stored_counts() == NOTHING


# --- Status by code -----------------------------------------------------------------------


@pytest.fixture
def referral(client, offer):
    send(client, offer)
    return Referral.objects.get()


def lookup(client, code):
    return client.post(reverse("referrals:status"), {"code": code})


def test_the_status_page_asks_for_the_code(client):
    response = client.get(reverse("referrals:status"))
    assert response.status_code == 200
    assert 'for="id_code"' in html(response)


@pytest.mark.parametrize("typed", ["exact", "lower", "spaces"])
def test_the_code_shows_the_status_in_plain_words(client, referral, typed):
    code = {
        "exact": referral.reference,
        "lower": referral.reference.lower(),
        "spaces": " " + referral.reference.replace("-", " ") + " ",
    }[typed]
    response = lookup(client, code)
    page = html(response)
    assert response.status_code == 200
    assert "Zo gaat het met je vraag" in page
    assert "Bibliotheek Eemland heeft je vraag gekregen" in page
    assert "Digisterker" in page
    assert 'aria-current="step"' in page
    # Never the person's details or the question.
    assert "Fatima" not in page
    assert "0612345678" not in page
    assert "DigiD" not in page


def test_the_short_link_goes_straight_to_the_status(client, referral):
    short = reverse("referrals:status-short", args=[referral.reference.replace("-", "")])
    response = client.get(short)
    assert response.status_code == 200
    assert referral.reference in html(response)


def test_contact_and_closing_show_in_the_status(client, referral):
    services.change_status(referral, Status.CONTACTED, actor_label="Test")
    assert "heeft contact met je gehad" in html(lookup(client, referral.reference))
    services.close_referral(referral, Outcome.ENROLLED, actor_label="Test")
    page = html(lookup(client, referral.reference))
    assert "Je vraag is afgerond." in page
    assert "Aangemeld voor aanbod" in page


def test_a_wrong_code_gives_no_hint_whether_it_looks_valid(client, referral):
    valid_looking = "ZZZZ-9999" if referral.reference != "ZZZZ-9999" else "YYYY-9999"
    answers = [lookup(client, code) for code in (valid_looking, "kaas", "x" * 50, "0000-0000")]
    assert {a.status_code for a in answers} == {404}
    pages = {comparable(html(a)).replace("x" * 20, "").replace("kaas", "") for a in answers}
    for page in pages:
        assert "We vinden deze code niet" in page
        assert "Fatima" not in page
    # The short link answers the same way.
    for code in ("ZZZZ9999", "kaas"):
        response = client.get(reverse("referrals:status-short", args=[code]))
        assert response.status_code == 404
        assert "We vinden deze code niet" in html(response)


def test_the_wrong_code_answers_are_the_same_page(client, referral):
    first = comparable(html(lookup(client, "ZZZZ-9998")))
    second = comparable(html(lookup(client, "ABCD")))
    strip = re.compile(r'value="[^"]*"')
    assert strip.sub("", first) == strip.sub("", second)


def test_an_empty_code_is_a_plain_input_error(client):
    response = lookup(client, "")
    assert response.status_code == 400
    assert "Vul je code in." in html(response)


def test_guessing_codes_is_rate_limited(client, referral, settings):
    settings.REFERRAL_RATES = {"referrals:status-lookup": "5/h"}
    answers = [lookup(client, f"ZZZZ-{n:04d}").status_code for n in range(5)]
    assert answers == [404] * 5
    blocked = lookup(client, referral.reference)
    assert blocked.status_code == 429
    assert "Te veel aanvragen" in html(blocked)
    assert referral.reference not in html(blocked)


@pytest.mark.parametrize("phone", ["0800-1234", "0900-1234567", "112"])
def test_a_number_that_cannot_be_called_back_is_refused_in_words(client, offer, phone):
    response = send(client, offer, phone=phone)
    assert response.status_code == 400
    assert "Vul een nummer in waarop we kunnen terugbellen" in html(response)
    assert stored_counts() == NOTHING


@pytest.mark.parametrize(
    "phone, stored",
    [("+31 6 1234 5678", "0612345678"), ("0031 20 123 45 67", "0201234567")],
)
def test_the_phone_number_is_stored_as_national_digits(client, offer, phone, stored):
    send(client, offer, phone=phone)
    assert Referral.objects.get().person.phone == stored


@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(phone=st.text(max_size=40))
def test_any_phone_text_gets_a_page_never_a_server_error(client, offer, phone):
    cache.clear()
    response = send(client, offer, phone=phone)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert "telefoonnummer" in html(response) or "nummer" in html(response)
    Referral.objects.all().delete()


def test_after_sending_the_resident_sees_how_to_reach_the_organisation(client, library):
    from ontwikkelplein.catalogue.tests.factories import OfferLocationFactory
    from ontwikkelplein.organisations.tests.factories import (
        LocationFactory,
        OpeningHoursFactory,
    )

    library.phone = "033 - 422 55 00"
    library.save()
    offer = OfferFactory(organisation=library, title="Digisterker", contact_phone="")
    LocationFactory(organisation=library, name="Aa Buurthuis", kind="community_centre")
    eemhuis = LocationFactory(
        organisation=library,
        name="Eemhuis",
        street="Eemplein",
        house_number="77",
        postcode="3812 EA",
        city="Amersfoort",
    )
    OfferLocationFactory(offer=offer, location=eemhuis)
    OpeningHoursFactory(location=eemhuis, weekday=1, opens_at="10:00", closes_at="17:00")

    send(client, offer)
    page = html(client.get(reverse("referrals:help-sent")))

    reach = page.split('id="bereiken-kop"')[1]
    assert "Zo bereik je Bibliotheek Eemland" in page
    assert 'href="tel:0334225500">033 - 422 55 00</a>' in reach
    assert "mailto:info@eemland.example" in reach
    assert "Eemhuis<br><bdi>Eemplein 77</bdi><br><bdi>3812 EA Amersfoort</bdi>" in reach
    assert "<dt>Dinsdag</dt><dd>10:00 – 17:00</dd>" in reach
    assert "Aa Buurthuis" not in reach


def test_without_an_offer_place_the_main_branch_is_shown(client, library):
    from ontwikkelplein.organisations.tests.factories import LocationFactory

    offer = OfferFactory(organisation=library, title="Online hulp")
    LocationFactory(organisation=library, name="Aa Basisschool", kind="school")
    LocationFactory(organisation=library, name="Centrale Bibliotheek")
    send(client, offer)
    reach = html(client.get(reverse("referrals:help-sent"))).split('id="bereiken-kop"')[1]
    assert "Centrale Bibliotheek" in reach and "Aa Basisschool" not in reach


@pytest.mark.parametrize("url_name", ["catalogue:home", "catalogue:search", "referrals:status"])
def test_every_public_page_links_to_the_help_request_status(client, url_name):
    page = html(client.get(reverse(url_name)))
    footer = page.split('class="op-footer"')[1]
    assert 'href="/hulp/status/">Je aanvraag voor hulp bekijken</a>' in footer


def test_the_offer_page_links_to_the_help_request_status(client, offer):
    footer = html(client.get(reverse("catalogue:offer-detail", args=[offer.pk])))
    assert (
        'href="/hulp/status/">Je aanvraag voor hulp bekijken</a>'
        in footer.split('class="op-footer"')[1]
    )
