"""The scheduled tasks in the worker: django-q2 schedules made from the registry (idempotent),
each slot run once (also when two schedulers or two workers race, on PostgreSQL), retention
under frozen time, and the outbox's first attempt as a queued job."""

import datetime
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_q import scheduler as scheduler_module
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import OrmQ, Schedule
from django_q.signing import SignedPackage

from ontwikkelplein.notifications import jobs, scheduled, services
from ontwikkelplein.notifications.models import OutboxMessage, ScheduledRun

CALLS: list = []


def counting_task():
    CALLS.append(threading.current_thread().name)
    time.sleep(0.3)  # long enough for a racing twin to arrive while it runs
    return "counted"


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()
    yield
    CALLS.clear()


@pytest.fixture
def registry(monkeypatch):
    """A private registry for the test, so the real tasks stay as they are."""
    monkeypatch.setattr(scheduled, "_tasks", {})
    return scheduled


@pytest.fixture
def queued(monkeypatch):
    monkeypatch.setattr(Conf, "SYNC", False)


def ours():
    return Schedule.objects.filter(name__startswith=services.SCHEDULE_PREFIX)


# --- The schedules ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_migrate_made_one_schedule_per_registered_task():
    """post_migrate ran setup_schedules when the test database was made."""
    by_name = {s.name: s for s in ours()}
    assert set(by_name) == {services.SCHEDULE_PREFIX + t.name for t in scheduled.tasks()}
    outbox = by_name["ontwikkelplein:send_outbox"]
    assert outbox.schedule_type == Schedule.MINUTES and outbox.minutes == 1
    assert outbox.func == services.SCHEDULED_JOB and outbox.args == "'send_outbox'"
    assert outbox.intended_date_kwarg == "slot"
    assert by_name["ontwikkelplein:referral_retention"].minutes == 60


@pytest.mark.django_db
def test_setup_schedules_is_idempotent_and_follows_the_registry(registry, capsys):
    Schedule.objects.create(name="iemand anders", func="math.floor", args="1")
    registry.register("a", counting_task, every_minutes=5)
    registry.register("b", counting_task, every_minutes=10)
    first = services.setup_schedules()
    assert first["created"] == 2
    next_run = ours().get(name="ontwikkelplein:a").next_run
    assert services.setup_schedules() == {"created": 0, "updated": 0, "deleted": 0, "unchanged": 2}
    # A changed interval is taken over without moving the next run; a task no longer
    # registered loses its schedule, and a duplicate (two nodes migrating) is removed.
    registry.register("a", counting_task, every_minutes=15)
    del registry._tasks["b"]
    Schedule.objects.create(name="ontwikkelplein:a", func="x")
    call_command("setup_schedules")
    assert "1 updated" in capsys.readouterr().out
    [a] = ours()
    assert a.name == "ontwikkelplein:a" and a.minutes == 15 and a.next_run == next_run
    assert Schedule.objects.filter(name="iemand anders").exists()  # not ours: left alone


@pytest.mark.django_db
def test_a_slot_runs_once(registry):
    registry.register("tel", counting_task)
    slot = "2026-12-07T10:00:00+00:00"
    assert jobs.run_scheduled_task("tel", slot=slot) == "tel: counted"
    assert "skipped" in jobs.run_scheduled_task("tel", slot=slot)  # handed out again
    assert len(CALLS) == 1
    assert jobs.run_scheduled_task("tel", slot="2026-12-07T10:05:00+00:00") == "tel: counted"
    assert len(CALLS) == 2
    run = ScheduledRun.objects.get(slot=datetime.datetime(2026, 12, 7, 10, tzinfo=datetime.UTC))
    assert run.succeeded and run.result == "counted" and run.finished_at


@pytest.mark.django_db
def test_a_failing_task_is_recorded_and_raises(registry):
    def broken():
        raise RuntimeError("kapot")

    registry.register("kapot", broken)
    with pytest.raises(RuntimeError):
        jobs.run_scheduled_task("kapot", slot="2026-12-07T10:00:00+00:00")
    run = ScheduledRun.objects.get(task="kapot")
    assert run.succeeded is False and run.result == "RuntimeError: kapot"
    with pytest.raises(LookupError):
        jobs.run_scheduled_task("bestaat-niet")


@pytest.mark.django_db
def test_the_scheduler_queues_each_due_schedule_with_its_slot(queued, time_machine):
    from ontwikkelplein.core.tests.test_jobs import keep_connections

    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=2))
    with keep_connections():
        scheduler_module.scheduler(broker=get_broker())
    queued_jobs = [SignedPackage.loads(q.payload) for q in OrmQ.objects.all()]
    names = sorted(task["args"][0] for task in queued_jobs)
    assert names == sorted(t.name for t in scheduled.tasks())
    assert all(task["kwargs"]["slot"] for task in queued_jobs)
    # Their next runs moved on: a second look starts nothing.
    with keep_connections():
        scheduler_module.scheduler(broker=get_broker())
    assert OrmQ.objects.count() == len(names)


# --- The outbox's first attempt ----------------------------------------------------------------


@pytest.mark.django_db
def test_the_first_attempt_is_a_job_not_part_of_the_request(
    queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.queue_email(["a@bieb.example"], "Onderwerp", "Tekst")
    assert mail.outbox == []  # nothing sent inside the request
    [job] = [SignedPackage.loads(q.payload) for q in OrmQ.objects.all()]
    assert job["args"][0] == "ontwikkelplein.notifications.jobs.send_message"
    assert job["args"][1] == [str(message.pk)]
    from ontwikkelplein.core.tests.test_jobs import work_off_queue

    work_off_queue()
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT


@pytest.mark.django_db
def test_a_queue_that_cannot_take_the_job_loses_no_mail(
    queued, monkeypatch, django_capture_on_commit_callbacks
):
    from ontwikkelplein.core import jobs as core_jobs

    def broken(*args, **kwargs):
        raise ConnectionError("queue weg")

    monkeypatch.setattr(core_jobs, "_send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        message = services.queue_email(["a@bieb.example"], "Onderwerp", "Tekst")
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.PENDING  # send_outbox takes it
    assert services.send_due_messages() == (1, 0)


# --- Races on PostgreSQL ---------------------------------------------------------------------

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks and concurrent transactions: PostgreSQL (SQLite has one writer anyway)",
)


def in_threads(*targets):
    def wrap(target):
        def run():
            try:
                target()
            finally:
                connection.close()

        return run

    threads = []
    for target in targets:
        thread = threading.Thread(target=wrap(target))
        thread.start()
        threads.append(thread)
        time.sleep(0.1)
    for thread in threads:
        thread.join(30)


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_racing_start_a_schedule_once(queued, monkeypatch):
    """django-q2's scheduler takes due schedules with SELECT ... FOR UPDATE in one transaction
    with the enqueue and the new next_run: the second scheduler waits for the row, then sees
    that it is no longer due."""
    ours().update(next_run=timezone.now() + datetime.timedelta(hours=1))
    Schedule.objects.create(
        name="race",
        func="math.floor",
        args="1",
        schedule_type=Schedule.MINUTES,
        minutes=5,
        next_run=timezone.now() - datetime.timedelta(seconds=1),
    )
    real_async_task = scheduler_module.async_task
    errors = []

    def slow_async_task(*args, **kwargs):
        time.sleep(1)  # hold the lock while the other scheduler arrives
        return real_async_task(*args, **kwargs)

    monkeypatch.setattr(scheduler_module, "async_task", slow_async_task)
    monkeypatch.setattr(scheduler_module.logger, "exception", lambda *a, **k: errors.append((a, k)))
    run = lambda: scheduler_module.scheduler(broker=get_broker())  # noqa: E731
    in_threads(run, run)
    assert errors == []
    assert OrmQ.objects.count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_with_the_same_slot_run_it_once(registry):
    """Our own guard: the unique (task, slot) row, for a job handed out twice."""
    registry.register("tel", counting_task)
    slot = timezone.now().replace(microsecond=0).isoformat()
    results = []
    run = lambda: results.append(jobs.run_scheduled_task("tel", slot=slot))  # noqa: E731
    in_threads(run, run)
    assert len(CALLS) == 1
    assert sorted(r.split(",")[0] for r in results) == ["tel: counted", "tel: skipped"]
