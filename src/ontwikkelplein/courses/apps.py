from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "ontwikkelplein.courses"
    verbose_name = "Courses"
