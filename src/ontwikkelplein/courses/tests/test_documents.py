"""The enrolment confirmation as a PDF: the same content as the page to print (course, place,
dates, code, how to reach the library), tagged, staff-typed text printed as text, and the
same access rules as the page."""

import pytest
from django.urls import reverse
from django.utils import formats

from ontwikkelplein.core.tests.pdf import assert_tagged, flat, read_pdf, squeezed
from ontwikkelplein.courses import documents
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


def test_confirmation_pdf_says_what_where_when_and_the_code(client):
    run = RunFactory(name="Voorjaar <b>2027</b> & <script>x</script>")
    enrolment, _token = enrol_person(run, name="Fatima <b>Jansen</b>")
    client.force_login(staff_user(run.organisation, Role.FRONT_DESK))
    response = client.get(reverse("courses:staff-enrolment-pdf", args=[enrolment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="bevestiging-')
    assert enrolment.reference.lower() in response["Content-Disposition"]
    reader, pages = read_pdf(response.content)
    assert_tagged(reader, title=f"Bevestiging van je aanmelding: {run.offer.title}")
    # Compared without whitespace: a long line may wrap anywhere, also inside "</b>".
    text = squeezed(" ".join(pages))
    first = run.sessions.order_by("date").first()
    for expected in (
        "Hallo Fatima <b>Jansen</b>,",
        "Je bent ingeschreven.",
        run.offer.title,
        "Voorjaar <b>2027</b> & <script>x</script>",
        run.location.name,
        formats.date_format(first.date, "l j F Y"),
        enrolment.reference,
        run.organisation.name,
    ):
        assert squeezed(expected) in text, expected


def test_waiting_list_confirmation_gives_the_position():
    run = RunFactory(capacity=1)
    enrol_person(run, name="Eerste")
    waiting, _token = enrol_person(run, name="Tweede")
    _reader, pages = read_pdf(documents.confirmation_pdf(waiting))
    assert "Je staat op de wachtlijst. Je bent nummer 1." in flat(pages[0])


@pytest.mark.parametrize("who, status", [("desk", 200), ("poi", 403), ("kb", 403), ("other", 404)])
def test_confirmation_pdf_keeps_the_pages_access_rules(client, who, status):
    run = RunFactory()
    enrolment, _token = enrol_person(run, name="Fatima Jansen")
    users = {
        "desk": lambda: staff_user(run.organisation, Role.FRONT_DESK),
        "poi": lambda: staff_user(
            PoiFactory(provinces=[run.location.municipality.province]), Role.POI_ADVISER
        ),
        "kb": lambda: staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN),
        "other": lambda: staff_user(OrganisationFactory(), Role.SPECIALIST),
    }
    client.force_login(users[who]())
    response = client.get(reverse("courses:staff-enrolment-pdf", args=[enrolment.pk]))
    assert response.status_code == status
    assert (response["Content-Type"] == "application/pdf") is (status == 200)
