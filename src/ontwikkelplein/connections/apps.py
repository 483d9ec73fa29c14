from django.apps import AppConfig


class ConnectionsConfig(AppConfig):
    name = "ontwikkelplein.connections"
    verbose_name = "De educatief maatschappelijke bibliotheek in verbinding"

    def ready(self):
        from ontwikkelplein.connections import menu

        menu.register()
