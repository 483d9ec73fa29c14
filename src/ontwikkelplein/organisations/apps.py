from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "ontwikkelplein.organisations"
    verbose_name = "Organisations"

    def ready(self):
        from ontwikkelplein.organisations import menu

        menu.register()
