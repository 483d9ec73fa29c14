"""The resident's wegwijzer over HTTP: every step, back, the end page, the referral carry-over,
counting once, a version change halfway and tampered addresses."""

from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.urls import reverse

from ontwikkelplein.places.models import Municipality, PostcodeArea
from ontwikkelplein.wayfinder import services
from ontwikkelplein.wayfinder.models import Answer, PathCount, Version, VersionStatus
from ontwikkelplein.wayfinder.tests.factories import offers
from tests import test_translations

pytestmark = pytest.mark.django_db

# The English client of tests/test_translations.py (it compiles the catalogue when needed).
compiled_catalogue = test_translations.compiled_catalogue
english = test_translations.english

START = reverse("wayfinder:start")
FINISH = reverse("wayfinder:finish")
RESULT = reverse("wayfinder:result")


@pytest.fixture
def catalogue():
    return offers()


def get(client, **params):
    return client.get(START + "?" + urlencode(params))


def test_the_first_question_is_shown_with_its_step_count_and_tiles(client):
    response = client.get(START)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vraag 1 van 4" in html
    assert "Waar wil je hulp bij?" in html
    assert 'type="radio" name="nodig" value="lezen"' in html
    assert 'name="versie" value="1"' in html
    assert 'name="stap" value="2"' in html
    assert 'method="get"' in html


def test_each_step_carries_the_answers_so_far_and_goes_back_keeping_them(client):
    html = get(client, versie=1, nodig="lezen", stap=2).content.decode()
    assert "Vraag 2 van 4" in html
    assert "Voor wie is de hulp?" in html
    assert 'type="hidden" name="nodig" value="lezen"' in html
    # The back link goes to step 1 with the answer, which is then ticked.
    assert "stap=1" in html and "nodig=lezen" in html
    back = get(client, versie=1, nodig="lezen", stap=1).content.decode()
    assert "Vraag 1 van 4" in back
    assert 'value="lezen" id="antwoord-lezen" checked' in back

    html = get(client, versie=1, nodig="lezen", voor="ik", stap=3).content.decode()
    assert "Vraag 3 van 4" in html and "Hoe leer je het liefst?" in html
    html = get(client, versie=1, nodig="lezen", voor="ik", hoe="cursus", stap=4).content.decode()
    assert "Vraag 4 van 4" in html and "Waar woon je?" in html
    assert 'method="post"' in html and f'action="{FINISH}"' in html
    assert 'name="hoe" value="cursus"' in html


def test_going_on_without_an_answer_asks_the_question_again(client):
    response = get(client, versie=1, stap=2)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vraag 1 van 4" in html
    assert "Kies een antwoord om verder te gaan." in html


def test_a_step_cannot_be_skipped(client):
    html = get(client, versie=1, nodig="lezen", stap=4).content.decode()
    assert "Vraag 2 van 4" in html


def test_an_unknown_answer_asks_that_question_again_in_dutch(client):
    html = get(client, versie=1, nodig="lezen", voor="<script>", stap=3).content.decode()
    assert "Vraag 2 van 4" in html
    assert "Dit antwoord kennen we niet." in html
    assert "<script>" not in html


def test_an_unknown_version_restarts_on_the_published_one(client):
    for version in ("999", "abc", "-1", "1" * 400, "0"):
        response = get(client, versie=version, nodig="lezen", stap=2)
        html = response.content.decode()
        assert response.status_code == 200
        assert "We beginnen opnieuw bij de eerste vraag." in html
        assert "Vraag 1 van 4" in html


def test_a_draft_is_not_open_to_residents(client):
    draft = services.create_draft()
    html = get(client, versie=draft.number, nodig="lezen", stap=2).content.decode()
    assert "We beginnen opnieuw" in html


def finish(client, **data):
    return client.post(FINISH, {"versie": 1, **data})


def test_the_place_step_counts_once_and_redirects_to_the_result(client, catalogue):
    response = finish(client, nodig="lezen", voor="ik", hoe="cursus", waar="3811")
    assert response.status_code == 303
    url = urlparse(response["Location"])
    assert url.path == RESULT
    assert parse_qs(url.query) == {
        "versie": ["1"],
        "nodig": ["lezen"],
        "voor": ["ik"],
        "hoe": ["cursus"],
        "waar": ["3811"],
    }
    row = PathCount.objects.get()
    assert (row.need, row.theme, row.for_whom, row.how) == (
        "lezen",
        "lezen-en-schrijven",
        "ik",
        "cursus",
    )
    assert row.found_nearby is True and row.count == 1
    assert row.municipality_code == "GM0307" and row.town == ""
    assert row.channel == "resident" and row.version_number == 1
    # Reloading the result page does not count again.
    for _ in range(2):
        page = client.get(response["Location"])
        assert page.status_code == 200
    assert PathCount.objects.get().count == 1
    # A second resident with the same answers adds to the same row.
    finish(client, nodig="lezen", voor="ik", hoe="cursus", waar="3811")
    assert PathCount.objects.get().count == 2


def test_the_result_shows_fitting_offers_with_distance_and_ik_wil_hulp(client, catalogue):
    response = client.get(
        RESULT
        + "?"
        + urlencode({"versie": 1, "nodig": "lezen", "voor": "ik", "hoe": "cursus", "waar": "3811"})
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cursus Beter lezen en schrijven" in html
    assert "Voorleesuurtje" not in html and "Spreekuur DigiD" not in html
    assert "km" in html
    help_url = reverse("referrals:help", args=[catalogue["course"].pk])
    assert help_url + "?vraag=" in html
    assert reverse("catalogue:offer-detail", args=[catalogue["course"].pk]) in html


def test_a_six_position_postcode_travels_as_four_digits(client, catalogue):
    response = finish(client, nodig="lezen", voor="ik", hoe="samen", waar="3811 ab")
    assert "waar=3811&" in response["Location"] + "&"
    assert "AB" not in response["Location"].upper().replace("WAAR", "")


def test_the_referral_form_is_prefilled_with_the_answers(client, catalogue):
    response = client.get(
        RESULT
        + "?"
        + urlencode(
            {"versie": 1, "nodig": "lezen", "voor": "ik", "hoe": "samen", "waar": "Amersfoort"}
        )
    )
    html = response.content.decode()
    start = html.index(reverse("referrals:help", args=[catalogue["buddy"].pk]))
    href = html[start : html.index('"', start)].replace("&amp;", "&")
    form = client.get(href).content.decode()
    assert "Lezen en schrijven" in form
    assert "Iemand die naast me zit en helpt" in form
    assert "Amersfoort" in form


def test_nothing_near_says_so_kindly_and_still_offers_help(client, catalogue):
    response = finish(client, nodig="lezen", voor="ik", hoe="cursus", waar="9711")
    assert PathCount.objects.get().found_nearby is False
    row = PathCount.objects.get()
    groningen = Municipality.objects.filter(name="Groningen").first()
    assert (row.municipality_code, row.town) == (
        (groningen.code, "") if groningen else ("", "Groningen")
    )
    html = client.get(response["Location"]).content.decode()
    assert "We vonden geen passende hulp dichtbij" in html
    assert "Ik wil hulp" in html
    assert reverse("catalogue:search") + "?thema=lezen-en-schrijven" in html


def test_an_unknown_place_is_asked_again_and_nothing_is_counted(client, catalogue):
    response = finish(client, nodig="lezen", voor="ik", hoe="cursus", waar="Amersfort")
    html = response.content.decode()
    assert response.status_code == 400
    assert "We kennen de plaats of postcode" in html
    assert "Amersfort" in html and 'aria-invalid="true"' in html
    assert "Bedoel je Amersfoort?" in html  # places.geo.suggest_place
    assert PathCount.objects.count() == 0
    empty = finish(client, nodig="lezen", voor="ik", hoe="cursus", waar="")
    assert empty.status_code == 400
    assert "Vul je postcode of woonplaats in." in empty.content.decode()


def test_an_incomplete_path_goes_back_to_the_open_question(client, catalogue):
    response = finish(client, nodig="lezen", waar="3811")
    assert response.status_code == 302
    assert "stap=4" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert "Vraag 2 van 4" in html and "Kies een antwoord om verder te gaan." in html
    assert PathCount.objects.count() == 0
    result = client.get(RESULT + "?versie=1&nodig=lezen&waar=3811")
    assert result.status_code == 302


def test_a_new_version_published_halfway_does_not_break_the_resident(client, catalogue):
    draft = services.create_draft()
    need = draft.questions.get(kind="need")
    need.text = "Waarmee kunnen we je helpen?"
    need.save()
    services.publish(draft)
    assert Version.objects.get(number=1).status == VersionStatus.RETIRED
    # The resident who started on version 1 goes on with version 1.
    html = get(client, versie=1, nodig="lezen", voor="ik", stap=3).content.decode()
    assert "Vraag 3 van 4" in html and 'name="versie" value="1"' in html
    response = finish(client, nodig="lezen", voor="ik", hoe="cursus", waar="3811")
    assert response.status_code == 303
    assert PathCount.objects.get().version_number == 1
    # A new resident starts on the new version.
    html = client.get(START).content.decode()
    assert "Waarmee kunnen we je helpen?" in html
    assert f'name="versie" value="{draft.number}"' in html


def test_get_on_finish_goes_to_the_steps_and_counts_nothing(client):
    response = client.get(FINISH + "?versie=1&nodig=lezen")
    assert response.status_code == 302
    assert PathCount.objects.count() == 0


def test_without_a_published_version_the_page_says_so(client):
    Version.objects.all().delete()
    response = client.get(START)
    assert response.status_code == 503
    assert "De wegwijzer is er even niet" in response.content.decode()


def test_english(client):
    client.cookies["django_language"] = "en"
    html = client.get(START).content.decode()
    assert "What do you need help with?" in html
    assert "Reading and writing" in html


def test_a_place_outside_any_known_municipality_is_counted_by_its_town(client, catalogue):
    PostcodeArea.objects.update_or_create(
        pc4="9999", defaults={"town": "Nergenshuizen", "latitude": 53.4, "longitude": 6.9}
    )
    finish(client, nodig="geld", voor="iemand", hoe="thuis", waar="9999")
    row = PathCount.objects.get()
    assert (row.municipality_code, row.town, row.found_nearby) == ("", "Nergenshuizen", False)


def test_the_referral_prefill_is_cleaned_and_cut(client, catalogue):
    url = reverse("referrals:help", args=[catalogue["course"].pk])
    response = client.get(
        url + "?" + urlencode({"vraag": "Lezen\x00 en\x07 schrijven" + "x" * 2000})
    )
    html = response.content.decode()
    assert response.status_code == 200
    field = html[html.index('id="id_question">') :]
    field = field[: field.index("</textarea>")]
    assert field.endswith("Lezen en schrijven" + "x" * 982)  # cleaned, at most 1000 characters


def prefilled_question(client, help_url_of):
    """The ?vraag= of the result's "Ik wil hulp" link, as the referral form shows it."""
    html = client.get(
        RESULT
        + "?"
        + urlencode({"versie": 1, "nodig": "lezen", "voor": "ik", "hoe": "samen", "waar": "3811"})
    ).content.decode()
    start = html.index(help_url_of + "?vraag=")
    href = html[start : html.index('"', start)].replace("&amp;", "&")
    return parse_qs(urlparse(href).query)["vraag"][0], client.get(href).content.decode()


def test_the_prefilled_question_is_dutch_for_a_dutch_resident(client, catalogue):
    url = reverse("referrals:help", args=[catalogue["buddy"].pk])
    question, form = prefilled_question(client, url)
    assert question == (
        "Waar wil je hulp bij? Lezen en schrijven. Voor wie is de hulp? Voor mezelf. "
        "Hoe leer je het liefst? Iemand die naast me zit en helpt. Waar woon je? 3811"
    )
    assert "Lezen en schrijven." in form


def test_the_prefilled_question_follows_the_residents_english(english, catalogue):
    url = reverse("referrals:help", args=[catalogue["buddy"].pk])
    question, form = prefilled_question(english, url)
    assert question.startswith("What do you need help with? Reading and writing. ")
    assert "Lezen" not in question and "Waar woon je" not in question
    assert question.endswith(" 3811")
    assert "Reading and writing." in form


def test_an_answer_without_english_text_falls_back_to_dutch(english, catalogue):
    Answer.objects.filter(question__version__number=1, key="ik").update(label_en="")
    url = reverse("referrals:help", args=[catalogue["buddy"].pk])
    question, _form = prefilled_question(english, url)
    assert "Voor mezelf." in question and question.startswith("What do you need help with?")
