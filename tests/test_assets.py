"""scripts/select-utrecht-css.mjs: resident pages get only the Utrecht component rules for the
classes the site uses (docs/performance.md "Light pages")."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "select-utrecht-css.mjs"
BUNDLE = """@charset "UTF-8";
/** @license EUPL-1.2 { not a rule } */
.utrecht-button { color: red; }
.utrecht-button--primary-action { color: blue; }
.utrecht-accordion { color: green; }
.utrecht-button:focus:not(.utrecht-button--disabled) { outline: 2px solid; }
.utrecht-rich-text .utrecht-heading-1 { margin: 0; }
.utrecht-heading-2, .utrecht-accordion__panel { font-weight: 700; }
.utrecht-heading-3 { font-size: 1.5rem; }
.utrecht-table__cell:has(.utrecht-button) { padding: 0; }
@media (min-width: 40rem) { .utrecht-accordion { gap: 1rem; } }
@media screen { .utrecht-button { content: "}"; } .utrecht-accordion { gap: 0; } }
@keyframes utrecht-fade { from { opacity: 0; } to { opacity: 1; } }
:where(.utrecht-root) :where(:focus-visible) { outline: auto; }
"""


def select(tmp_path: Path, templates: dict[str, str], bundle: str = BUNDLE) -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: `make assets` needs it (README.md)", pytrace=False)
    package = tmp_path / "component-library-css"
    (package / "dist").mkdir(parents=True)
    (package / "dist" / "index.css").write_text(bundle)
    (package / "package.json").write_text(
        '{"name": "@utrecht/component-library-css", "version": "9.0.4", "license": "EUPL-1.2"}'
    )
    source = tmp_path / "src"
    for name, text in templates.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text)
    out = tmp_path / "utrecht.css"
    subprocess.run(
        [node, str(SCRIPT), str(package / "dist" / "index.css"), str(source), str(out)],
        check=True,
        capture_output=True,
    )
    return out.read_text()


def test_only_rules_for_used_classes_are_kept_in_the_bundles_order(tmp_path):
    css = select(
        tmp_path,
        {
            "app/templates/page.html": (
                '<button class="utrecht-button utrecht-button--primary-action">'
                '<td class="utrecht-table__cell">'
            ),
            # A class built in a template counts as a prefix: every heading level.
            "app/templates/heading.html": '<h2 class="utrecht-heading-{{ level }}">',
            # Tests and the vendor folder are not the site.
            "app/tests/test_page.py": 'assert "utrecht-accordion" in html',
            "static/vendor/utrecht/utrecht.css": ".utrecht-accordion {}",
        },
    )
    rules = [line for line in css.splitlines() if not line.startswith("/*!")]
    assert rules == [
        '@charset "UTF-8";',
        ".utrecht-button{color: red;}",
        ".utrecht-button--primary-action{color: blue;}",
        # A class inside :not() need not be on the element.
        ".utrecht-button:focus:not(.utrecht-button--disabled){outline: 2px solid;}",
        # One selector of the list that can match keeps the rule.
        ".utrecht-heading-2, .utrecht-accordion__panel{font-weight: 700;}",
        ".utrecht-heading-3{font-size: 1.5rem;}",
        ".utrecht-table__cell:has(.utrecht-button){padding: 0;}",
        # An at-rule keeps only its rules that can match, and goes when none is left.
        "@media screen{",
        '.utrecht-button{content: "}";}',
        "}",
        "@keyframes utrecht-fade{from{opacity: 0;}to{opacity: 1;}}",
        ":where(.utrecht-root) :where(:focus-visible){outline: auto;}",
    ]
    assert "@license" not in css  # comments go; the header names the package and its licence
    assert css.startswith("/*! @utrecht/component-library-css 9.0.4, EUPL-1.2")


def test_a_site_that_uses_no_utrecht_class_fails_the_build(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failure:
        select(tmp_path, {"app/templates/page.html": '<p class="op-lead">'})
    assert b"no rule of the bundle matches" in failure.value.stderr


def test_a_bundle_that_is_not_css_fails_the_build(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failure:
        select(tmp_path, {"page.html": 'class="utrecht-button"'}, bundle=".utrecht-button { x")
    assert b"unbalanced" in failure.value.stderr


def test_the_built_stylesheet_has_what_the_templates_use():
    built = ROOT / "src/ontwikkelplein/static/vendor/utrecht/utrecht.css"
    if not built.exists():
        pytest.fail("Run `make assets` first (static/vendor is built, not in git)", pytrace=False)
    css = built.read_text()
    for selector in (".utrecht-button{", ".utrecht-form-field{", ".utrecht-skip-link{"):
        assert selector in css
    # Components no template uses are left out.
    for selector in (".utrecht-accordion{", ".utrecht-calendar", ".utrecht-digid-button"):
        assert selector not in css
