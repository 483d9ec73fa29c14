from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "ontwikkelplein.desk"
    verbose_name = "Desk"

    def ready(self):
        from ontwikkelplein.desk import menu

        menu.register()
