from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "ontwikkelplein.catalogue"
    verbose_name = "Catalogue"
