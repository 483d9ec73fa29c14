"""The wegwijzer's questions and answers in every resident language (core/translations.py;
docs/public-site.md, "Talen"): the seeded version is fully translated, the steps in Ukrainian,
Turkish and Arabic show them, a missing translation falls back to Dutch, the KB edits them in the
back office and a new draft keeps them."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import translation

from ontwikkelplein.core.translations import TRANSLATED_LANGUAGES, missing
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from ontwikkelplein.wayfinder import reference_data, selectors, services
from ontwikkelplein.wayfinder.models import (
    ANSWER_RESIDENT_FIELDS,
    QUESTION_RESIDENT_FIELDS,
    Answer,
    Question,
)
from tests import test_translations

pytestmark = pytest.mark.django_db
compiled_catalogue = test_translations.compiled_catalogue

START = reverse("wayfinder:start")


def gaps():
    found = {}
    for question in Question.objects.all():
        found[question.text] = missing(question, QUESTION_RESIDENT_FIELDS)
    for answer in Answer.objects.all():
        found[answer.label] = missing(answer, ANSWER_RESIDENT_FIELDS)
    return {text: columns for text, columns in found.items() if columns}


def test_the_seeded_wegwijzer_is_translated_into_every_resident_language():
    assert Question.objects.count() == 4 and Answer.objects.count() == 15
    assert gaps() == {}


def test_the_shipped_translations_cover_every_resident_text_of_the_seed():
    dutch = set()
    for _kind, _order, text, _referrer, help_text, _icon, answers in reference_data.QUESTIONS:
        dutch.update(t[0] for t in (text, help_text) if t[0])
        dutch.update(label[0] for _key, label, *_rest in answers)
    assert dutch == set(reference_data.TRANSLATIONS)
    for text, translations in reference_data.TRANSLATIONS.items():
        assert len(translations) == len(reference_data.TRANSLATION_LANGUAGES)
        assert all(t and t.strip() == t and t != text for t in translations), text


def test_a_missing_translation_is_found_and_falls_back_to_dutch():
    answer = Answer.objects.get(key="werk")
    answer.label_pl = ""
    answer.save()
    assert gaps() == {"Werk zoeken": ["label_pl"]}
    with translation.override("pl"):
        assert answer.display_label == "Werk zoeken"
    with translation.override("nl"):  # the back office names the language that is missing
        assert [str(name) for name in answer.untranslated_languages] == ["Pools"]
    with translation.override("tr"):
        assert answer.display_label == "İş aramak"


@pytest.mark.parametrize(
    ("code", "question", "answer"),
    [
        ("uk", "З чим вам потрібна допомога?", "Комп’ютер або мій телефон"),
        ("tr", "Ne konuda yardım istiyorsunuz?", "Bilgisayar veya telefonum"),
        ("ar", "في أي شيء تحتاج إلى مساعدة؟", "الكمبيوتر أو هاتفي"),
        ("pl", "W czym potrzebujesz pomocy?", "Komputer albo mój telefon"),
    ],
)
def test_the_steps_show_the_questions_and_answers_in_the_language(
    client, compiled_catalogue, code, question, answer
):
    html = client.get(START + f"?taal={code}").content.decode()
    assert question in html and answer in html
    assert "Waar wil je hulp bij?" not in html and "De computer of mijn telefoon" not in html
    place = client.get(
        START
        + "?"
        + urlencode({"versie": 1, "nodig": "lezen", "voor": "ik", "hoe": "cursus"})
        + "&stap=4"
    ).content.decode()
    expected = dict(
        zip(
            reference_data.TRANSLATION_LANGUAGES,
            reference_data.TRANSLATIONS[
                "Vul je postcode of je woonplaats in. Dan zoeken we hulp dichtbij."
            ],
            strict=True,
        )
    )
    assert expected[code] in place  # the language chosen by ?taal= stays on


def test_the_answers_carried_to_ik_wil_hulp_are_in_the_language(compiled_catalogue):
    flow = selectors.flow_for(selectors.published_version())
    answers = selectors.read_answers(flow, {"nodig": "lezen", "voor": "kind", "waar": "Zwolle"})
    with translation.override("tr"):
        text = selectors.summary(flow, answers)
    assert "Ne konuda yardım istiyorsunuz? Okuma ve yazma." in text
    assert "Yardım kimin için? Çocuğum için." in text
    assert "Nerede oturuyorsunuz? Zwolle" in text
    with translation.override("nl"):
        assert "Waar wil je hulp bij? Lezen en schrijven." in selectors.summary(flow, answers)


@pytest.fixture
def kb(client):
    user = staff_user(OrganisationFactory(kind=OrganisationKind.KB, name="KB"), Role.KB_ADMIN)
    client.force_login(user)
    return user


def test_the_kb_edits_the_translations_and_a_new_draft_keeps_them(client, kb):
    draft = services.create_draft()
    need = draft.questions.get(kind="need")
    assert (need.text_ar, need.help_text_pl) == (
        "في أي شيء تحتاج إلى مساعدة؟",
        "Wybierz to, co najbardziej pasuje. Później zawsze możesz zapytać o więcej.",
    )
    url = reverse("wayfinder:question-edit", args=[need.pk])
    html = client.get(url).content.decode()
    assert 'name="text_ar"' in html and 'lang="ar"' in html and 'dir="auto"' in html
    assert "Vraag (Oekraïens)" in html and "Uitleg (Turks)" in html
    data = {
        "text": "Waarmee kunnen we helpen?",
        "text_en": "What can we help with?",
        "referrer_text": need.referrer_text,
        "referrer_text_en": "",
        "help_text": "",
        "help_text_en": "",
        "icon": "question",
        "order": 1,
        "text_ar": "بماذا يمكننا أن نساعدك؟",
        "text_tr": "Size nasıl yardım edebiliriz?",
        "text_uk": "",
        "text_pl": "W czym możemy pomóc?",
    }
    assert client.post(url, data).status_code == 302
    need.refresh_from_db()
    assert need.text_ar == "بماذا يمكننا أن نساعدك؟" and need.text_uk == ""
    with translation.override("uk"):
        assert need.display_text == "Waarmee kunnen we helpen?"
    # The version page tells the KB which languages still show the Dutch text.
    page = client.get(reverse("wayfinder:version-detail", args=[draft.pk])).content.decode()
    assert "Nog niet vertaald in" in page and "Oekraïens" in page

    answer = need.answers.get(key="geld")
    url = reverse("wayfinder:answer-edit", args=[answer.pk])
    assert 'name="label_tr"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "label": "Geld en rekeningen",
            "label_en": "Money and bills",
            "label_ar": "المال والفواتير",
            "label_tr": "Para ve faturalar",
            "label_uk": "Гроші та рахунки",
            "label_pl": "Pieniądze, rachunki i długi",
            "key": "geld",
            "icon": "wallet",
            "order": 4,
        },
    )
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.label_pl == "Pieniądze, rachunki i długi"

    # Publishing and copying again keeps every translation.
    assert client.post(reverse("wayfinder:version-publish", args=[draft.pk])).status_code == 302
    copy = services.create_draft()
    copied = copy.questions.get(kind="need")
    assert copied.text_tr == "Size nasıl yardım edebiliriz?"
    assert copied.answers.get(key="geld").label_pl == "Pieniądze, rachunki i długi"


def test_an_unknown_translation_field_is_refused():
    draft = services.create_draft()
    need = draft.questions.get(kind="need")
    with pytest.raises(services.WayfinderError):
        services.update_question(need, text_de="Wobei brauchst du Hilfe?")
    with pytest.raises(services.WayfinderError):
        services.save_answer(need, key="x", label="X", icon="", order=30, label_de="X")
    assert set(TRANSLATED_LANGUAGES) >= set(reference_data.TRANSLATION_LANGUAGES)
