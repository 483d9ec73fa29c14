from django.apps import AppConfig


def _send_outbox() -> str:
    # Looked up at call time, so tests can replace the service.
    from ontwikkelplein.notifications import services

    sent, failed = services.send_due_messages()
    return f"{sent} sent, {failed} failed"


def _purge_outbox() -> str:
    from ontwikkelplein.notifications import services

    return f"{services.purge_old_messages()} old messages deleted"


class NotificationsConfig(AppConfig):
    name = "ontwikkelplein.notifications"
    verbose_name = "Notifications"

    def ready(self):
        from ontwikkelplein.notifications import menu, scheduled

        menu.register()

        scheduled.register("send_outbox", _send_outbox, order=10)
        scheduled.register("purge_outbox", _purge_outbox, order=90)
