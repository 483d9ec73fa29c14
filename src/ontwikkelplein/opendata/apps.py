from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "ontwikkelplein.opendata"
    verbose_name = "Opendata"

    def ready(self):
        from ontwikkelplein.opendata import menu

        menu.register()
