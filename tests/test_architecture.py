"""Keeps docs/architecture.md true: each app imports only the apps the table there allows."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "ontwikkelplein"

ALLOWED = {
    "places": set(),
    "organisations": {"places"},
    "accounts": {"organisations"},
    "catalogue": {"organisations", "places"},
    "apikeys": {"organisations"},
    "desk": {"apikeys", "catalogue", "organisations", "places"},
    "notifications": {"organisations"},
    "referrals": {"apikeys", "catalogue", "desk", "notifications", "organisations", "places"},
    "opendata": {"catalogue", "organisations", "places"},
    "learning": {"notifications", "organisations", "places"},
    "courses": {"catalogue", "notifications", "organisations", "places"},
    "impact": {"catalogue", "courses", "organisations", "places"},
    "demo": {
        "accounts",
        "places",
        "organisations",
        "catalogue",
        "apikeys",
        "desk",
        "notifications",
        "referrals",
        "opendata",
        "learning",
        "courses",
        "impact",
    },
}
# accounts may import organisations only in its admin (the membership inline).
RESTRICTED = {("accounts", "organisations"): {"admin.py"}}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {
        name.split(".")[1]
        for name in names
        if name.startswith("ontwikkelplein.") and name.split(".")[1] in ALLOWED
    }


def test_every_app_is_in_the_table():
    apps = {p.parent.name for p in SRC.glob("*/apps.py")}
    assert apps == set(ALLOWED), "add new apps to docs/architecture.md and ALLOWED"


def test_apps_import_only_what_the_architecture_allows():
    wrong = []
    for app, allowed in ALLOWED.items():
        for path in (SRC / app).rglob("*.py"):
            relative = path.relative_to(SRC / app)
            if relative.parts[0] in {"tests", "migrations"}:
                continue
            for other in imported_apps(path) - {app}:
                files = RESTRICTED.get((app, other))
                if other not in allowed or (files is not None and relative.name not in files):
                    wrong.append(f"{app}/{relative} imports {other}")
    assert wrong == []
