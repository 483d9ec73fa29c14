"""The desk's part of the staff shell (core.menu)."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.desk.recognition_selectors import may_view as may_view_recognise
from ontwikkelplein.desk.screen_selectors import may_use_desk
from ontwikkelplein.organisations.figures import figure_scopes


def sees_figures(user) -> bool:
    """The figures page's own rule (views/figures.py answers 403 without a scope)."""
    return bool(figure_scopes(user))


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(menu.STAFF_MENU, "desk", _("Balie"), "desk:screen", may_use_desk, order=20)
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "recognise",
            _("Herkennen en doorverwijzen"),
            "desk:recognise",
            may_view_recognise,
            order=22,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU, "figures", _("Cijfers"), "desk:figures", sees_figures, order=25
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "desk",
            _("Balieregistraties"),
            "desk:figures",
            sees_figures,
            order=10,
            description=_("Vragen en bezoekers aan de balie"),
        )
    )
