"""The resident's sign-up from the offer page: the runs on the offer page and search card, the form
(B1, consent, phone or e-mail), spam protection, the confirmation and the resident's own link."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.courses import spam
from ontwikkelplein.courses.models import Enrolment, EnrolmentStatus, RunKind, RunStatus
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
from ontwikkelplein.courses.tests.public_helpers import (  # noqa: F401 - autouse fixture
    _fresh_rate_limits,
    link_url,
    post_sign_up,
    sign_up_data,
    sign_up_url,
    stored_counts,
    token_in,
)
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.organisations.tests.factories import LocationFactory

pytestmark = pytest.mark.django_db

NOTHING = {"enrolments": 0, "people": 0, "outbox": 0, "notifications": 0}


@pytest.fixture
def run():
    offer = OfferFactory(title="Digisterker", sign_up="registration", indexed=False)
    location = LocationFactory(organisation=offer.organisation, name="Eemhuis")
    return RunFactory(offer=offer, location=location, capacity=3)


def offer_page(client, offer) -> str:
    response = client.get(reverse("catalogue:offer-detail", args=[offer.pk]))
    assert response.status_code == 200
    return response.content.decode()


# --- The offer page ---------------------------------------------------------------------------


def test_the_offer_page_lists_open_runs_with_places_left_and_a_sign_up_button(client, run):
    enrol_person(run)
    page = offer_page(client, run.offer)
    assert "Aanmelden" in page
    assert "Eemhuis" in page
    assert "Nog 2 plekken" in page
    assert sign_up_url(run) in page
    first = run.sessions.order_by("date").first().date
    assert f"Start: {first.day} " in page


def test_a_full_run_says_so_and_still_offers_the_waiting_list(client, run):
    for _i in range(3):
        enrol_person(run)
    page = offer_page(client, run.offer)
    assert "Vol: je komt op de wachtlijst" in page
    assert sign_up_url(run) in page


def test_draft_cancelled_and_past_runs_are_not_shown(client):
    draft = RunFactory(status=RunStatus.DRAFT)
    cancelled = RunFactory(offer=draft.offer, status=RunStatus.CANCELLED)
    past = RunFactory(offer=draft.offer, sessions=0)
    page = offer_page(client, draft.offer)
    for hidden in (draft, cancelled, past):
        assert str(hidden.pk) not in page
    assert "aanmelden/" not in page
    assert "Start:" not in page


def test_a_walk_in_run_is_shown_without_a_sign_up_button(client):
    run = RunFactory(walk_in=True, capacity=None, kind=RunKind.RECURRING)
    page = offer_page(client, run.offer)
    assert "Kom gewoon langs" in page
    assert sign_up_url(run) not in page


def test_the_search_card_shows_the_next_start(client, run):
    from ontwikkelplein.catalogue.search import index_offer

    index_offer(run.offer.pk)
    response = client.get(reverse("catalogue:search"), {"q": "Digisterker"})
    page = response.content.decode()
    assert "Digisterker" in page
    assert "Volgende start:" in page


# --- The form ---------------------------------------------------------------------------------


def test_the_form_shows_the_run_and_the_consent_text(client, run):
    response = client.get(sign_up_url(run))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Aanmelden voor Digisterker" in page
    assert "Nog 3 plekken" in page
    assert f"{run.organisation.name} mag mijn naam" in page
    assert "dagen na de laatste bijeenkomst worden mijn gegevens" in page
    assert f'name="{spam.HONEYPOT_FIELD}"' in page
    assert f'name="{spam.STARTED_FIELD}"' in page


def test_a_course_open_for_sign_up_offers_aanmelden_first(client, run):
    page = offer_page(client, run.offer)
    header = page.split('id="aanbod-titel"')[1].split("</header>")[0]
    # The first (primary) button signs up for the one open run; "Ik wil hulp" comes second.
    help_url = reverse("referrals:help", args=[run.offer.pk])
    assert header.index(sign_up_url(run)) < header.index(help_url)
    assert f'primary-action" href="{sign_up_url(run)}">Aanmelden</a>' in header
    # The runs come before the description.
    assert page.index('id="aanmelden-kop"') < page.index('id="wat-kop"')


def test_with_several_open_runs_the_first_button_goes_to_the_runs(client, run):
    RunFactory(offer=run.offer, location=run.location)
    header = offer_page(client, run.offer).split('id="aanbod-titel"')[1].split("</header>")[0]
    assert 'href="#aanmelden-kop">Aanmelden</a>' in header


def test_an_offer_without_runs_keeps_ik_wil_hulp_as_the_first_button(client):
    offer = OfferFactory(sign_up="registration", indexed=False)
    header = offer_page(client, offer).split('id="aanbod-titel"')[1].split("</header>")[0]
    assert f'primary-action" href="{reverse("referrals:help", args=[offer.pk])}"' in header
    assert ">Aanmelden<" not in header


def test_a_full_run_points_at_a_later_run_of_the_same_offer_with_room(client, run):
    for _i in range(3):
        enrol_person(run)
    later = RunFactory(
        offer=run.offer,
        location=LocationFactory(organisation=run.organisation, name="Vathorst"),
        sessions__start=timezone.localdate() + datetime.timedelta(days=40),
    )
    page = offer_page(client, run.offer)
    assert "Liever meteen een plek?" in page
    assert f'href="{sign_up_url(later)}">Vathorst, vanaf' in page
    assert ">Op de wachtlijst</a>" in page


def test_a_full_run_points_at_the_nearest_similar_course_elsewhere(client, run):
    for _i in range(3):
        enrol_person(run)
    theme = run.offer.themes.first()

    def similar(title, city, lat, lon):
        offer = OfferFactory(
            title=title, offer_type=run.offer.offer_type, themes=[theme], indexed=False
        )
        place = LocationFactory(
            organisation=offer.organisation, city=city, latitude=lat, longitude=lon
        )
        return RunFactory(offer=offer, location=place)

    similar("Digisterker Breda", "Breda", 51.589, 4.776)
    similar("Digisterker Leusden", "Leusden", 52.1326, 5.4306)
    full_elsewhere = similar("Digisterker Vol", "Soest", 52.17, 5.30)
    full_elsewhere.capacity = 0
    full_elsewhere.save()
    OfferFactory(title="Ander onderwerp", indexed=False)

    page = offer_page(client, run.offer)
    assert "Hier is nog plek bij een cursus die erop lijkt" in page
    assert page.index("Digisterker Leusden") < page.index("Digisterker Breda")
    assert "Digisterker Vol" not in page


def test_signing_up_enrols_and_shows_a_printable_confirmation(client, run):
    response = post_sign_up(client, run)
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:signed-up")
    enrolment = Enrolment.objects.get()
    assert enrolment.status == EnrolmentStatus.ENROLLED
    assert enrolment.source == "resident"
    assert enrolment.person.phone == "0612345678"
    assert f"{run.organisation.name} mag mijn naam" in enrolment.person.consent_text
    assert OutboxMessage.objects.filter(to=["fatima@example.org"]).count() == 1

    page = client.get(response["Location"]).content.decode()
    assert "Je bent aangemeld" in page
    assert "Je bent ingeschreven" in page
    assert enrolment.reference in page
    assert "/cursus/" in page
    assert "data-op-print" in page
    # The link on the confirmation opens the enrolment.
    token = page.split("/cursus/")[1].split("/")[0]
    assert client.get(link_url(token)).status_code == 200


def test_intake_required_says_what_happens_next(client):
    run = RunFactory(intake_required=True)
    post_sign_up(client, run)
    assert Enrolment.objects.get().status == EnrolmentStatus.INTAKE
    page = client.get(reverse("courses:signed-up")).content.decode()
    assert "kort gesprek (intake)" in page


def test_phone_only_is_enough_and_no_mail_is_queued(client, run):
    response = post_sign_up(client, run, email="")
    assert response.status_code == 302
    assert Enrolment.objects.get().person.email == ""
    assert OutboxMessage.objects.count() == 0
    page = client.get(reverse("courses:signed-up")).content.decode()
    assert "Je krijgt een e-mail" not in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Vul je naam in."),
        ({"phone": "", "email": ""}, "Vul je telefoonnummer of je e-mailadres in."),
        ({"consent": ""}, "Zet een vinkje als je het goed vindt"),
        ({"email": "fatima.example.org"}, "Dit e-mailadres klopt niet."),
        ({"phone": "12345"}, "Vul een Nederlands telefoonnummer in"),
        ({"phone": "0800-1234"}, "Vul een nummer in waarop we kunnen terugbellen"),
        ({"phone": "0900-1234567"}, "Vul een nummer in waarop we kunnen terugbellen"),
        ({"name": "12345"}, "Vul een naam in met letters."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(client, run, changes, message):
    response = post_sign_up(client, run, **changes)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    # Summarised at the top, linked to the field.
    assert 'id="foutmeldingen"' in page
    assert "Fout:" in page.split("</title>")[0]
    assert stored_counts() == NOTHING


def test_the_phone_number_is_stored_as_national_digits(client, run):
    assert post_sign_up(client, run, phone="+31 6 1234 5678").status_code == 302
    assert Enrolment.objects.get().person.phone == "0612345678"


def test_a_double_sign_up_is_refused_and_changes_nothing(client, run):
    assert post_sign_up(client, run).status_code == 302
    before = stored_counts()
    response = post_sign_up(client, run, phone="", email="FATIMA@example.org")
    assert response.status_code == 400
    assert "al aangemeld voor deze cursus" in response.content.decode()
    assert stored_counts() == before


def test_a_full_course_puts_you_on_the_waiting_list(client, run):
    for _i in range(3):
        enrol_person(run)
    response = post_sign_up(client, run)
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(person__name="Fatima El Amrani")
    assert enrolment.status == EnrolmentStatus.WAITING
    page = client.get(reverse("courses:signed-up")).content.decode()
    assert "Je staat op de wachtlijst" in page
    assert "Je bent nummer 1 op de wachtlijst" in page
    assert "Je bent aangemeld" not in page
    assert "Waarvoor ben je aangemeld" not in page


def test_the_printing_hint_is_for_keyboards_only(client, run):
    post_sign_up(client, run)
    page = client.get(reverse("courses:signed-up")).content.decode()
    assert 'op-keyboard-only">Wil je dit op papier?' in page
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/ontwikkelplein/site.css").read_text()
    assert "@media (pointer: coarse), (max-width: 40em) { .op-keyboard-only { display: none" in css


@pytest.mark.parametrize(
    "state",
    [
        {"status": RunStatus.DRAFT},
        {"status": RunStatus.CANCELLED},
        {"walk_in": True, "capacity": None},
        {"sign_up_closes": "yesterday"},
        {"sign_up_opens": "next month"},
    ],
)
def test_a_run_closed_for_sign_up_gets_a_clear_page_and_nothing_is_stored(client, state):
    today = timezone.localdate()
    dates = {
        "yesterday": today - datetime.timedelta(days=1),
        "next month": today + datetime.timedelta(days=30),
    }
    run = RunFactory(**{k: dates.get(v, v) if isinstance(v, str) else v for k, v in state.items()})
    assert client.get(sign_up_url(run)).status_code == 404
    response = post_sign_up(client, run)
    assert response.status_code == 404
    assert "Aanmelden kan niet (meer)" in response.content.decode()
    assert stored_counts() == NOTHING


def test_a_run_of_another_offer_or_an_unpublished_offer_is_not_found(client, run):
    other = RunFactory()
    url = reverse("courses:sign-up", args=[other.offer_id, run.pk])
    assert client.get(url).status_code == 404
    run.offer.status = OfferStatus.DRAFT
    run.offer.save()
    assert client.get(sign_up_url(run)).status_code == 404


def test_the_confirmation_needs_a_recent_sign_up(client):
    response = client.get(reverse("courses:signed-up"))
    assert response.status_code == 302


# --- Spam protection --------------------------------------------------------------------------


def test_a_filled_honeypot_stores_nothing(client, run):
    response = post_sign_up(client, run, **{spam.HONEYPOT_FIELD: "http://buy.example"})
    assert response.status_code == 400
    assert "Je aanmelding is niet verstuurd" in response.content.decode()
    assert stored_counts() == NOTHING


def test_a_form_sent_too_fast_is_shown_again_and_stores_nothing(client, run):
    response = post_sign_up(client, run, **{spam.STARTED_FIELD: spam.guard.started_token()})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dat ging heel snel" in page
    assert "Fatima El Amrani" in page
    assert stored_counts() == NOTHING


def test_a_post_without_a_valid_timestamp_stores_nothing(client, run):
    data = sign_up_data()
    data[spam.STARTED_FIELD] = "1800000000"
    response = client.post(sign_up_url(run), data)
    assert response.status_code == 400
    assert stored_counts() == NOTHING


def test_the_rate_limit_stops_a_flood_from_one_address(client, run, settings):
    settings.COURSE_RATES = {spam.SIGN_UP: "3/h"}
    for n in range(3):
        response = post_sign_up(client, run, email=f"p{n}@example.org", phone="")
        assert response.status_code == 302
    response = post_sign_up(client, run, email="p9@example.org", phone="")
    assert response.status_code == 429
    assert "Te veel aanvragen" in response.content.decode()
    assert Enrolment.objects.count() == 3
    # Another address is not affected.
    assert (
        post_sign_up(client, run, ip="192.0.2.99", email="q@example.org", phone="").status_code
        == 302
    )


def test_spam_units(settings):
    settings.COURSE_FORM_MIN_SECONDS = 3
    now = 1_800_000_000.0
    assert spam.guard.filled_too_fast(spam.guard.started_token(now - 1), now=now)
    assert not spam.guard.filled_too_fast(spam.guard.started_token(now - 4), now=now)
    assert spam.guard.filled_too_fast("forged")
    assert spam.honeypot_filled({spam.HONEYPOT_FIELD: "x"})
    assert not spam.honeypot_filled({spam.HONEYPOT_FIELD: " "})


# --- The resident's link ----------------------------------------------------------------------


def test_the_link_shows_the_status_without_personal_details(client, run):
    enrolment, token = enrol_person(run, name="Piet Paulusma", email="piet@example.org")
    response = client.get(link_url(token))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Je bent ingeschreven" in page
    assert enrolment.reference in page
    assert "Piet" not in page
    assert "piet@example.org" not in page
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize("token", ["onbekend", "x" * 32])
def test_an_unknown_token_gets_one_neutral_page(client, token):
    response = client.get(link_url(token))
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()


def test_cancelling_asks_first_then_cancels(client, run):
    enrolment, token = enrol_person(run)
    page = client.get(link_url(token) + "?afmelden=1").content.decode()
    assert "Weet je zeker dat je je wilt afmelden?" in page
    # Only showing the question changes nothing.
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED
    response = client.post(link_url(token), {"actie": "afmelden"})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CANCELLED
    page = client.get(response["Location"]).content.decode()
    assert "Je bent afgemeld" in page


def test_a_link_used_after_cancelling_changes_nothing(client, run):
    enrolment, token = enrol_person(run)
    client.post(link_url(token), {"actie": "afmelden"})
    page = client.get(link_url(token)).content.decode()
    assert "Je bent afgemeld voor deze cursus" in page
    assert 'value="afmelden"' not in page
    assert 'value="accepteren"' not in page
    for action in ("afmelden", "accepteren", "weigeren"):
        response = client.post(link_url(token), {"actie": action})
        assert response.status_code == 400
        assert "Dit kan nu niet meer" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CANCELLED


def test_an_unknown_action_changes_nothing(client, run):
    enrolment, token = enrol_person(run)
    response = client.post(link_url(token), {"actie": "wissen"})
    assert response.status_code == 400
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED


def test_the_link_is_rate_limited(client, run, settings):
    settings.COURSE_RATES = {spam.RESIDENT_LINK: "2/h"}
    _enrolment, token = enrol_person(run)
    assert client.get(link_url(token)).status_code == 200
    assert client.get(link_url("geraden")).status_code == 404
    assert client.get(link_url(token)).status_code == 429


def test_the_confirmation_mail_link_works(client, run):
    post_sign_up(client, run)
    message = OutboxMessage.objects.get()
    response = client.get(link_url(token_in(message)))
    assert response.status_code == 200
    assert "Je bent ingeschreven" in response.content.decode()


def test_the_offer_page_shows_the_earliest_start_of_its_runs(client, run):
    from ontwikkelplein.courses import selectors

    soon = timezone.localdate() + datetime.timedelta(days=2)
    earlier = RunFactory(offer=run.offer, name="Najaar", sessions__start=soon)
    page = offer_page(client, run.offer)
    assert selectors.next_start(run.offer) == soon
    assert f"Start: {soon.day} " in page
    # Both runs, the earliest first.
    assert page.index(sign_up_url(earlier)) < page.index(sign_up_url(run))
