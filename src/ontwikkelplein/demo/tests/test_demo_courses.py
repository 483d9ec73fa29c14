"""demo/courses.py: Digisterker runs and a taalcafé for two libraries, made once."""

import datetime

import pytest

from ontwikkelplein.courses import selectors
from ontwikkelplein.courses.models import Attendance, Enrolment, HeadCount, Person, Run, Session
from ontwikkelplein.demo.courses import load_courses
from ontwikkelplein.demo.services import load_demo
from ontwikkelplein.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_load_courses_is_idempotent_and_moves_with_today():
    load_demo()
    today = datetime.date.today()
    assert load_courses(today) == 6
    counts = [m.objects.count() for m in (Run, Session, Enrolment, Person, Attendance, HeadCount)]
    assert load_courses(today) == 6
    assert [
        m.objects.count() for m in (Run, Session, Enrolment, Person, Attendance, HeadCount)
    ] == counts
    assert counts[2] > 0 and counts[4] > 0 and counts[5] > 0

    digisterker = Run.objects.filter(name="Volgende reeks").first()
    assert selectors.places_left(digisterker) == 1
    assert selectors.sign_up_open(digisterker)
    assert selectors.next_start(digisterker.offer) is not None
    result = selectors.reach(
        Organisation.objects.filter(pk=digisterker.organisation_id),
        selectors.DateRange(today - datetime.timedelta(days=90), today),
    )
    assert result.total.participants >= 7
    assert result.total.visitors > 0

    later = today + datetime.timedelta(days=30)
    load_courses(later)
    assert Run.objects.count() == counts[0]
    assert Session.objects.count() == counts[1]
    assert not HeadCount.objects.filter(session__date__gte=later).exists()
