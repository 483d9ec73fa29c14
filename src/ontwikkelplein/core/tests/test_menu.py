"""The staff shell's registry (core.menu) on its own, with made-up entries and panels."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from ontwikkelplein.core import menu


@pytest.fixture
def registry(monkeypatch):
    """A fresh, empty registry for the test (the apps' real entries are left alone)."""
    fresh = menu._Registry()
    monkeypatch.setattr(menu, "_registry", fresh)
    return fresh


def person(*roles):
    return SimpleNamespace(is_authenticated=True, roles=set(roles))


def has(role):
    return lambda user: role in user.roles


def test_entries_are_filtered_per_user_and_ordered(registry):
    menu.register_entry(menu.MenuEntry("staff", "b", "B", "core:staff-home", has("x"), order=20))
    menu.register_entry(menu.MenuEntry("staff", "a", "A", "core:staff-home", has("y"), order=10))
    menu.register_entry(menu.MenuEntry("staff", "c", "C", "core:staff-home", order=30))
    menu.register_entry(menu.MenuEntry("other", "d", "D", "core:staff-home"))

    assert [e.key for e in menu.entries_for(person("x", "y"))] == ["a", "b", "c"]
    assert [e.key for e in menu.entries_for(person("x"))] == ["b", "c"]
    assert [e.key for e in menu.entries_for(person())] == ["c"]
    assert [e.key for e in menu.entries_for(person(), "other")] == ["d"]
    assert menu.entries_for(AnonymousUser()) == []


def test_registering_the_same_key_again_replaces_the_entry(registry):
    menu.register_entry(menu.MenuEntry("staff", "a", "Eerst", "core:staff-home"))
    menu.register_entry(menu.MenuEntry("staff", "a", "Daarna", "core:staff-home"))
    assert [str(e.label) for e in menu.all_entries()] == ["Daarna"]


def test_panels_are_filtered_and_a_panel_without_context_is_left_out(registry, rf):
    menu.register_panel(
        menu.HomePanel("shown", "core/staff/_figures_panel.html", lambda r: {"entries": []})
    )
    menu.register_panel(
        menu.HomePanel("empty", "core/staff/_figures_panel.html", lambda r: None, order=1)
    )
    menu.register_panel(
        menu.HomePanel("hidden", "core/staff/_figures_panel.html", dict, has("z"), order=2)
    )
    menu.register_panel(
        menu.HomePanel("desk", "core/staff/_figures_panel.html", dict, page="desk", order=3)
    )
    request = rf.get("/")
    request.user = person()

    assert [p.key for p in menu.panels_for(request.user)] == ["empty", "shown"]
    assert [p["key"] for p in menu.render_panels(request)] == ["shown"]
    assert [p["key"] for p in menu.render_panels(request, "desk")] == ["desk"]
    assert menu.panels_for(AnonymousUser()) == []


def test_a_panel_about_an_object_gets_it_and_a_public_one_shows_to_visitors(registry, rf):
    seen = []

    def context(request, obj):
        seen.append(obj)
        return {"entries": []}

    menu.register_panel(
        menu.HomePanel(
            "object", "core/staff/_figures_panel.html", context, page="offer", takes_object=True
        )
    )
    menu.register_panel(
        menu.HomePanel(
            "public",
            "core/staff/_figures_panel.html",
            lambda r, obj: {"entries": []},
            lambda user: True,
            page="offer",
            takes_object=True,
            public=True,
        )
    )
    request = rf.get("/")
    request.user = person()
    assert [p["key"] for p in menu.render_panels(request, "offer", "het aanbod")] == [
        "object",
        "public",
    ]
    assert seen == ["het aanbod"]
    request.user = AnonymousUser()
    assert [p["key"] for p in menu.render_panels(request, "offer", "het aanbod")] == ["public"]
    html = Template(
        '{% load staff_menu %}{% panels "offer" thing as found %}{{ found|length }}'
    ).render(Context({"request": request, "thing": "x"}))
    assert html == "1"


def test_the_template_tag_gives_urls_current_keys_and_badges(registry, rf):
    menu.register_entry(
        menu.MenuEntry("staff", "home", "Thuis", "core:staff-home", badge="unread", order=1)
    )
    menu.register_entry(menu.MenuEntry("staff", "never", "Nooit", "core:staff-home", has("q")))
    request = rf.get("/")
    request.user = person()
    html = Template(
        "{% load staff_menu %}{% menu_entries as entries %}"
        "{% for e in entries %}{{ e.key }}={{ e.url }}|{{ e.badge }};{% endfor %}"
    ).render(Context({"request": request, "unread": 3}))
    assert html == "home=/beheer/|3;"
