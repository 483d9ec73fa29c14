"""Background jobs on django-q2 (docs/background-work.md): queue work for a worker
(`manage.py qcluster`) instead of doing it inside a web request, retry a failed job with back-off,
and tell /readyz whether the queue and a worker are there.

- `enqueue("ontwikkelplein.app.jobs.func", *args, **kwargs)` queues a job once the current
  transaction commits (a rolled-back change queues nothing, and the job never sees data that is
  not yet committed). Arguments must be plain literals (str, int, float, bool, None, lists,
  tuples, dicts): they are stored as text in the queue and in a retry's schedule.
- A job that raises is recorded by django-q2 as a failed task (Django admin, Achtergrondtaken →
  Failed tasks), and queued again after 1, 5, 15 ... minutes (`BACKOFF_MINUTES`) as a one-off
  django-q2 schedule, until `max_attempts` attempts have failed; then it is given up (logged as an
  error, the failure stays in the admin). django-q2 itself retries only at a fixed interval, so
  failures are acknowledged (`ack_failures`) and the back-off is ours.
- `queue_is_ready()` is the readiness check of the queue, listed in
  `ONTWIKKELPLEIN_READY_CHECKS`: the broker answers and a worker has sent a heartbeat recently.
"""

import ast
import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

RUNNER = "ontwikkelplein.core.jobs.run"
# The keyword that carries a job's `on_give_up` through the queue (not passed to the job).
GIVE_UP = "_on_give_up"
# Minutes to wait after the 1st, 2nd, 3rd ... failed attempt; the last step repeats.
BACKOFF_MINUTES = (1, 5, 15, 60, 240)
DEFAULT_MAX_ATTEMPTS = 5


class JobArgumentError(TypeError):
    """A job's arguments cannot be stored as text (see the module's docstring)."""


def backoff(attempt: int) -> datetime.timedelta:
    """The wait after the `attempt`-th failed attempt (1-based)."""
    step = BACKOFF_MINUTES[min(max(attempt, 1), len(BACKOFF_MINUTES)) - 1]
    return datetime.timedelta(minutes=step)


def is_sync() -> bool:
    """True when jobs run at once in the calling process (`Q_CLUSTER["sync"]`, the test
    settings). django-q2 reads its settings once, into Conf."""
    from django_q.conf import Conf

    return bool(Conf.SYNC)


def _check_literal(args: tuple, kwargs: dict) -> None:
    try:
        text = repr((list(args), kwargs))
        if ast.literal_eval(text) != (list(args), kwargs):
            raise ValueError(text)
    except (ValueError, SyntaxError) as error:
        raise JobArgumentError(
            f"Job arguments must be plain literals (str(uuid), not a UUID or a model): {error}"
        ) from None


def enqueue(
    func: str,
    *args,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    on_give_up: str = "",
    group: str = "",
    **kwargs,
) -> None:
    """Queue `func` (a dotted path) for a worker, once the current transaction commits.
    `on_give_up` (a dotted path) is called with the same arguments when the last attempt has
    failed, e.g. to say so on a progress page.

    With the test settings (`Q_CLUSTER["sync"]`) it runs at once, in this process."""
    _check_literal(args, kwargs)
    import_string(func)  # a wrong path fails here, in the caller, not later in a worker
    if on_give_up:
        import_string(on_give_up)
        kwargs = {**kwargs, GIVE_UP: on_give_up}

    def send():
        _send(func, list(args), kwargs, attempt=1, max_attempts=max_attempts, group=group)

    if is_sync():
        send()
    else:
        transaction.on_commit(send, robust=True)


def _send(func, args, kwargs, *, attempt, max_attempts, group) -> str:
    from django_q.tasks import async_task

    return async_task(
        RUNNER,
        func,
        args,
        kwargs,
        attempt,
        max_attempts,
        group=group or func,
        task_name=f"{func.rsplit('.', 1)[-1]} #{attempt}",
    )


def run(func: str, args: list, kwargs: dict, attempt: int = 1, max_attempts: int = 1):
    """What the worker runs: the job, and on failure its retry (a one-off schedule)."""
    job_kwargs = {key: value for key, value in kwargs.items() if key != GIVE_UP}
    try:
        return import_string(func)(*args, **job_kwargs)
    except Exception:
        if attempt < max_attempts:
            schedule_retry(func, args, kwargs, attempt=attempt, max_attempts=max_attempts)
            logger.warning(
                "Job %s failed (attempt %s of %s); retried in %s",
                func,
                attempt,
                max_attempts,
                backoff(attempt),
                exc_info=True,
            )
        else:
            logger.error("Job %s failed %s times; given up", func, attempt, exc_info=True)
            if kwargs.get(GIVE_UP):
                try:
                    import_string(kwargs[GIVE_UP])(*args, **job_kwargs)
                except Exception:
                    logger.exception("The give-up handler of job %s failed", func)
        raise


def schedule_retry(func, args, kwargs, *, attempt, max_attempts, now=None):
    """Queue attempt `attempt + 1` of a job after the back-off of `attempt` failures."""
    from django_q.models import Schedule

    now = now or timezone.now()
    return Schedule.objects.create(
        name=f"Opnieuw: {func.rsplit('.', 1)[-1]} #{attempt + 1}"[:100],
        func=RUNNER,
        args=repr((func, args, kwargs, attempt + 1, max_attempts)),
        schedule_type=Schedule.ONCE,
        repeats=-1,  # a ONCE schedule with repeats < 0 is deleted once it has run
        next_run=now + backoff(attempt),
    )


# --- Readiness -------------------------------------------------------------------------------


def live_clusters(*, now=None, max_age=None) -> list:
    """The worker clusters whose heartbeat (django-q2's Stat, written to the cache every
    `guard_cycle` seconds and kept for 3) is younger than `max_age` seconds."""
    from django_q.status import Stat

    now = now or timezone.now()
    if max_age is None:
        max_age = getattr(settings, "ONTWIKKELPLEIN_WORKER_HEARTBEAT_SECONDS", 30)
    cutoff = now - datetime.timedelta(seconds=max_age)
    # A stopped cluster's last heartbeat expires from the cache within 3 seconds.
    return [stat for stat in Stat.get_all() if stat.timestamp and stat.timestamp >= cutoff]


def queue_is_ready() -> bool:
    """The readiness check of the queue (for /readyz, `ONTWIKKELPLEIN_READY_CHECKS`).

    False when the broker does not answer (the database or Redis behind it) or when no worker
    cluster has sent a heartbeat in the last `ONTWIKKELPLEIN_WORKER_HEARTBEAT_SECONDS`: then
    imports, exports and e-mail would wait forever. With `sync` (tests) no worker is needed.
    The heartbeat lives in the default cache, so the cache must be shared by the web and worker
    processes (the database cache or Redis; never locmem in production)."""
    from django_q.brokers import get_broker

    broker = get_broker()
    try:
        if not broker.ping():
            return False
        broker.queue_size()  # the ORM broker's ping() is always True: ask the table
    except Exception:
        logger.warning("The job queue does not answer", exc_info=True)
        return False
    if is_sync():
        return True
    try:
        return bool(live_clusters())
    except Exception:
        logger.warning("Cannot read the workers' heartbeat from the cache", exc_info=True)
        return False


queue_is_ready.ready_check_name = "queue"
