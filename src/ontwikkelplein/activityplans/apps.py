from django.apps import AppConfig


def _remind() -> str:
    from ontwikkelplein.activityplans import services

    return f"{services.remind_tasks()} task reminders"


class ActivityPlansConfig(AppConfig):
    name = "ontwikkelplein.activityplans"
    verbose_name = "Activity plans (draaiboeken)"

    def ready(self):
        from ontwikkelplein.activityplans import menu
        from ontwikkelplein.notifications import scheduled

        menu.register()
        scheduled.register("activityplans_task_reminders", _remind, every_minutes=24 * 60)
