"""The part of "EMB in verbinding" in the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.connections import access
from ontwikkelplein.core import menu


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "connections",
            _("EMB in verbinding"),
            "connections:index",
            access.works_with_connections,
            order=56,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "connections",
            _("EMB in verbinding: programma's"),
            "connections:overview",
            access.sees_counts,
            89,
            description=_("Welke programma's de bibliotheken draaien en hun geplande acties"),
        )
    )
