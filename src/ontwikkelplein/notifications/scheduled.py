"""The registry of scheduled tasks that `manage.py run_scheduled_tasks` runs.

Apps register their periodic work in `AppConfig.ready()`, so this app needs to know none of them
(docs/architecture.md): `register("referral_retention", erase_expired_personal_data, order=50)`.
A task takes no arguments and returns something printable (a count or a short text)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    name: str
    func: Callable[[], object]
    order: int


_tasks: dict[str, Task] = {}


def register(name: str, func: Callable[[], object], *, order: int = 50) -> None:
    """Add (or replace) a task; lower `order` runs first, then by name."""
    _tasks[name] = Task(name, func, order)


def tasks() -> list[Task]:
    return sorted(_tasks.values(), key=lambda task: (task.order, task.name))
