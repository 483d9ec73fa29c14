from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "ontwikkelplein.learning"
    verbose_name = "Learning"
