"""The reports' part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.reports.selectors import uses_reports


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "reports",
            _("Kwartaal- en jaarrapportages"),
            "reports:index",
            uses_reports,
            90,
            description=_(
                "Rapportages met cijfers uit het platform en een tekst per thema, om te delen"
            ),
        )
    )
