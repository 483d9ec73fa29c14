from django.apps import AppConfig


class ReadingGuideConfig(AppConfig):
    name = "ontwikkelplein.readingguide"
    verbose_name = "Leeswijzer"

    def ready(self):
        from ontwikkelplein.readingguide import menu

        menu.register()
