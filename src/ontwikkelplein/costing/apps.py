from django.apps import AppConfig


class CostingConfig(AppConfig):
    name = "ontwikkelplein.costing"
    verbose_name = "Costing calculators"

    def ready(self):
        from ontwikkelplein.costing import menu

        menu.register()
