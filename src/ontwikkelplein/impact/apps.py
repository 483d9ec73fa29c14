from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "ontwikkelplein.impact"
    verbose_name = "Impact"
