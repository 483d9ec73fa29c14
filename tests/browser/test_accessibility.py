"""WCAG 2.2 AA in a real browser: axe-core finds zero violations on the resident pages and the
staff offer form (also its error state), at phone and desktop width; the skip link is the first
Tab stop; controls are big enough to tap."""

import pytest
from playwright.sync_api import expect

from tests.browser.data import build_digid_towns, specialist
from tests.browser.helpers import (
    OFFER_LINK,
    active_element,
    assert_no_axe_violations,
    login,
    offer_ids,
    result_offer_ids,
    reveal,
)

VIEWPORTS = ["phone", "desktop"]
OFFER_FORM = "main form[method=post i]:has([name=title])"


def public_urls(towns) -> dict[str, str]:
    return {
        "home": "/",
        "results": "/zoeken/?q=hulp+met+DigiD&waar=3811",
        "nearest first": "/zoeken/?q=hulp+met+DigiD&waar=3811&volgorde=dichtstbij",
        "filtered results": "/zoeken/?q=digid&waar=Amersfoort&afstand=25&thema=digitale-overheid"
        "&soort=spreekuur&gratis=1&inloop=1&dag=wo",
        "no results": "/zoeken/?q=onderwaterfietsen",
        "unknown place": "/zoeken/?q=digid&waar=Nergenshuizen",
        "offer": f"/aanbod/{towns.ido_amersfoort.pk}/",
    }


PUBLIC_PAGES = [
    "home",
    "results",
    "nearest first",
    "filtered results",
    "no results",
    "unknown place",
    "offer",
]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_axe_violations(new_page, viewport, name):
    towns = build_digid_towns()
    page = new_page(viewport)
    response = page.goto(public_urls(towns)[name])
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_no_axe_violations(page, what=f"{name} ({viewport})")


def test_results_updated_by_htmx_have_no_axe_violations(page):
    towns = build_digid_towns()
    page.goto("/zoeken/?q=hulp+met+DigiD&waar=3811")
    theme_box = page.locator("input[name=thema][value=digitale-overheid]")
    reveal(theme_box)
    theme_box.check()
    # htmx swaps the results in place and pushes the new address.
    expect(page.locator(OFFER_LINK).filter(has_text=towns.tax_help.title)).to_have_count(0)
    expect(page.locator(".htmx-request")).to_have_count(0)
    page.wait_for_url("**thema=digitale-overheid**")
    assert result_offer_ids(page) == offer_ids(towns.ido_amersfoort, towns.ido_breda)
    assert_no_axe_violations(page, what="results after a filter change")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_staff_offer_form_has_no_axe_violations_also_with_errors(new_page, viewport):
    page = new_page(viewport)
    login(page, specialist())
    response = page.goto("/beheer/aanbod/nieuw/")
    assert response.status == 200
    form = page.locator(OFFER_FORM)
    expect(form).to_have_count(1)
    assert_no_axe_violations(page, what=f"new offer form ({viewport})")

    # Submit it empty. The browser's own checks (required attributes) would stop the
    # submission before the server sees it; the server's Dutch messages are under test here.
    form.evaluate("form => { form.noValidate = true; }")
    # "Opslaan", not the second button "Stel thema's voor" (which saves nothing).
    submit = form.locator("button[type=submit].utrecht-button--primary-action")
    with page.expect_navigation():
        submit.click()
    assert page.url.endswith("/beheer/aanbod/nieuw/")

    # An error summary links to each invalid field (or its fieldset); each invalid field is
    # described by its message (on the control or on its fieldset).
    invalid = page.locator("main [aria-invalid=true]")
    names = set(invalid.evaluate_all("els => els.map(el => el.name)"))
    assert {"title", "summary", "description"} <= names, names
    unlinked = invalid.evaluate_all(
        """els => {
            const groups = {};
            for (const el of els) (groups[el.name] = groups[el.name] || []).push(el);
            const targets = [...document.querySelectorAll('main a[href^="#"]')]
                .map(a => document.getElementById(a.getAttribute('href').slice(1)))
                .filter(Boolean);
            const linked = group => targets.some(t => group.some(el => t === el || t.contains(el)));
            return Object.entries(groups)
                .filter(([, group]) => !linked(group))
                .map(([name]) => name);
        }"""
    )
    assert unlinked == [], f"no error summary link to: {unlinked}"
    undescribed = invalid.evaluate_all(
        """els => els.filter(el => {
            const holders = [el, el.closest('fieldset, [role=group]')].filter(Boolean);
            return !holders.some(h => (h.getAttribute('aria-describedby') || '').split(/\\s+/)
                .map(id => document.getElementById(id))
                .some(n => n && n.innerText.trim()));
        }).map(el => el.id || el.name)"""
    )
    assert undescribed == [], f"invalid fields without a described error: {undescribed}"
    expect(page.locator("main")).not_to_contain_text("This field is required")
    assert_no_axe_violations(page, what=f"new offer form with errors ({viewport})")


@pytest.mark.parametrize("name", ["home", "results", "offer", "staff form"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, name):
    towns = build_digid_towns()
    if name == "staff form":
        login(page, specialist())
        url = "/beheer/aanbod/nieuw/"
    else:
        url = public_urls(towns)[name]
    page.goto(url)
    page.keyboard.press("Tab")
    focused = active_element(page)
    assert focused["tag"] == "a" and focused["href"] == "#inhoud", focused
    skip_link = page.locator("a[href='#inhoud']").first
    expect(skip_link).to_be_visible()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement === document.querySelector('main')")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"


TAP_TARGETS = """() => [...document.querySelectorAll(
        'button, input[type=submit], input[type=text], input[type=search], input:not([type]),'
        + ' input[type=email], input[type=password], select, .utrecht-button')]
    .filter(el => el.offsetParent !== null)
    .map(el => { const r = el.getBoundingClientRect();
                 return {html: el.outerHTML.slice(0, 120), width: r.width, height: r.height}; })
    .filter(r => r.height < 44 || r.width < 44)"""


@pytest.mark.parametrize("name", ["home", "results", "offer", "staff form"])
def test_phone_buttons_and_fields_are_at_least_44px(phone_page, name):
    towns = build_digid_towns()
    if name == "staff form":
        login(phone_page, specialist())
        url = "/beheer/aanbod/nieuw/"
    else:
        url = public_urls(towns)[name]
    phone_page.goto(url)
    too_small = phone_page.evaluate(TAP_TARGETS)
    assert too_small == [], "tap targets smaller than 44x44 px:\n" + "\n".join(
        f"{t['width']:.0f}x{t['height']:.0f} {t['html']}" for t in too_small
    )


def test_english_pages_have_no_axe_violations(page):
    towns = build_digid_towns()
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(page, what="home page in English")
    page.goto(f"/aanbod/{towns.ido_amersfoort.pk}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(page, what="offer page in English")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_offer_page_with_todays_hours_and_closed_days_has_no_axe_violations(new_page, viewport):
    """Times that never contradict: today's hours, the closed days ahead and a weekly time that
    is skipped on a closed day, all in words, and still axe-clean."""
    import datetime

    from django.utils import timezone

    from ontwikkelplein.organisations.tests.factories import (
        ClosurePeriodFactory,
        OpeningHoursFactory,
    )

    towns = build_digid_towns()
    offer_location = towns.ido_amersfoort.offer_locations.get()
    location = offer_location.location
    for weekday in range(7):
        OpeningHoursFactory(
            location=location,
            weekday=weekday,
            opens_at=datetime.time(0, 0),
            closes_at=datetime.time(23, 59),
        )
    wednesday = timezone.localdate() + datetime.timedelta(
        days=(2 - timezone.localdate().weekday()) % 7 + 7
    )
    ClosurePeriodFactory(
        location=location, start_date=wednesday, end_date=wednesday, reason="studiedag"
    )
    page = new_page(viewport)
    assert page.goto(f"/aanbod/{towns.ido_amersfoort.pk}/").status == 200
    main = page.locator("main")
    expect(main).to_contain_text("Vandaag open tot 23:59")
    expect(main).to_contain_text("(studiedag)")
    expect(main).to_contain_text("is dan gesloten (studiedag).")
    expect(main).not_to_contain_text("Aanmelden")
    assert_no_axe_violations(page, what=f"offer page with closed days ({viewport})")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_location_form_with_closed_days_has_no_axe_violations_also_with_errors(new_page, viewport):
    from ontwikkelplein.organisations.models import Location

    user = specialist()
    location = Location.objects.get(organisation__memberships__user=user)
    page = new_page(viewport)
    login(page, user)
    url = f"/beheer/locaties/{location.pk}/bewerken/"
    assert page.goto(url).status == 200
    expect(page.get_by_role("group", name="Sluitingsdagen")).to_have_count(1)
    expect(page.get_by_role("group", name="Afwijkende openingstijden")).to_have_count(1)
    assert_no_axe_violations(page, what=f"location form ({viewport})")
    page.locator("[name='sluitingsdagen-0-start_date']").fill("2026-08-07")
    page.locator("[name='sluitingsdagen-0-end_date']").fill("2026-07-20")
    form = page.locator("main form[method=post i]")
    form.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("main")).to_contain_text(
        "De laatste dag moet op of na de eerste dag liggen."
    )
    assert_no_axe_violations(page, what=f"location form with errors ({viewport})")
