from django.apps import AppConfig


def _remind() -> str:
    from ontwikkelplein.participation import services

    return f"{services.remind_accounting()} subsidy reminders"


class ParticipationConfig(AppConfig):
    name = "ontwikkelplein.participation"
    verbose_name = "Programme register"

    def ready(self):
        from ontwikkelplein.notifications import scheduled
        from ontwikkelplein.participation import menu

        menu.register()
        scheduled.register("participation_accounting_reminders", _remind, every_minutes=24 * 60)
