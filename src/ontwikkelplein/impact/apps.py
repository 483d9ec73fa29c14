from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "ontwikkelplein.impact"
    verbose_name = "Impact"

    def ready(self):
        from ontwikkelplein.impact import menu

        menu.register()
