from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "ontwikkelplein.needs"
    verbose_name = "The neighbourhood's needs (behoeften in de buurt)"

    def ready(self):
        from ontwikkelplein.needs import menu

        menu.register()
