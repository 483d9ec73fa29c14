from django.apps import AppConfig


class WayfinderConfig(AppConfig):
    name = "ontwikkelplein.wayfinder"
    verbose_name = "Wayfinder"

    def ready(self):
        from ontwikkelplein.wayfinder import menu

        menu.register()
