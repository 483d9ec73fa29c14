from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "ontwikkelplein.organisations"
    verbose_name = "Organisations"
