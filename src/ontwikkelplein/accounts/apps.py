from django.apps import AppConfig


def _purge_security_log() -> str:
    from ontwikkelplein.accounts import services

    return f"{services.purge_security_log()} old security events deleted"


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
