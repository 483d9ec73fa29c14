"""Keeps docs/architecture.md true: each app imports, in Python and in its templates, only the apps
the block of arrows in that file allows. The rules are read from the doc itself, not from a copy."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "ontwikkelplein"
DOC = ROOT / "docs" / "architecture.md"
TEMPLATE_REFERENCE = re.compile(r"""\{%\s*(?:extends|include)\s+["']([a-z_]+)/""")


def read_rules() -> tuple[dict[str, set[str]], dict[tuple[str, str], set[str]]]:
    """The arrows of the first code block under "Apps and what they may import".

    `x ──► a, b` lets x import a and b; `x ──► nothing` names an app that imports none;
    `demo ──► every app` and `every app ──► core` are the two wildcards; `(admin only: …)`
    after a target limits that import to the app's admin.py."""
    text = DOC.read_text()
    section = text.split("## Apps and what they may import", 1)[1]
    block = section.split("```", 2)[1]
    allowed: dict[str, set[str]] = {}
    restricted: dict[tuple[str, str], set[str]] = {}
    every_app_imports: set[str] = set()
    importers_of_everything: set[str] = set()
    for line in block.strip().splitlines():
        source, _, targets = (part.strip() for part in line.partition("──►"))
        only_admin = "(admin only" in targets
        targets = re.sub(r"\(.*\)", "", targets).strip()
        names = set() if targets == "nothing" else {t.strip() for t in targets.split(",")}
        if source == "every app":
            every_app_imports |= names
            continue
        if names == {"every app"}:
            importers_of_everything.add(source)
            names = set()
        allowed.setdefault(source, set()).update(names)
        if only_admin:
            for name in names:
                restricted[(source, name)] = {"admin.py"}
    for app in importers_of_everything:
        allowed[app] |= set(allowed) - {app}
    for app in allowed:
        allowed[app] |= every_app_imports - {app}
    return allowed, restricted


ALLOWED, RESTRICTED = read_rules()


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


def test_the_rules_are_read_from_the_doc():
    # A doc that lost its block of arrows must not make every other test pass vacuously.
    assert {"core", "catalogue", "demo"} <= set(ALLOWED)
    assert "core" in ALLOWED["desk"] and ALLOWED["core"] == set()
    assert "impact" in ALLOWED["demo"]


def test_every_app_is_in_the_table():
    apps = {p.parent.name for p in SRC.glob("*/apps.py")}
    assert apps == set(ALLOWED), "add new apps to the block of arrows in docs/architecture.md"


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


def test_templates_use_only_what_the_architecture_allows():
    """An app's templates extend or include only its own templates, those of apps it may import,
    and the project's own (base.html and the error pages, which name no app)."""
    wrong = []
    for app, allowed in ALLOWED.items():
        for path in (SRC / app / "templates").rglob("*.html"):
            for other in set(TEMPLATE_REFERENCE.findall(path.read_text())):
                if other in ALLOWED and other != app and other not in allowed:
                    wrong.append(f"{path.relative_to(SRC)} uses {other}/ templates")
    assert wrong == []


def test_core_imports_no_domain_app():
    assert ALLOWED["core"] == set()
