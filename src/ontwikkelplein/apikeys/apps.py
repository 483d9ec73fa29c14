from django.apps import AppConfig


class ApikeysConfig(AppConfig):
    name = "ontwikkelplein.apikeys"
    verbose_name = "API keys"

    def ready(self):
        # Registers the OpenAPI description of the API-key authentication.
        from ontwikkelplein.apikeys import schema  # noqa: F401
