"""The staff shell: menus and home-page panels that apps register, shown per user.

Core imports no domain app, so it cannot know who may use what. Each app registers its own
entries in its AppConfig.ready() with a predicate taking the user; the predicate calls the
SAME access function the view uses (organisations.scoping or the app's own check), so a menu
never shows a link that answers 403.

- register_entry(): a link in a menu. The "staff" menu is the back office's main menu; an app
  may add its own sub-menu (for instance "referrals" or "learning") and a "figures" menu lists
  every figures page (the POI's and the KB's home shows it).
- register_panel(): a block on the staff home ("Mijn werk"), or on another page that shows
  panels (the desk screen shows "desk" panels): a template and a function that returns its
  context, shown when its predicate allows the user. Panels let a page show another app's work
  without importing it (the desk screen lists the referrals assigned to the user). A panel on a
  page about one object (an offer, a course run) takes that object too (`takes_object`):
  `{% panels "offer-staff" offer as offer_panels %}` (the learning materials an offer uses).

Predicates may be stricter than the view (a front-desk employee may open the offer templates
but has no use for them), never more lenient: the browser test crawls every role's menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

STAFF_MENU = "staff"
FIGURES_MENU = "figures"
HOME_PAGE = "home"  # the staff home; an app may show panels on its own page too ("desk")


def everyone(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@dataclass(frozen=True)
class MenuEntry:
    """A link in a menu. `key` is the value of the view's nav context variable (staff_nav
    for the main menu) that marks the entry aria-current="page"."""

    menu: str
    key: str
    label: Any
    url_name: str
    may_use: Callable[[Any], bool] = everyone
    order: int = 100
    badge: str = ""  # name of a context variable holding a count shown beside the label
    description: Any = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class HomePanel:
    """A block on the staff home. `context(request)` returns the panel's context (a dict);
    the panel is left out when it returns None. With `takes_object`, it is
    `context(request, obj)` for the object the page is about."""

    key: str
    template: str
    context: Callable[[Any], dict | None]
    may_use: Callable[[Any], bool] = everyone
    order: int = 100
    page: str = HOME_PAGE
    takes_object: bool = False
    # Also for visitors who are not logged in (a block on a resident page); may_use still asks.
    public: bool = False


@dataclass
class _Registry:
    entries: dict[tuple[str, str], MenuEntry] = field(default_factory=dict)
    panels: dict[str, HomePanel] = field(default_factory=dict)


_registry = _Registry()


def register_entry(entry: MenuEntry) -> MenuEntry:
    """Add (or replace, so a repeated ready() is harmless) an entry of a menu."""
    _registry.entries[(entry.menu, entry.key)] = entry
    return entry


def register_panel(panel: HomePanel) -> HomePanel:
    _registry.panels[panel.key] = panel
    return panel


def all_entries(menu: str = STAFF_MENU) -> list[MenuEntry]:
    return sorted(
        (e for (m, _key), e in _registry.entries.items() if m == menu),
        key=lambda e: (e.order, e.key),
    )


def entries_for(user, menu: str = STAFF_MENU) -> list[MenuEntry]:
    """The entries of `menu` the user may use, in order."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [entry for entry in all_entries(menu) if entry.may_use(user)]


def all_panels(page: str = HOME_PAGE) -> list[HomePanel]:
    return sorted(
        (p for p in _registry.panels.values() if p.page == page), key=lambda p: (p.order, p.key)
    )


def panels_for(user, page: str = HOME_PAGE) -> list[HomePanel]:
    """The panels of `page` the user may use, in order (only public ones for an anonymous
    visitor)."""
    signed_in = getattr(user, "is_authenticated", False)
    return [
        panel for panel in all_panels(page) if (signed_in or panel.public) and panel.may_use(user)
    ]


def render_panels(request, page: str = HOME_PAGE, obj=None) -> list[dict]:
    """The user's panels of `page`, rendered: a list of {"key", "html"}. A panel whose context
    function returns None is left out; `obj` goes to the panels that take an object."""
    rendered = []
    for panel in panels_for(request.user, page):
        context = panel.context(request, obj) if panel.takes_object else panel.context(request)
        if context is not None:
            html = render_to_string(panel.template, context, request=request)
            rendered.append({"key": panel.key, "html": mark_safe(html)})  # noqa: S308
    return rendered
