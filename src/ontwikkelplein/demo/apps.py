from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ontwikkelplein.demo"
    verbose_name = "Demo"
