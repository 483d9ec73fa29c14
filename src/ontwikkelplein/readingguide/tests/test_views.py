"""The leeswijzer at the desk, for residents, and the library's own table."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.readingguide import selectors, services
from ontwikkelplein.readingguide.models import Label, LabelTable

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    organisation = OrganisationFactory()
    LocationFactory(organisation=organisation)
    return organisation


def login(client, user):
    client.force_login(user)
    return client


def test_the_desk_answers_an_age_with_labels_and_a_register_button(client, library):
    login(client, staff_user(library, Role.FRONT_DESK))
    response = client.get(reverse("readingguide:desk"), {"q": "boek voor een kind van 4"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Boeken voor een kind van 4 jaar" in html
    assert "Prentenboeken voor kleuters" in html
    assert reverse("desk:screen") + "?vraag=leesadvies" in html


def test_the_register_button_opens_the_desk_screen_with_the_question_filled_in(client, library):
    login(client, staff_user(library, Role.FRONT_DESK))
    html = client.get(reverse("desk:screen"), {"vraag": "leesadvies"}).content.decode()
    assert "Vooraf ingevuld: Leesadvies (leeswijzer)" in html
    topic = Label  # noqa: F841 (readability)
    from ontwikkelplein.desk.models import Topic

    pk = Topic.objects.get(code="leesadvies").pk
    assert f'<option value="{pk}" selected>' in html
    # An unknown key fills in nothing and says nothing.
    plain = client.get(reverse("desk:screen"), {"vraag": "<script>"}).content.decode()
    assert "Vooraf ingevuld" not in plain


def test_the_desk_screen_links_the_guide_boekstart_and_the_catalogue(client, library):
    login(client, staff_user(library, Role.FRONT_DESK))
    html = client.get(reverse("desk:screen")).content.decode()
    assert reverse("readingguide:desk") in html
    assert reverse("boekstart:register") in html
    assert reverse("catalogue:search") in html


def test_residents_see_the_national_table_anonymously(client):
    response = client.get(reverse("readingguide:public"), {"q": "M4"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Boeken op AVI-niveau M4" in html
    assert "Eerste leesboeken" in html


def test_a_library_copies_the_national_table_and_changes_it(client, library):
    specialist = staff_user(library, Role.SPECIALIST)
    login(client, specialist)
    assert client.post(reverse("readingguide:copy")).status_code == 302
    table = LabelTable.objects.get(organisation=library)
    ak = table.labels.get(code="AK")
    response = client.post(
        reverse("readingguide:label-edit", args=[ak.pk]),
        {
            "code": "AK",
            "name": "Prentenboeken voor kleuters",
            "age_from": "3",
            "age_to": "6",
            "avi_levels": "",
            "meaning": "Vanaf 3 jaar.",
            "place": "Eerste verdieping",
            "tips": "",
        },
    )
    assert response.status_code == 302
    answer = selectors.answer(selectors.table_for(library), "3 jaar")
    assert "AK" in {label.code for label in answer.labels}
    # The national table is unchanged.
    national = selectors.national_table().labels.get(code="AK")
    assert national.age_from == 4
    # Back to the national table.
    client.post(reverse("readingguide:use-national"))
    assert selectors.table_for(library).national


def test_a_label_form_refuses_bad_input_in_dutch_and_changes_nothing(client, library):
    login(client, staff_user(library, Role.TEAM_LEADER))
    services.copy_national_table(library, user=staff_user(library, Role.SPECIALIST))
    label = LabelTable.objects.get(organisation=library).labels.get(code="E")
    response = client.post(
        reverse("readingguide:label-edit", args=[label.pk]),
        {
            "code": "AP",  # already in the table
            "name": "x",
            "age_from": "9",
            "age_to": "2",
            "avi_levels": "M3 Z9",
            "meaning": "y",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze code staat al in de tabel." in html
    assert "Onbekend AVI-niveau: Z9" in html
    label.refresh_from_db()
    assert label.code == "E" and label.avi_levels == "Start M3 E3 M4"


def test_the_front_desk_reads_but_does_not_manage(client, library):
    login(client, staff_user(library, Role.FRONT_DESK))
    assert client.get(reverse("readingguide:manage")).status_code == 403
    assert client.post(reverse("readingguide:copy")).status_code == 403
    national = selectors.national_table().labels.first()
    assert client.get(reverse("readingguide:label-edit", args=[national.pk])).status_code == 403


def test_another_librarys_label_is_not_found(client, library):
    other = OrganisationFactory()
    services.copy_national_table(other, user=staff_user(other, Role.SPECIALIST))
    label = LabelTable.objects.get(organisation=other).labels.first()
    login(client, staff_user(library, Role.SPECIALIST))
    assert client.get(reverse("readingguide:label-edit", args=[label.pk])).status_code == 404


def test_only_the_kb_changes_the_national_table(client, library):
    kb = OrganisationFactory(kind=OrganisationKind.KB, name="KB")
    login(client, staff_user(kb, Role.KB_ADMIN))
    label = selectors.national_table().labels.get(code="AB")
    response = client.get(reverse("readingguide:manage"))
    assert response.status_code == 200
    assert reverse("readingguide:label-edit", args=[label.pk]) in response.content.decode()
    specialist = staff_user(library, Role.SPECIALIST)
    client.force_login(specialist)
    assert client.get(reverse("readingguide:label-edit", args=[label.pk])).status_code == 403


@given(q=st.text(max_size=300))
@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_no_search_text_gives_an_error(client, q):
    q = q.replace("\x00", "")  # the test client cannot send NUL; the middleware refuses it
    assert client.get(reverse("readingguide:public"), {"q": q}).status_code == 200


def test_the_national_table_exists_after_migrating():
    table = selectors.national_table()
    assert table is not None
    assert [label.code for label in table.labels.all()][:4] == ["AB", "AP", "AK", "E"]
    assert Label.objects.filter(table=table).count() == 10
