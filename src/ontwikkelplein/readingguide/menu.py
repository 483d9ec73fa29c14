"""The leeswijzer's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "readingguide",
            _("Leeswijzer"),
            "readingguide:desk",
            scoping.is_staff_member,
            order=23,
        )
    )
    # One tap from the desk screen (desk/templates/desk/screen.html lists this menu).
    menu.register_entry(
        menu.MenuEntry(
            "desk-tools",
            "readingguide",
            _("Leeswijzer: welk boek voor welke leeftijd"),
            "readingguide:desk",
            scoping.is_staff_member,
            order=10,
        )
    )
