from django.apps import AppConfig


class BoekStartConfig(AppConfig):
    name = "ontwikkelplein.boekstart"
    verbose_name = "BoekStart"

    def ready(self):
        from ontwikkelplein.boekstart import menu

        menu.register()
