"""Courses' part of the staff shell (core.menu): the main menu entry, the reach figures and the
panel of coming sessions for specialists and team leaders."""

from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import menu
from ontwikkelplein.courses import selectors
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.figures import figure_scopes
from ontwikkelplein.organisations.menu import is_staff_member
from ontwikkelplein.organisations.models import Role

PANEL_ROWS = 8


def sees_reach(user) -> bool:
    """The rule of views/staff.reach (it answers 403 without a scope)."""
    return bool(figure_scopes(user))


def runs_courses(user) -> bool:
    """The library's specialists and team leaders run the courses."""
    return scoping.has_role(user, Role.SPECIALIST, Role.TEAM_LEADER)


def sessions_panel(request) -> dict:
    sessions = selectors.coming_sessions(request.user)
    return {
        "sessions": selectors.mark_closed(sessions[:PANEL_ROWS]),
        "count": sessions.count(),
        # Planned before the location closed that day: the teacher moves or cancels them.
        "closed_day": selectors.closed_day_sessions(selectors.work_runs(request.user)),
    }


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "courses",
            _("Cursussen"),
            "courses:staff-run-list",
            is_staff_member,
            order=40,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "courses",
            _("Bereik van cursussen"),
            "courses:staff-reach",
            sees_reach,
            order=30,
            description=_("Deelnemers, aanwezigheid en uitval"),
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "courses-sessions", "courses/staff/_home_panel.html", sessions_panel, runs_courses, 30
        )
    )
