"""The impact documents as PDFs: the paper questionnaire (every question, a drawn box per
answer, each heading on one page with its questions, staff text printed as text) and the
cards (one per participant with both codes, their links and QR codes)."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ontwikkelplein.core import documents as core_documents
from ontwikkelplein.core.tests.pdf import assert_tagged, flat, read_pdf, squeezed
from ontwikkelplein.impact import documents, services
from ontwikkelplein.impact.forms import answer_choices
from ontwikkelplein.impact.models import Card, ItemKind, Moment, Question, QuestionSet
from ontwikkelplein.impact.tests.factories import RunFactory, measure
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db

STAFF_TEXT = "Ik kan <b>inloggen</b> met DigiD & <script>alert(1)</script>"
# Any text a form accepts: Django's forms refuse NUL, and no database stores it.
FREE_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=200
)


def long_question_set(per_kind: int = 5) -> QuestionSet:
    """Three headings with `per_kind` long questions each; with five, a heading and its
    questions fill about two thirds of a page, so a page can never hold two of them."""
    question_set = QuestionSet.objects.create(
        slug="lang", name="Lange <lijst> & meer", introduction="Lees <i>rustig</i>."
    )
    for kind_index, kind in enumerate(ItemKind):
        for index in range(per_kind):
            Question.objects.create(
                question_set=question_set,
                kind=kind,
                order=kind_index * 10 + index,
                text=f"Vraag {kind_index}-{index}: " + "een lange zin over het onderwerp " * 4,
            )
    return question_set


def test_questionnaire_has_every_question_and_is_tagged():
    question_set = QuestionSet.objects.get(slug="e-overheid")
    for moment in (Moment.BEFORE, Moment.AFTER):
        reader, pages = read_pdf(documents.questionnaire_pdf(question_set, moment))
        text = flat(" ".join(pages))
        assert_tagged(reader, title=f"{question_set.name}: {documents.moment_words(moment)}")
        assert "Code van je kaart" in text and "Zet bij elke vraag een kruisje" in text
        for question in question_set.questions_for(moment):
            assert flat(question.text) in text
            for _value, label in answer_choices(question.kind):
                assert str(label) in text
        assert ("Wat vond je van de cursus?" in text) is (moment == Moment.AFTER)


def test_questionnaire_has_a_drawn_box_per_answer():
    question_set = QuestionSet.objects.get(slug="e-overheid")
    sections = documents.questionnaire_sections(question_set, Moment.AFTER)
    html = core_documents.render_html(
        "impact/documents/questionnaire.html",
        {"question_set": question_set, "heading": "x", "sections": sections},
        title="x",
    )
    options = sum(len(q.options) for s in sections for q in s.questions)
    assert options >= 3 * len(list(question_set.questions_for(Moment.AFTER)))
    assert html.count('<span class="op-paper__box"></span>') == options
    assert re.search(r"\.op-paper__box \{[^}]*width: 8mm; height: 8mm; border: 0\.5mm solid", html)


def test_each_heading_stays_on_one_page_with_its_questions():
    question_set = long_question_set()
    _reader, pages = read_pdf(documents.questionnaire_pdf(question_set, Moment.AFTER))
    assert len(pages) == 3
    for kind_index, kind in enumerate(ItemKind):
        heading = str(documents.KIND_HEADINGS[kind])
        (page,) = [p for p in pages if heading in p]
        for index in range(5):
            assert f"Vraag {kind_index}-{index}:" in page, (heading, index)


def test_a_heading_longer_than_a_page_starts_with_a_question_and_no_question_is_split():
    question_set = long_question_set(per_kind=12)
    _reader, pages = read_pdf(documents.questionnaire_pdf(question_set, Moment.AFTER))
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip() and line != "Dank je wel!"]
        # The page number is last; before it the last answer of a whole question.
        assert lines[-1].count("/") == 1
        assert lines[-2].endswith(("Nog niet", "Nee")), lines[-4:]
        for heading in documents.KIND_HEADINGS.values():
            if str(heading) in lines:
                assert lines[lines.index(str(heading)) + 1].split(".")[0].isdigit()
    # No page is left nearly empty: 36 long questions fit on six pages.
    assert len(pages) <= 6


def test_staff_text_is_printed_as_text():
    question_set = long_question_set()
    Question.objects.create(question_set=question_set, kind=ItemKind.SKILL, text=STAFF_TEXT)
    _reader, pages = read_pdf(documents.questionnaire_pdf(question_set, Moment.BEFORE))
    text = flat(" ".join(pages))
    for expected in (STAFF_TEXT, "Lange <lijst> & meer", "Lees <i>rustig</i>."):
        assert expected in text


@hypothesis_settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=FREE_TEXT.filter(str.strip), introduction=FREE_TEXT, question=FREE_TEXT)
def test_any_text_staff_typed_makes_a_questionnaire(name, introduction, question):
    question_set, _created = QuestionSet.objects.update_or_create(
        slug="vrij", defaults={"name": name[:100], "introduction": introduction}
    )
    question_set.questions.all().delete()
    Question.objects.create(question_set=question_set, kind=ItemKind.ATTITUDE, text=question)
    sections = documents.questionnaire_sections(question_set, Moment.BEFORE)
    html = core_documents.render_html(
        "impact/documents/questionnaire.html",
        {"question_set": question_set, "heading": name, "sections": sections},
        title=name,
    )
    assert escape(core_documents.NOT_TEXT.sub("", question)) in html
    reader, _pages = read_pdf(documents.questionnaire_pdf(question_set, Moment.BEFORE))
    assert_tagged(reader)


def test_questionnaire_pdf_view_is_a_download_with_a_dutch_name(client):
    client.force_login(staff_user())
    response = client.get(reverse("impact:staff-pdf", args=["e-overheid", "na"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="vragenlijst-e-overheid-na.pdf"'
    )


# --- The cards ------------------------------------------------------------------------------


def test_cards_as_pdf_one_card_per_participant_with_codes_links_and_qr_codes(client):
    run = RunFactory()
    measure(run)
    client.force_login(staff_user(run.organisation))
    response = client.post(
        reverse("impact:staff-run-cards", args=[run.pk]), {"count": 7, "formaat": "pdf"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="kaarten-')
    reader, pages = read_pdf(response.content)
    assert_tagged(reader)
    assert len(pages) == 2  # six cards on a sheet
    text = " ".join(pages)
    codes = re.findall(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b", text)
    assert len(codes) == len(set(codes)) == 14 and Card.objects.filter(run=run).count() == 7
    moments = [services.lookup_code(code).moment for code in codes]
    assert moments.count(Moment.BEFORE) == moments.count(Moment.AFTER) == 7
    for code in codes:
        link = f"http://testserver{reverse('impact:fill', args=[code.replace('-', '')])}"
        assert link in squeezed(text)
    assert "Knip langs de stippellijnen." in text


def test_cards_html_has_a_qr_code_for_each_link(client):
    run = RunFactory()
    measure(run)
    client.force_login(staff_user(run.organisation))
    page = client.post(reverse("impact:staff-run-cards", args=[run.pk]), {"count": 2})
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert page.content.decode().count('<svg class="op-impact-qr" role="img"') == 4


def test_another_organisations_run_has_no_cards(client):
    run = RunFactory()
    measure(run)
    client.force_login(staff_user(OrganisationFactory(), Role.SPECIALIST))
    response = client.post(
        reverse("impact:staff-run-cards", args=[run.pk]), {"count": 2, "formaat": "pdf"}
    )
    assert response.status_code == 404
    assert not Card.objects.filter(run=run).exists()
