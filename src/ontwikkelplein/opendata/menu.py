"""Open data's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.opendata import selectors, services
from ontwikkelplein.organisations.menu import works_beyond_desk


def may_export(user) -> bool:
    """views/exports.py answers 403 without a scope to download; front-desk staff have one
    but no use for it (organisations.menu.works_beyond_desk)."""
    if not works_beyond_desk(user):
        return False
    scope = selectors.export_scope(user)
    return bool(scope.everything or scope.region or scope.organisations)


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "import",
            _("Gegevens importeren"),
            "opendata:import",
            services.may_import,
            order=90,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "export",
            _("Aanbod downloaden"),
            "opendata:export",
            may_export,
            order=92,
        )
    )
