"""Over-booking is impossible under parallel sign-ups: each sign-up locks the run row
(select_for_update) before counting the places taken. Threads with their own database
connections sign up at the same moment; counting is slowed down to widen the race window."""

import threading
import time

import pytest
from django.conf import settings as django_settings
from django.db import connections

from ontwikkelplein.courses import selectors
from ontwikkelplein.courses.models import HOLDS_PLACE, Enrolment, EnrolmentStatus
from ontwikkelplein.courses.services import CourseError
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
        reason="row locks need PostgreSQL; SQLite has one writer and ignores select_for_update",
    ),
    # serialized_rollback: the flush after each test would also wipe the seeded taxonomy.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PARALLEL = 12


def _slow_count(monkeypatch):
    real = selectors.places_taken

    def slow(run):
        taken = real(run)
        time.sleep(0.05)  # another sign-up would insert here if the run were not locked
        return taken

    monkeypatch.setattr(selectors, "places_taken", slow)


def _sign_up_in_parallel(run, emails):
    barrier = threading.Barrier(len(emails))
    errors = []

    def worker(email):
        try:
            barrier.wait()
            enrol_person(run, email=email)
        except CourseError as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(email,)) for email in emails]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_parallel_sign_ups_never_over_book(settings, monkeypatch):
    settings.OUTBOX_SEND_ON_COMMIT = False
    _slow_count(monkeypatch)
    run = RunFactory(capacity=3)
    errors = _sign_up_in_parallel(run, [f"p{i}@example.org" for i in range(PARALLEL)])
    assert errors == []
    assert Enrolment.objects.filter(run=run, status__in=HOLDS_PLACE).count() == 3
    assert Enrolment.objects.filter(run=run, status=EnrolmentStatus.WAITING).count() == PARALLEL - 3


def test_parallel_double_sign_up_is_stored_once(settings, monkeypatch):
    settings.OUTBOX_SEND_ON_COMMIT = False
    _slow_count(monkeypatch)
    run = RunFactory(capacity=10)
    errors = _sign_up_in_parallel(run, ["same@example.org"] * 6)
    assert Enrolment.objects.filter(run=run).count() == 1
    assert len(errors) == 5
    assert all("al aangemeld" in e.messages[0] for e in errors)
