from django.apps import AppConfig


def _purge_security_log() -> str:
    from ontwikkelplein.accounts import services

    return f"{services.purge_security_log()} old security events deleted"


def _clear_expired_sessions() -> str:
    # Ended sessions (idle time, browser closed) stay in the table until removed.
    from importlib import import_module

    from django.conf import settings

    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    return "expired sessions removed"


class AccountsConfig(AppConfig):
    name = "ontwikkelplein.accounts"
    verbose_name = "Accounts"

    def ready(self):
        from ontwikkelplein.accounts import checks, menu, signals  # noqa: F401
        from ontwikkelplein.notifications import scheduled

        menu.register()
        scheduled.register(
            "security_log_retention", _purge_security_log, order=60, every_minutes=60
        )
        scheduled.register(
            "clear_expired_sessions", _clear_expired_sessions, order=70, every_minutes=24 * 60
        )
