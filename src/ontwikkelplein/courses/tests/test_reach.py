import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ontwikkelplein.courses import selectors, services
from ontwikkelplein.courses.models import Attendance, HeadCount, RunKind
from ontwikkelplein.courses.selectors import DateRange, reach
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person, past_session
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
THIS_YEAR = DateRange(TODAY - datetime.timedelta(days=200), TODAY + datetime.timedelta(days=200))


def _mark(session, enrolment, status):
    Attendance.objects.create(session=session, enrolment=enrolment, status=status)


def _run_with_history(n_people=6, **kwargs):
    """A run with two sessions held and n participants: everyone present at the first, the last
    participant absent twice (a drop-out), one person cancelled after attending (drop-out)."""
    run = RunFactory(capacity=20, sessions=1, **kwargs)
    people = [enrol_person(run, name=f"Persoon {i}")[0] for i in range(n_people)]
    first = past_session(run, days_ago=14)
    second = past_session(run, days_ago=7)
    for p in people:
        _mark(first, p, "present")
    for p in people[:-1]:
        _mark(second, p, "present")
    _mark(second, people[-1], "absent")
    third = past_session(run, days_ago=1)
    for p in people[:-1]:
        _mark(third, p, "present")
    _mark(third, people[-1], "absent")
    services.cancel_enrolment(people[0])
    return run, people


def test_reach_figures_per_run():
    run, people = _run_with_history(6)
    result = reach(Organisation.objects.filter(pk=run.organisation_id), THIS_YEAR)
    row = result.per_run[0]
    assert row.participants == 6  # the cancelled person attended, so counts
    assert row.unique_people == 6
    assert row.sessions_held == 3  # the future session is not held yet
    assert row.marks == 18
    assert row.present == 16
    assert row.attendance_rate == round(100 * 16 / 18, 1)
    assert row.drop_outs == 2
    assert result.total.participants == 6


def test_unique_people_across_runs():
    run, people = _run_with_history(5)
    second = RunFactory(offer=run.offer, location=run.location, capacity=20, sessions=1)
    # The same address at the same organisation is the same person.
    enrolment, _ = enrol_person(second, name="Persoon 1", email=people[1].person.email)
    assert enrolment.person_key == people[1].person_key
    _mark(past_session(second, days_ago=2), enrolment, "present")
    result = reach(Organisation.objects.filter(pk=run.organisation_id), THIS_YEAR)
    assert result.total.participants == 6
    assert result.total.unique_people == 5


def test_period_outside_counts_nothing():
    run, _people = _run_with_history(6)
    old = DateRange(TODAY - datetime.timedelta(days=800), TODAY - datetime.timedelta(days=400))
    result = reach(Organisation.objects.filter(pk=run.organisation_id), old)
    assert result.per_run == []
    assert result.total.participants == 0


def test_walk_in_head_counts():
    run = RunFactory(walk_in=True, capacity=None, kind=RunKind.RECURRING, sessions=0)
    user = staff_user(run.organisation)
    for days, count in ((7, 12), (14, 9)):
        services.record_head_count(past_session(run, days_ago=days), count, user=user)
    result = reach(Organisation.objects.filter(pk=run.organisation_id), THIS_YEAR)
    assert result.total.visitors == 21
    assert result.total.sessions_held == 2
    assert HeadCount.objects.count() == 2


def test_small_groups_hidden_when_suppressed():
    small, _ = _run_with_history(4)
    big, _ = _run_with_history(7)
    orgs = Organisation.objects.filter(pk__in=[small.organisation_id, big.organisation_id])
    result = reach(orgs, THIS_YEAR, suppress=True)
    rows = {row.key: row for row in result.per_run}
    assert rows[str(small.pk)].hidden
    assert rows[str(small.pk)].participants is None
    assert rows[str(small.pk)].attendance_rate is None
    assert rows[str(small.pk)].drop_out_rate is None
    # Complementary suppression: the total (11) minus the big run (7) would give away the small
    # one, so the big run is hidden as well.
    assert rows[str(big.pk)].hidden
    assert rows[str(big.pk)].participants is None
    assert result.total.participants == 11
    unsuppressed = reach(orgs, THIS_YEAR)
    assert {r.key: r.participants for r in unsuppressed.per_run}[str(small.pk)] == 4


def test_poi_export_hides_small_groups_and_nothing_per_person(client):
    run, people = _run_with_history(3)
    poi = staff_user(PoiFactory(provinces=[run.location.municipality.province]), Role.POI_ADVISER)
    client.force_login(poi)
    url = reverse("courses:staff-reach")
    page = client.get(url)
    assert "&lt;5" in page.text
    content = client.get(url, {"formaat": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    run_row = [r for r in rows if r[0] == "Uitvoering"][0]
    assert run_row[2] == "<5"
    assert "3" not in run_row[2:4]
    for p in people:
        assert p.reference not in content
        assert "Persoon" not in content
        assert str(p.person_key) not in content
    workbook = load_workbook(io.BytesIO(client.get(url, {"formaat": "xlsx"}).content))
    values = [c.value for row in workbook.active.iter_rows() for c in row]
    assert "<5" in values
    assert not any(isinstance(v, str) and v.startswith("Persoon") for v in values)


def test_kb_sees_national_suppressed(client):
    run, _people = _run_with_history(3)
    kb = staff_user(OrganisationFactory(kind=OrganisationKind.KB), Role.KB_ADMIN)
    client.force_login(kb)
    response = client.get(reverse("courses:staff-reach"), {"niveau": "landelijk"})
    assert response.status_code == 200
    assert run.offer.title in response.text
    assert "&lt;5" in response.text


def test_places_left_and_public_runs():
    run = RunFactory(capacity=2)
    enrol_person(run)
    assert selectors.places_left(run) == 1
    runs = selectors.public_runs(run.offer)
    assert [r.pk for r in runs] == [run.pk]
    assert runs[0].places_left == 1
    assert selectors.next_start(run.offer) == run.sessions.first().date
    draft = RunFactory(status="draft")
    assert selectors.public_runs(draft.offer) == []
    assert selectors.next_start(draft.offer) is None


def test_participants_chart_hides_small_counts_and_scales_bars():
    from ontwikkelplein.courses.exports import participants_chart
    from ontwikkelplein.courses.selectors import ReachRow

    bars = participants_chart(
        [
            ReachRow(label="A", participants=20),
            ReachRow(label="B", participants=5),
            ReachRow(label="C", participants=3, hidden=True),
            ReachRow(label="D", participants=0),
        ]
    )
    bars = bars.bars
    assert [(b.label, b.text) for b in bars] == [("A", "20"), ("B", "5"), ("C", "<5"), ("D", "0")]
    assert bars[0].width == 80 and bars[1].width == 20
    assert bars[2].width == 0 and bars[3].width == 0
    assert bars[1].css_class == "op-w-20"
