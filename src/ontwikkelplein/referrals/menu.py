"""Referrals' part of the staff shell (core.menu): the main menu entry, the section's own menu,
the figures entry, the panel of the staff home (open referrals with their deadlines) and the
desk screen's panel (the referrals assigned to the user)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.referrals import selectors
from ontwikkelplein.referrals.models import Status

MENU = "referrals"
PANEL_ROWS = 8


def handles_referrals(user) -> bool:
    """The rule of views/staff.referral_staff_required."""
    return bool(selectors.working_organisation_ids(user))


def sees_figures(user) -> bool:
    """The rule of views/figures.py."""
    return bool(figure_scopes(user))


def may_change_settings(user) -> bool:
    """The rule of views/staff.settings_view: a team leader of an organisation."""
    return bool(selectors.settings_organisation_ids(user))


def _decorated(referrals, today):
    rows = list(referrals)
    for referral in rows:
        referral.overdue = selectors.is_overdue(referral, today)
    return rows


def inbox_panel(request) -> dict:
    """Per organisation the user works for: the open referrals it received (urgent first, then
    the earliest deadline), how many are new, overdue and assigned to the user."""
    user = request.user
    today = timezone.localdate()
    organisations = Organisation.objects.filter(
        pk__in=selectors.working_organisation_ids(user)
    ).order_by("name")
    boxes = []
    for organisation in organisations:
        open_referrals = selectors.inbox(user, organisation, state="open", today=today)
        boxes.append(
            {
                "organisation": organisation,
                "open_count": open_referrals.count(),
                "new_count": open_referrals.filter(status=Status.NEW).count(),
                "overdue_count": selectors.inbox(
                    user, organisation, state="overdue", today=today
                ).count(),
                "mine_count": open_referrals.filter(assigned_to=user).count(),
                "referrals": _decorated(open_referrals[:PANEL_ROWS], today),
            }
        )
    return {"boxes": boxes, "several": len(boxes) > 1}


def assigned_panel(request) -> dict:
    """The open referrals assigned to the user, in every organisation they work for."""
    user = request.user
    today = timezone.localdate()
    referrals = selectors.assigned_to(user)
    return {"referrals": _decorated(referrals[:PANEL_ROWS], today), "count": referrals.count()}


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "referrals",
            _("Doorverwijzingen"),
            "referrals:staff-inbox",
            handles_referrals,
            order=30,
        )
    )
    for entry in (
        menu.MenuEntry(
            MENU, "inbox", _("Ontvangen"), "referrals:staff-inbox", handles_referrals, 10
        ),
        menu.MenuEntry(MENU, "sent", _("Verstuurd"), "referrals:staff-sent", handles_referrals, 20),
        menu.MenuEntry(
            MENU, "new", _("Nieuwe doorverwijzing"), "referrals:staff-create", handles_referrals, 30
        ),
        menu.MenuEntry(MENU, "figures", _("Cijfers"), "referrals:figures", sees_figures, 40),
        menu.MenuEntry(
            MENU,
            "settings",
            _("Instellingen"),
            "referrals:staff-settings",
            may_change_settings,
            50,
        ),
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "referrals",
            _("Doorverwijzingen"),
            "referrals:figures",
            sees_figures,
            20,
            description=_("Verstuurd, ontvangen, op tijd opgepakt en de uitkomst"),
        ),
    ):
        menu.register_entry(entry)
    menu.register_panel(
        menu.HomePanel(
            "referrals", "referrals/staff/_home_panel.html", inbox_panel, handles_referrals, 10
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "referrals-assigned",
            "referrals/staff/_assigned_panel.html",
            assigned_panel,
            handles_referrals,
            10,
            page="desk",
        )
    )
