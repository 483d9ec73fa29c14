"""The needs vocabulary (behoeftewoordenlijst) in the staff back office, over HTTP: for
KB-beheerders only; list with search, add, edit, switch off and delete after a confirmation;
bad input gets Dutch messages and changes nothing."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import NeedPhrase
from ontwikkelplein.catalogue.tests.factories import offer_type, theme
from ontwikkelplein.catalogue.tests.staff_world import build_world

LIST = reverse("catalogue:staff-need-phrase-list")
CREATE = reverse("catalogue:staff-need-phrase-create")


@pytest.fixture
def world(db):
    return build_world()


def edit_url(phrase):
    return reverse("catalogue:staff-need-phrase-edit", args=[phrase.pk])


def delete_url(phrase):
    return reverse("catalogue:staff-need-phrase-delete", args=[phrase.pk])


def data(**overrides):
    values = {
        "phrase": "Ik wil leren fietsen",
        "language": "nl",
        "words": "fietsles, fietsen",
        "themes": [str(theme("persoonlijke-ontwikkeling").pk)],
        "offer_types": [str(offer_type("cursus").pk)],
        "is_active": "on",
    }
    values.update(overrides)
    return values


@pytest.fixture
def phrase(world):
    return NeedPhrase.objects.get(language="nl", key="geldzorgen")


def test_anonymous_goes_to_login(client, world, phrase):
    for url in (LIST, CREATE, edit_url(phrase), delete_url(phrase)):
        response = client.get(url)
        assert response.status_code == 302 and "inloggen" in response["Location"]


@pytest.mark.parametrize("who", ["specialist_a", "team_leader_b", "poi_utrecht", "front_desk_b"])
def test_other_staff_get_403_and_change_nothing(client, world, phrase, who):
    client.force_login(getattr(world, who))
    assert client.get(LIST).status_code == 403
    assert client.post(CREATE, data()).status_code == 403
    assert client.post(delete_url(phrase)).status_code == 403
    assert NeedPhrase.objects.filter(pk=phrase.pk).exists()
    assert not NeedPhrase.objects.filter(key="ik wil leren fietsen").exists()


def test_the_menu_shows_the_vocabulary_to_the_kb_only(client, world):
    client.force_login(world.kb_admin)
    assert LIST in client.get(reverse("catalogue:staff-offer-list")).content.decode()
    client.force_login(world.specialist_a)
    assert LIST not in client.get(reverse("catalogue:staff-offer-list")).content.decode()


def test_the_list_searches_phrases_and_words_and_filters_by_language(client, world):
    client.force_login(world.kb_admin)
    page = client.get(LIST).content.decode()
    assert "Behoeftewoordenlijst" in page and "ik snap de brief niet" in page
    page = client.get(LIST, {"q": "schulden", "taal": "en"}).content.decode()
    table = page.split("<table")[1].split("</table")[0]
    assert "debts" in table and "ik heb schulden" not in table and "tax return" not in table
    # Nonsense in the filters is ignored, never an error page.
    assert client.get(LIST, {"taal": "xx", "pagina": "-3", "q": "x" * 500}).status_code == 200


def test_add_a_phrase_and_the_search_uses_it(client, world):
    client.force_login(world.kb_admin)
    response = client.post(CREATE, data())
    assert response.status_code == 302
    saved = NeedPhrase.objects.get(language="nl", key="ik wil leren fietsen")
    assert saved.words == "fietsles, fietsen"
    assert {t.code for t in saved.offer_types.all()} == {"cursus"}
    plan = search.plan("leren fietsen")
    assert plan.themes == ("persoonlijke-ontwikkeling",) and plan.offer_types == ("cursus",)


def test_edit_and_switch_off(client, world, phrase):
    client.force_login(world.kb_admin)
    assert client.get(edit_url(phrase)).status_code == 200
    response = client.post(
        edit_url(phrase), data(phrase="geldzorgen", words="geldzorgen, schulden", is_active="")
    )
    assert response.status_code == 302
    phrase.refresh_from_db()
    assert not phrase.is_active and phrase.words == "geldzorgen, schulden"
    assert search.plan("geldzorgen").themes == ()


def test_delete_asks_first(client, world, phrase):
    client.force_login(world.kb_admin)
    page = client.get(delete_url(phrase))
    assert page.status_code == 200 and "Weet je zeker" in page.content.decode()
    assert NeedPhrase.objects.filter(pk=phrase.pk).exists()
    assert client.post(delete_url(phrase)).status_code == 302
    assert not NeedPhrase.objects.filter(pk=phrase.pk).exists()


def test_a_missing_phrase_answers_404(client, world):
    client.force_login(world.kb_admin)
    assert client.get(reverse("catalogue:staff-need-phrase-edit", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"phrase": ""}, "phrase", "Vul dit in."),
        ({"phrase": "?! a"}, "phrase", "Schrijf minstens één woord"),
        ({"phrase": "GELDZORGEN!"}, "phrase", "Deze zin staat al in de lijst"),
        ({"words": "", "themes": [], "offer_types": []}, "words", "Vul woorden in het aanbod in"),
        ({"words": "de, het"}, "words", "alleen kleine woorden"),
        ({"words": "x" * 1001}, "words", "hoogstens"),
        ({"language": "xx"}, "language", "geldige keuze"),
        ({"themes": ["not-a-uuid"]}, "themes", ""),
    ],
)
def test_bad_input_gets_a_dutch_message_and_stores_nothing(
    client, world, overrides, field, message
):
    client.force_login(world.kb_admin)
    before = NeedPhrase.objects.count()
    response = client.post(CREATE, data(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "Controleer wat je hebt ingevuld" in response.content.decode()
    assert NeedPhrase.objects.count() == before


@hypothesis_settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(phrase=st.text(max_size=250), words=st.text(max_size=300))
def test_any_text_gets_a_page_never_a_server_error(client, world, phrase, words):
    client.force_login(world.kb_admin)
    response = client.post(CREATE, data(phrase=phrase, words=words))
    assert response.status_code in (200, 302)
    NeedPhrase.objects.filter(key="").delete()
