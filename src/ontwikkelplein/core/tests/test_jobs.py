"""core/jobs.py: queueing after commit, real queued execution through the ORM broker, retries
with back-off as one-off schedules, giving up, and the queue's readiness check."""

import contextlib
import datetime
import uuid
from multiprocessing import Queue, Value
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import Failure, OrmQ, Schedule, Success
from django_q.monitor import monitor
from django_q.signing import SignedPackage
from django_q.status import Stat, Status
from django_q.worker import worker

from ontwikkelplein.core import jobs

pytestmark = pytest.mark.django_db

CALLS: list = []
FAIL = "ontwikkelplein.core.tests.test_jobs.failing_job"
RECORD = "ontwikkelplein.core.tests.test_jobs.record_job"


def retries():
    """The one-off schedules of retries (the site's own periodic schedules are there too)."""
    return Schedule.objects.filter(func=jobs.RUNNER)


def record_job(*args, **kwargs):
    CALLS.append(("run", args, kwargs))
    return "recorded"


def failing_job(*args, **kwargs):
    CALLS.append(("run", args, kwargs))
    raise RuntimeError("mail server weg")


def given_up(*args, **kwargs):
    CALLS.append(("given up", args, kwargs))


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()
    yield
    CALLS.clear()


@pytest.fixture
def queued(monkeypatch):
    """Jobs go to the queue (the ORM broker) as in production, not run at once."""
    monkeypatch.setattr(Conf, "SYNC", False)


def work_off_queue():
    """What a worker cluster does with the queue: take each job from the ORM broker (the signed
    package as a worker gets it), run it in django-q2's worker and record the result and the
    acknowledgement with its monitor."""
    broker = get_broker()
    task_queue, result_queue = Queue(), Queue()
    taken = 0
    while batch := broker.dequeue():
        for ack_id, payload in batch:
            task = SignedPackage.loads(payload)
            task["ack_id"] = ack_id
            task_queue.put(task)
            taken += 1
    task_queue.put("STOP")
    # In this process, inside the test's transaction: a worker process would close its old
    # database connections first, which here would close the test's own.
    with keep_connections():
        worker(task_queue, result_queue, Value("f", -1))
        result_queue.put("STOP")
        monitor(result_queue, broker)
    return taken


@contextlib.contextmanager
def keep_connections():
    from django_q import monitor as monitor_module
    from django_q import scheduler as scheduler_module
    from django_q import worker as worker_module

    with (
        mock.patch.object(worker_module, "close_old_django_connections", lambda: None),
        mock.patch.object(monitor_module, "close_old_django_connections", lambda: None),
        mock.patch.object(scheduler_module, "close_old_django_connections", lambda: None),
    ):
        yield


def test_sync_settings_run_the_job_at_once():
    jobs.enqueue(RECORD, "a", 1, flag=True)
    assert CALLS == [("run", ("a", 1), {"flag": True})]
    assert Success.objects.get().result == "recorded"


def test_arguments_must_be_plain_literals():
    with pytest.raises(jobs.JobArgumentError):
        jobs.enqueue(RECORD, uuid.uuid4())
    with pytest.raises(ImportError):
        jobs.enqueue("ontwikkelplein.core.tests.test_jobs.no_such_job")
    assert CALLS == []


def test_a_job_is_queued_only_when_the_transaction_commits(
    queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        jobs.enqueue(RECORD, "after commit")
        assert OrmQ.objects.count() == 0  # not before the commit
    assert OrmQ.objects.count() == 1
    assert CALLS == []  # a worker runs it, not the request
    assert work_off_queue() == 1
    assert CALLS == [("run", ("after commit",), {})]
    assert Success.objects.count() == 1
    assert OrmQ.objects.count() == 0  # acknowledged


def test_a_rolled_back_change_queues_nothing(queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                jobs.enqueue(RECORD, "never")
                raise ValueError
        except ValueError:
            pass
    assert callbacks == [] and OrmQ.objects.count() == 0


def test_a_failed_job_is_retried_with_back_off_then_given_up(queued, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 10, tzinfo=datetime.UTC), tick=False)
    jobs._send(
        FAIL,
        ["x"],
        {jobs.GIVE_UP: "ontwikkelplein.core.tests.test_jobs.given_up"},
        attempt=1,
        max_attempts=3,
        group="",
    )
    time_machine.shift(1)  # the broker hands out what was queued before now
    work_off_queue()
    # Failed once: visible to operators, acknowledged (not handed out again at a fixed
    # interval), and a one-off schedule for the second attempt after the first back-off step.
    assert Failure.objects.count() == 1 and "mail server weg" in Failure.objects.get().result
    assert OrmQ.objects.count() == 0
    retry = retries().get()
    assert retry.schedule_type == Schedule.ONCE
    assert retry.next_run == timezone.now() + datetime.timedelta(minutes=1)
    assert retry.func == jobs.RUNNER
    # The second attempt, as the scheduler would start it, fails again: five minutes.
    retry.delete()
    with pytest.raises(RuntimeError):
        jobs.run(FAIL, ["x"], {jobs.GIVE_UP: "ontwikkelplein.core.tests.test_jobs.given_up"}, 2, 3)
    assert retries().get().next_run == timezone.now() + datetime.timedelta(minutes=5)
    retries().delete()
    # The last attempt: no new schedule, the give-up handler is told (with the job's arguments).
    with pytest.raises(RuntimeError):
        jobs.run(FAIL, ["x"], {jobs.GIVE_UP: "ontwikkelplein.core.tests.test_jobs.given_up"}, 3, 3)
    assert not retries().exists()
    assert CALLS[-1] == ("given up", ("x",), {})


def test_the_retry_schedule_runs_the_next_attempt(queued):
    jobs.schedule_retry(
        RECORD,
        ["again"],
        {},
        attempt=1,
        max_attempts=3,
        now=timezone.now() - datetime.timedelta(minutes=2),
    )
    from django_q.scheduler import scheduler

    with keep_connections():
        scheduler(broker=get_broker())
    assert not retries().exists()  # a one-off schedule is gone once it has run
    work_off_queue()
    assert CALLS == [("run", ("again",), {})]


def test_back_off_grows_and_then_repeats_its_last_step():
    assert [jobs.backoff(n).total_seconds() // 60 for n in range(1, 8)] == [
        1,
        5,
        15,
        60,
        240,
        240,
        240,
    ]


# --- Readiness ---------------------------------------------------------------------------------


def heartbeat(age_seconds=0):
    status = Status(pid=123, cluster_id=uuid.uuid4())
    status.timestamp = timezone.now() - datetime.timedelta(seconds=age_seconds)
    get_broker().set_stat(Stat.get_key(status.cluster_id), SignedPackage.dumps(status, True), 3)


@pytest.fixture
def no_heartbeats():
    from django.core.cache import cache

    cache.delete(Conf.Q_STAT)
    yield
    cache.delete(Conf.Q_STAT)


def test_ready_with_a_live_worker(queued, no_heartbeats):
    assert jobs.queue_is_ready() is False  # no worker has said anything
    heartbeat()
    assert jobs.queue_is_ready() is True


def test_not_ready_when_the_last_heartbeat_is_old(queued, no_heartbeats, settings):
    settings.ONTWIKKELPLEIN_WORKER_HEARTBEAT_SECONDS = 30
    heartbeat(age_seconds=120)
    assert jobs.queue_is_ready() is False


def test_not_ready_when_the_broker_does_not_answer(queued, no_heartbeats, monkeypatch):
    heartbeat()

    def broken(self):
        raise ConnectionError("database weg")

    monkeypatch.setattr(type(get_broker()), "queue_size", broken)
    assert jobs.queue_is_ready() is False


def test_sync_needs_no_worker(no_heartbeats):
    assert jobs.queue_is_ready() is True
