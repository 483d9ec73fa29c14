"""The accounts app's part of the staff shell (core.menu): the KB-beheerder's security pages.
Everyone's own security page is linked from the header (templates/base.html)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "security-log",
            _("Beveiligingslogboek"),
            "accounts:security-log",
            scoping.is_kb_admin,
            order=97,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "second-factors",
            _("Tweestapsverificatie"),
            "accounts:factor-list",
            scoping.is_kb_admin,
            order=98,
        )
    )
