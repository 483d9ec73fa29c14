"""A code sent from several phones at the same moment is stored once: the card row is locked
before the "already used?" check, and a unique constraint (card, moment) backs it up."""

import threading

import pytest
from django.conf import settings as django_settings
from django.db import connections

from ontwikkelplein.impact import services
from ontwikkelplein.impact.models import Response
from ontwikkelplein.impact.tests.factories import RunFactory, make_cards, measure

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
        reason="row locks need PostgreSQL; SQLite has one writer",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_same_code_sent_in_parallel_is_stored_once():
    run = RunFactory()
    measure(run)
    (codes,) = make_cards(run, 1)
    lookup = services.lookup_code(codes.before)
    answers = {q.pk: 2 for q in lookup.question_set.questions_for(lookup.moment)}
    barrier = threading.Barrier(6)
    errors = []

    def worker():
        try:
            barrier.wait()
            services.submit_answers(codes.before, answers)
        except services.ImpactError as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Response.objects.count() == 1
    assert len(errors) == 5
    assert all("al gebruikt" in e.messages[0] for e in errors)
