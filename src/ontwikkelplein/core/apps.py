from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: figures, tabular export, formatting, form rendering, API helpers,
    person details, the public forms' spam guard and documents. Imports no domain app."""

    name = "ontwikkelplein.core"
    verbose_name = "Core"
