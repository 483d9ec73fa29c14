"""The wegwijzer's part of the staff shell (core.menu): the referrer's version for everyone with
a role, the KB's back office of the versions, and the figures."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes


def may_refer(user) -> bool:
    """The rule of views/flow.referrer_required."""
    from ontwikkelplein.wayfinder.views.flow import may_refer as rule

    return rule(user)


def may_edit(user) -> bool:
    """The rule of views/staff.kb_required."""
    return scoping.is_kb_admin(user)


def sees_figures(user) -> bool:
    """The rule of views/figures.py."""
    return bool(figure_scopes(user))


def register() -> None:
    for entry in (
        menu.MenuEntry(
            menu.STAFF_MENU, "wayfinder", _("Wegwijzer"), "wayfinder:referrer", may_refer, order=35
        ),
        menu.MenuEntry(
            menu.STAFF_MENU,
            "wayfinder-admin",
            _("Wegwijzer beheren"),
            "wayfinder:versions",
            may_edit,
            order=78,
        ),
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "wayfinder",
            _("Wegwijzer"),
            "wayfinder:figures",
            sees_figures,
            60,
            description=_("Afgeronde paden en onvervulde behoefte per gemeente en thema"),
        ),
    ):
        menu.register_entry(entry)
