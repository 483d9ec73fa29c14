"""Helpers for the browser tests: axe-core, logging in, keyboard navigation."""

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent.parent
AXE_JS = REPO_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Zero violations for WCAG 2.0/2.1/2.2 A and AA, and for axe's best practices (landmarks, one
# h1, heading order, unique landmarks): the project promises those too.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSWORD = "geheim-wachtwoord-123"  # UserFactory's password


def assert_no_axe_violations(page, *, tags=AXE_TAGS, what: str = "") -> None:
    """Runs axe-core on the whole document and fails with every violation: rule id, impact,
    help text and the offending nodes. The page needs JavaScript (axe is injected)."""
    # A click that submits a form returns once the new document is committed, before its
    # stylesheets have loaded; measured unstyled, targets look too small (target-size).
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as a <script> tag: the pages'
        # Content-Security-Policy allows no inline script, and the test must not relax it.
        page.evaluate(f"() => {{\n{_axe_source()}\n}}")
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                    resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html,
                                          summary: n.failureSummary})),
            }));
        }""",
        tags,
    )
    if violations:
        lines = [f"axe-core found {len(violations)} violation(s) on {what or page.url}:"]
        for v in violations:
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
            for node in v["nodes"]:
                lines.append(f"    at {node['target']}: {node['html'][:200]}")
                for summary_line in (node["summary"] or "").splitlines():
                    lines.append(f"      {summary_line}")
        pytest.fail("\n".join(lines), pytrace=False)


@functools.cache
def _axe_source() -> str:
    return AXE_JS.read_text()


def login(page, user, password: str = PASSWORD) -> None:
    """Logs in through the real login page (/account/inloggen/)."""
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    assert "/account/inloggen/" not in page.url, f"login failed for {user.username}"


def active_element(page) -> dict:
    """Tag, id, name, value, type, href, class, text and the names of its form's fields
    (`form_names`) of the focused element."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return {};
            return {tag: el.tagName.toLowerCase(), id: el.id || '', name: el.name || '',
                    value: el.value || '', type: el.type || '', href: el.getAttribute('href') || '',
                    cls: el.className || '', text: (el.innerText || '').trim(),
                    form_names: el.form ? [...el.form.elements].map(e => e.name).filter(Boolean)
                                        : []};
        }"""
    )


def tab_until(page, is_target: Callable[[dict], bool], max_tabs: int = 150) -> dict:
    """Presses Tab until the focused element satisfies `is_target`; fails if it never does.
    Returns the focused element's description (see active_element)."""
    seen = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        element = active_element(page)
        if is_target(element):
            return element
        seen.append(element)
    described = json.dumps(seen[-10:], ensure_ascii=False)[:1500]
    pytest.fail(f"Tab never reached the element; last stops: {described}", pytrace=False)


OFFER_LINK = "main a[href*='/aanbod/']"
UUID_RE = re.compile(r"/aanbod/([0-9a-f-]{36})/")


def result_offer_ids(page) -> list[str]:
    """The offers linked from the main region, in page order, each once."""
    ids = []
    for href in page.locator(OFFER_LINK).evaluate_all("links => links.map(a => a.href)"):
        match = UUID_RE.search(href)
        if match and match.group(1) not in ids:
            ids.append(match.group(1))
    return ids


def offer_ids(*offers) -> list[str]:
    return [str(offer.pk) for offer in offers]


def reveal(locator) -> None:
    """Opens the collapsed <details> (a filter group) around `locator` by clicking its summary,
    as a person would; works with and without JavaScript."""
    if locator.is_visible():
        return
    summary = locator.locator("xpath=ancestor::details[not(@open)][1]/summary")
    assert summary.count() == 1, "the element is hidden and not inside a closed <details>"
    summary.click()
    assert locator.is_visible()


def path_of(page) -> str:
    return urlsplit(page.url).path


_WIDER_THAN = """(width) => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const right = Math.round(el.getBoundingClientRect().right);
    const name = `${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""}`;
    if (right > width) out.push(`${name} ${right}px`);
  }
  return out.slice(0, 8);
}"""


def assert_fits(page, width: int) -> None:
    """Nothing on the page is wider than the screen. Waits for the page's load event first: a
    layout read while a stylesheet is still on its way (a loaded CI machine) measures the page
    unstyled. On failure it names the elements that stick out."""
    page.wait_for_load_state("load")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (
        f"{path_of(page)} is {scroll_width}px wide on a {width}px screen: "
        f"{page.evaluate(_WIDER_THAN, width)}"
    )
