"""The notifications' part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations.menu import is_staff_member


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "notifications",
            _("Meldingen"),
            "notifications:list",
            is_staff_member,
            order=95,
            badge="unread_notifications",
        )
    )
