import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ontwikkelplein.impact import services
from ontwikkelplein.impact.models import Card, Moment, Response, Story
from ontwikkelplein.impact.tests.factories import RunFactory, make_cards, measure, pairs
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province

pytestmark = pytest.mark.django_db


def fill_url(code):
    return reverse("impact:fill", args=[code])


def post_answers(client, code, value=2):
    lookup = services.lookup_code(code)
    data = {f"q{q.pk}": value for q in lookup.question_set.questions_for(lookup.moment)}
    return client.post(fill_url(code), data)


# --- The participant ------------------------------------------------------------------------


def test_participant_fills_in_once_and_a_second_time_is_refused(client):
    run = RunFactory()
    measure(run)
    (codes,) = make_cards(run, 1)
    page = client.get(fill_url(codes.before))
    assert page.status_code == 200
    assert "Ik kan inloggen met DigiD." in page.content.decode()
    assert "Ik kan dit zelf" in page.content.decode()
    assert "Wat vond je van de cursus?" not in page.content.decode()  # not before the course

    response = post_answers(client, codes.before)
    assert response.status_code == 302
    stored = Response.objects.get()
    assert stored.moment == Moment.BEFORE and not stored.entered_by_staff

    again = post_answers(client, codes.before, value=0)
    assert again.status_code == 409
    assert "al gebruikt" in again.content.decode()
    assert set(stored.answers.values_list("value", flat=True)) == {2}
    assert client.get(fill_url(codes.before)).status_code == 409


def test_missing_answers_give_linked_errors_and_store_nothing(client):
    run = RunFactory()
    measure(run)
    (codes,) = make_cards(run, 1)
    response = client.post(fill_url(codes.before), {})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kies een antwoord." in body and 'id="foutmeldingen"' in body
    assert re.search(r'aria-describedby="id_q\d+_error"', body)
    assert Response.objects.count() == 0


def test_unknown_code_and_code_entry(client):
    assert client.get(fill_url("ABCDEFGHJKMN")).status_code == 404
    response = client.get(reverse("impact:code-entry"), {"code": "abcd-efgh-jkmn"})
    assert response.status_code == 302 and response.url == fill_url("ABCDEFGHJKMN")
    assert client.get(reverse("impact:code-entry")).status_code == 200


def test_staff_entering_a_paper_form_is_marked(client):
    run = RunFactory()
    measure(run)
    (codes,) = make_cards(run, 1)
    client.force_login(staff_user(run.organisation, Role.FRONT_DESK))
    page = client.get(fill_url(codes.after))
    assert "ingevoerd door medewerker" in page.content.decode()
    post_answers(client, codes.after)
    assert Response.objects.get().entered_by_staff is True


# --- Staff pages ----------------------------------------------------------------------------


def test_staff_choose_lists_make_cards_and_add_a_story(client):
    run = RunFactory()
    client.force_login(staff_user(run.organisation))
    url = reverse("impact:staff-run", args=[run.pk])
    assert client.get(url).status_code == 200

    from ontwikkelplein.impact.models import QuestionSet

    e_gov = QuestionSet.objects.get(slug="e-overheid")
    response = client.post(
        reverse("impact:staff-run-measurement", args=[run.pk]),
        {"before_set": e_gov.pk, "after_set": e_gov.pk},
    )
    assert response.status_code == 302

    refused = client.post(reverse("impact:staff-run-cards", args=[run.pk]), {"count": 0})
    assert refused.status_code == 400 and "Kies minstens 1 kaart." in refused.content.decode()
    cards = client.post(reverse("impact:staff-run-cards", args=[run.pk]), {"count": 3})
    assert cards.status_code == 200
    links = re.findall(r"/vragenlijst/([A-Z0-9]{12})/", cards.content.decode())
    assert len(set(links)) == 6
    assert cards.content.decode().count('<svg class="op-impact-qr" role="img"') == 6
    assert Card.objects.filter(run=run).count() == 3

    bad = client.post(
        reverse("impact:staff-run-story", args=[run.pk]),
        {"text": "Meneer Bakker belt nu zelf: 06-12345678", "consent": "on"},
    )
    assert bad.status_code == 400 and "persoonsgegevens" in bad.content.decode()
    assert Story.objects.count() == 0
    good = client.post(
        reverse("impact:staff-run-story", args=[run.pk]),
        {"text": "Ze regelt haar post nu zelf.", "consent": "on"},
    )
    assert good.status_code == 302
    assert "Ze regelt haar post nu zelf." in client.get(url).content.decode()


def test_another_librarys_run_answers_404(client):
    run = RunFactory()
    measure(run)
    services.add_story(run, text="Een mooi verhaal.", consent=True)
    client.force_login(staff_user(OrganisationFactory()))
    for name in ("staff-run", "staff-run-export"):
        assert client.get(reverse(f"impact:{name}", args=[run.pk])).status_code == 404
    for name in ("staff-run-cards", "staff-run-story", "staff-run-measurement"):
        response = client.post(reverse(f"impact:{name}", args=[run.pk]), {"count": 2, "text": "x"})
        assert response.status_code == 404
    assert Card.objects.count() == 0 and Story.objects.count() == 1
    overview = client.get(reverse("impact:staff-overview")).content.decode()
    assert str(run.pk) not in overview and "Een mooi verhaal." not in overview


def _region_setup():
    poi = PoiFactory(provinces=[province("Utrecht")])
    adviser = staff_user(poi, Role.POI_ADVISER)
    inside = RunFactory()  # its location lies in Utrecht (the factory's default)
    elsewhere_org = OrganisationFactory()
    other_municipality = MunicipalityFactory(province=province("Groningen"))
    outside = RunFactory(
        offer__organisation=elsewhere_org,
        location=LocationFactory(organisation=elsewhere_org, municipality=other_municipality),
    )
    return adviser, inside, outside


def test_poi_sees_region_aggregates_only(client):
    adviser, inside, outside = _region_setup()
    for run in (inside, outside):
        measure(run)
    pairs(inside, 5, before_yes=False, after_yes=True)
    pairs(outside, 5, before_yes=True, after_yes=True)
    client.force_login(adviser)
    assert client.get(reverse("impact:staff-run", args=[inside.pk])).status_code == 404
    page = client.get(reverse("impact:staff-overview"), {"weergave": "regio"})
    assert page.status_code == 200
    body = page.content.decode()
    # Only the region's run counts: before 0%, after 100% (the other run would make 50%).
    assert "+100 %-punt" in body
    assert "Uitvoeringen en hun vragenlijsten" not in body
    assert client.get(reverse("impact:staff-overview"), {"weergave": "land"}).status_code == 404


@pytest.mark.parametrize("count,shown", [(4, False), (5, True)])
def test_small_groups_are_hidden_at_every_level(client, count, shown):
    adviser, run, _outside = _region_setup()
    measure(run)
    pairs(run, count)
    kb = staff_user(OrganisationFactory(kind="kb"), Role.KB_ADMIN)
    checks = [
        (staff_user(run.organisation), reverse("impact:staff-run", args=[run.pk]), {}),
        (staff_user(run.organisation), reverse("impact:staff-overview"), {"niveau": "eigen"}),
        (adviser, reverse("impact:staff-overview"), {"niveau": "regio"}),
        (kb, reverse("impact:staff-overview"), {"niveau": "land"}),
    ]
    for user, url, params in checks:
        client.force_login(user)
        body = client.get(url, params).content.decode()
        assert ("100%" in body) is shown, url
        assert ("Minder dan 5 mensen" in body) is not shown, url
        export = client.get(
            reverse("impact:staff-export"),
            {**params, "formaat": "csv"} if params else {"formaat": "csv"},
        )
        # A shown share is a number in the file (100), a hidden one the text "<5".
        assert (";100;" in export.content.decode("utf-8-sig")) is shown
        assert ("<5" in export.content.decode("utf-8-sig")) is not shown


def test_exports_hold_nothing_per_respondent(client):
    run = RunFactory()
    measure(run)
    codes = pairs(run, 6)
    client.force_login(staff_user(run.organisation))
    csv_text = client.get(
        reverse("impact:staff-run-export", args=[run.pk]), {"formaat": "csv"}
    ).content.decode("utf-8-sig")
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("impact:staff-export"), {"formaat": "xlsx"}).content)
    )
    xlsx_text = " ".join(
        str(cell) for row in workbook.active.iter_rows(values_only=True) for cell in row
    )
    secrets = [c.before for c in codes] + [c.after for c in codes]
    secrets += [services.format_code(c.before) for c in codes]
    secrets += [str(pk) for pk in Card.objects.values_list("pk", flat=True)]
    secrets += [str(pk) for pk in Response.objects.values_list("pk", flat=True)]
    secrets += [h for pair in Card.objects.values_list("before_hash", "after_hash") for h in pair]
    for text in (csv_text, xlsx_text):
        assert "Ik kan inloggen met DigiD." in text
        for secret in secrets:
            assert secret not in text
    rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    # One header and one row per question: never one per respondent.
    questions = {row[3] for row in rows[1:]}
    assert len(rows) - 1 == len(questions)
    assert rows[1][4:7] == ["6", "6", "6"]


def test_printable_questionnaire_and_pdf(client):
    client.force_login(staff_user())
    page = client.get(reverse("impact:staff-print", args=["e-overheid", "na"]))
    assert page.status_code == 200 and "Het tempo was goed voor mij." in page.content.decode()
    # A staff page: no read aloud or text size (those are for residents).
    assert "data-read-aloud" not in page.content.decode()
    pdf = client.get(reverse("impact:staff-pdf", args=["e-overheid", "voor"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(reverse("impact:staff-pdf", args=["e-overheid", "later"])).status_code == 404


def test_anonymous_users_cannot_see_staff_pages(client):
    run = RunFactory()
    response = client.get(reverse("impact:staff-run", args=[run.pk]))
    assert response.status_code == 302 and "/account/inloggen/" in response.url


def _set_post_data(question_set, **changes):
    questions = list(question_set.questions.all())
    data = {
        "lijst-name": question_set.name,
        "lijst-introduction": question_set.introduction,
        "lijst-active": "on",
        "vraag-TOTAL_FORMS": str(len(questions) + 1),
        "vraag-INITIAL_FORMS": str(len(questions)),
        "vraag-MIN_NUM_FORMS": "0",
        "vraag-MAX_NUM_FORMS": "1000",
    }
    for i, q in enumerate(questions):
        data.update(
            {
                f"vraag-{i}-id": str(q.pk),
                f"vraag-{i}-text": q.text,
                f"vraag-{i}-kind": q.kind,
                f"vraag-{i}-order": str(q.order),
                f"vraag-{i}-active": "on",
            }
        )
    n = len(questions)
    data.update({f"vraag-{n}-text": "", f"vraag-{n}-kind": "", f"vraag-{n}-order": "0"})
    data.update(changes)
    return data


def test_kb_admin_edits_a_standard_set_and_others_may_not(client):
    from ontwikkelplein.impact.models import Question, QuestionSet

    question_set = QuestionSet.objects.get(slug="e-overheid")
    url = reverse("impact:staff-question-set", args=["e-overheid"])
    client.force_login(staff_user())
    assert client.get(url).status_code == 403
    assert client.post(url, _set_post_data(question_set)).status_code == 403

    client.force_login(staff_user(OrganisationFactory(kind="kb"), Role.KB_ADMIN))
    assert client.get(reverse("impact:staff-question-sets")).status_code == 200
    count = question_set.questions.count()
    n = count
    response = client.post(
        url,
        _set_post_data(
            question_set,
            **{
                "vraag-0-text": "Ik kan zelf inloggen met DigiD.",
                f"vraag-{n}-text": "Ik kan de Belastingdienst app gebruiken.",
                f"vraag-{n}-kind": "skill",
                f"vraag-{n}-order": "6",
            },
        ),
    )
    assert response.status_code == 302
    assert question_set.questions.count() == count + 1
    assert Question.objects.filter(text="Ik kan zelf inloggen met DigiD.").exists()

    # An existing question emptied: refused, nothing changes.
    bad = client.post(url, _set_post_data(question_set, **{"vraag-1-text": ""}))
    assert bad.status_code == 400 and "mag niet leeg zijn" in bad.content.decode()
    # The summary names the row and links to the emptied field.
    assert 'href="#id_vraag-1-text"' in bad.content.decode()
    assert "Vraag 2 – " in bad.content.decode()
    assert question_set.questions.count() == count + 1


def test_the_results_of_an_after_only_list_show_no_before_or_pairs(client):
    from ontwikkelplein.impact.tests.factories import fill

    run = RunFactory()
    measure(run, before=None, after="verkort-na-de-cursus")
    for code in make_cards(run, 5):
        fill(code.after, yes=True)
    client.force_login(staff_user(run.organisation))
    page = client.get(reverse("impact:staff-run", args=[run.pk])).content.decode()
    section = page.split('id="set-verkort-na-de-cursus-kop"')[1]
    assert "Verkorte meting, alleen na de cursus. Ingevuld: 5." in section
    assert "Paren: voor" not in section and "Vooruitgegaan" not in section
    # The short list is not offered as the list before the course.
    before_select = page.split('name="before_set"')[1].split("</select>")[0]
    assert "Verkort" not in before_select


# --- Guessing codes -------------------------------------------------------------------------


@pytest.fixture
def fresh_limits():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_unknown_codes_are_rate_limited_per_address_with_a_dutch_429(
    client, settings, fresh_limits
):
    settings.IMPACT_RATES = {"impact:unknown-code": "3/h"}
    run = RunFactory()
    measure(run)
    (codes,) = make_cards(run, 1)
    assert client.get(fill_url(codes.before)).status_code == 200  # a good code does not count
    statuses = [client.get(fill_url(f"ABCDEFGHJKM{c}")).status_code for c in "2345"]
    assert statuses == [404, 404, 404, 429]
    blocked = client.get(fill_url(codes.before))  # now even a good code waits
    assert blocked.status_code == 429
    assert "Te veel codes geprobeerd" in blocked.content.decode()
    entry = client.get(reverse("impact:code-entry"), {"code": codes.before})
    assert entry.status_code == 429
    assert not Response.objects.exists()
    # Another address is not affected.
    assert client.get(fill_url(codes.before), REMOTE_ADDR="10.0.0.9").status_code == 200


def test_a_code_of_only_punctuation_is_an_input_error(client):
    response = client.get(reverse("impact:code-entry"), {"code": "-- . --"})
    assert response.status_code == 200
    assert "Typ de letters en cijfers van de code op je kaart." in response.content.decode()
