from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "ontwikkelplein.desk"
    verbose_name = "Desk"
