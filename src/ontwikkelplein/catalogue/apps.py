from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "ontwikkelplein.catalogue"
    verbose_name = "Catalogue"

    def ready(self):
        from ontwikkelplein.catalogue import menu, signals  # noqa: F401  (connects the receivers)

        menu.register()
