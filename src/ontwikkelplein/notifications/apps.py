from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _send_outbox() -> str:
    # Looked up at call time, so tests can replace the service.
    from ontwikkelplein.notifications import services

    sent, failed = services.send_due_messages()
    return f"{sent} sent, {failed} failed"


def _purge_outbox() -> str:
    from ontwikkelplein.notifications import services

    return f"{services.purge_old_messages()} old messages deleted"


def _setup_schedules(sender, using="default", **kwargs) -> None:
    """After every migrate: the worker's schedules match the registry (docs/background-work.md)."""
    from django.db import connections
    from django_q.models import Schedule

    from ontwikkelplein.notifications import services

    if Schedule._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated only part of the way
    services.setup_schedules()


class NotificationsConfig(AppConfig):
    name = "ontwikkelplein.notifications"
    verbose_name = "Notifications"

    def ready(self):
        from ontwikkelplein.notifications import menu, scheduled

        menu.register()

        scheduled.register("send_outbox", _send_outbox, order=10, every_minutes=1)
        scheduled.register("purge_outbox", _purge_outbox, order=90, every_minutes=60)
        post_migrate.connect(_setup_schedules, sender=self, dispatch_uid="ontwikkelplein-schedules")
