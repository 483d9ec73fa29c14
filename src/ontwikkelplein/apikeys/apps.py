from django.apps import AppConfig


class ApikeysConfig(AppConfig):
    name = "ontwikkelplein.apikeys"
    verbose_name = "API keys"
