from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "ontwikkelplein.learning"
    verbose_name = "Learning"

    def ready(self):
        from ontwikkelplein.learning import menu

        menu.register()
