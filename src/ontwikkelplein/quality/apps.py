from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "ontwikkelplein.quality"
    verbose_name = "Taalhuis quality framework"

    def ready(self):
        from ontwikkelplein.quality import menu

        menu.register()
