from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares: figures, tabular export, formatting, form rendering, API helpers,
    person details, the public forms' spam guard and documents. Imports no domain app."""

    name = "ontwikkelplein.core"
    verbose_name = "Core"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from ontwikkelplein.core import menu

        menu.register_entry(
            menu.MenuEntry(
                menu.STAFF_MENU,
                "admin",
                _("Referentiegegevens (Django-beheer)"),
                "admin:index",
                lambda user: bool(getattr(user, "is_staff", False)),
                order=99,
            )
        )
