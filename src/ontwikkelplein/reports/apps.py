from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ontwikkelplein.reports"
    verbose_name = "Quarterly and yearly reports"

    def ready(self):
        from ontwikkelplein.reports import menu

        menu.register()
