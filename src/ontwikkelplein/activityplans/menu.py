"""Activity plans' part of the staff shell (core.menu): the menu entry for the library's staff,
the figures page for the POI and the KB, and the panel of one's own tasks on the staff home."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.activityplans import access, selectors
from ontwikkelplein.core import menu


def tasks_panel(request) -> dict | None:
    today = timezone.localdate()
    tasks = selectors.my_open_tasks(request.user, today)
    if not tasks:
        return None
    return {"tasks": tasks, "today": today}


def register() -> None:
    menu.register_entry(
        menu.MenuEntry(
            menu.STAFF_MENU,
            "activityplans",
            _("Draaiboeken"),
            "activityplans:index",
            access.uses_plans,
            order=45,
        )
    )
    menu.register_entry(
        menu.MenuEntry(
            menu.FIGURES_MENU,
            "activityplans",
            _("Activiteitenplannen"),
            "activityplans:figures",
            access.sees_aggregates,
            order=88,
            description=_("Aantal draaiboeken per bibliotheek en evaluaties per thema"),
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "activityplans-tasks",
            "activityplans/_home_panel.html",
            tasks_panel,
            access.uses_plans,
            35,
        )
    )
