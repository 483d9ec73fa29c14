from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "ontwikkelplein.materials"
    verbose_name = "Learning materials (productencatalogus)"

    def ready(self):
        from ontwikkelplein.materials import menu

        menu.register()
