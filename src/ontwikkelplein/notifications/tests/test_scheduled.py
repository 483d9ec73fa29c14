"""The scheduled-task registry and the command that runs it."""

import pytest
from django.core.management import CommandError, call_command

from ontwikkelplein.notifications import scheduled

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch):
    """A private registry for the test, so the real tasks stay as they are."""
    monkeypatch.setattr(scheduled, "_tasks", {})
    return scheduled


def test_tasks_run_by_order_then_name(registry, capsys):
    ran = []
    registry.register("b", lambda: ran.append("b") or "B done", order=50)
    registry.register("a", lambda: ran.append("a") or "A done", order=50)
    registry.register("first", lambda: ran.append("first") or 0, order=10)
    call_command("run_scheduled_tasks")
    assert ran == ["first", "a", "b"]
    assert "a: A done" in capsys.readouterr().out


def test_registering_a_name_again_replaces_it(registry):
    registry.register("x", lambda: 1)
    registry.register("x", lambda: 2)
    assert [task.func() for task in registry.tasks()] == [2]


def test_a_failing_task_does_not_stop_the_others(registry, capsys):
    ran = []

    def broken():
        raise RuntimeError("kapot")

    registry.register("broken", broken, order=10)
    registry.register("after", lambda: ran.append("after") or "ok", order=20)
    with pytest.raises(CommandError, match="broken"):
        call_command("run_scheduled_tasks")
    assert ran == ["after"]
    assert "broken: FAILED (RuntimeError: kapot)" in capsys.readouterr().err


def test_the_apps_register_their_tasks():
    names = [task.name for task in scheduled.tasks()]
    assert names[0] == "send_outbox" and names[-1] == "purge_outbox"
    assert "referral_retention" in names
