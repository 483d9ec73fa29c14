from django.apps import AppConfig


class OverviewConfig(AppConfig):
    name = "ontwikkelplein.overview"
    verbose_name = "Overview (overzicht)"

    def ready(self):
        from ontwikkelplein.overview import menu, signals

        menu.register()
        signals.connect()
