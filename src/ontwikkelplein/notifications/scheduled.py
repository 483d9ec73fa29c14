"""The registry of scheduled tasks: run by the worker through django-q2 schedules (one per task,
created by `manage.py setup_schedules`, see docs/background-work.md) and, as a manual or cron
fallback, all at once by `manage.py run_scheduled_tasks`.

Apps register their periodic work in `AppConfig.ready()`, so this app needs to know none of them
(docs/architecture.md): `register("referral_retention", erase_expired_personal_data, order=50,
every_minutes=60)`. A task takes no arguments, returns something printable (a count or a short
text), is cheap when there is nothing to do and safe to repeat."""

from collections.abc import Callable
from dataclasses import dataclass

# How often a task runs in the worker unless it says otherwise.
DEFAULT_EVERY_MINUTES = 5


@dataclass(frozen=True)
class Task:
    name: str
    func: Callable[[], object]
    order: int
    every_minutes: int = DEFAULT_EVERY_MINUTES


_tasks: dict[str, Task] = {}


def register(
    name: str,
    func: Callable[[], object],
    *,
    order: int = 50,
    every_minutes: int = DEFAULT_EVERY_MINUTES,
) -> None:
    """Add (or replace) a task; lower `order` runs first in `run_scheduled_tasks`, then by name.
    `every_minutes`: how often the worker runs it."""
    if every_minutes < 1:
        raise ValueError("every_minutes must be at least 1")
    _tasks[name] = Task(name, func, order, every_minutes)


def tasks() -> list[Task]:
    return sorted(_tasks.values(), key=lambda task: (task.order, task.name))


def get(name: str) -> Task | None:
    return _tasks.get(name)
