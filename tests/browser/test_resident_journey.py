"""The issue's resident journey: "a resident types 'hulp met DigiD' and the postcode of a demo
town, sees the nearest IDO spreekuur first, opens it, and filters by theme using the keyboard
only"."""

import io
import re

from django.core.management import call_command
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.catalogue.search import rebuild_index
from tests.browser.data import AMERSFOORT_PC4, DIGITAL_GOVERNMENT, build_digid_towns
from tests.browser.helpers import (
    OFFER_LINK,
    assert_no_axe_violations,
    offer_ids,
    path_of,
    result_offer_ids,
    tab_until,
)

THEME_BOX = f"input[type=checkbox][name=thema][value={DIGITAL_GOVERNMENT}]"


def search_from_home(page, words: str, place: str) -> None:
    page.goto("/")
    words_box = page.locator("main input[name=q]")
    place_box = page.locator("main input[name=waar]")
    # Both fields are labelled (found by their label text, not only by name).
    for box in (words_box, place_box):
        expect(box).to_have_count(1)
        expect(box).to_have_accessible_name(re.compile(r"\w{3}"))
    label = words_box.evaluate("el => el.labels.length ? el.labels[0].innerText : ''").strip()
    assert label, "the words field needs a visible <label>"
    page.get_by_label(label, exact=True).fill(words)
    place_box.fill(place)
    with page.expect_navigation():
        place_box.press("Enter")


def check_theme_by_keyboard(page) -> None:
    """Tab (never click) to the theme checkbox, opening a collapsed filter panel on the way."""
    page.locator("body").evaluate("body => document.activeElement && document.activeElement.blur()")
    box = page.locator(THEME_BOX)
    expect(box).to_have_count(1)
    if not box.is_visible():
        summary_text = box.evaluate(
            "el => { const d = el.closest('details'); "
            "return d && !d.open ? d.querySelector('summary').innerText.trim() : ''; }"
        )
        assert summary_text, "the theme checkbox is hidden and not inside a closed <details>"
        tab_until(page, lambda el: el["tag"] == "summary" and el["text"] == summary_text)
        page.keyboard.press("Enter")
    tab_until(
        page, lambda el: el["name"] == "thema" and el["value"] == DIGITAL_GOVERNMENT, max_tabs=200
    )
    page.keyboard.press("Space")
    expect(box).to_be_checked()


def submit_filters_by_keyboard(page) -> None:
    """htmx may already have updated the results (hx-trigger=change, hx-push-url); without it,
    Tab on to the form's submit button and press Enter."""
    try:
        page.wait_for_url(re.compile(f"thema={DIGITAL_GOVERNMENT}"), timeout=3000)
        return
    except PlaywrightTimeout:
        pass
    tab_until(
        page,
        lambda el: (
            el["tag"] in ("button", "input")
            and el["type"] == "submit"
            and "thema" in el["form_names"]
        ),
        max_tabs=200,
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_resident_finds_nearest_ido_spreekuur_and_filters_by_theme_with_keyboard(page):
    towns = build_digid_towns()

    search_from_home(page, "hulp met DigiD", AMERSFOORT_PC4)

    assert "/zoeken/" in page.url
    assert "waar=3811" in page.url
    # Nearest first: Amersfoort (about 0.6 km), the tax help in Vathorst (about 5 km), Breda
    # (about 70 km). Offers without "hulp" and DigiD, and the draft, are not found.
    assert result_offer_ids(page) == offer_ids(
        towns.ido_amersfoort, towns.tax_help, towns.ido_breda
    )
    first_link = page.locator(OFFER_LINK).first
    expect(first_link).to_contain_text(towns.ido_amersfoort.title)
    results_url = page.url

    # Open it with the keyboard.
    first_link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path_of(page) == f"/aanbod/{towns.ido_amersfoort.pk}/"
    expect(page.get_by_role("heading", level=1)).to_contain_text(towns.ido_amersfoort.title)
    expect(page.locator("main")).to_contain_text("Eemplein 71")

    page.go_back()
    assert page.url == results_url
    assert result_offer_ids(page) == offer_ids(
        towns.ido_amersfoort, towns.tax_help, towns.ido_breda
    )

    # Filter by theme, keyboard only.
    check_theme_by_keyboard(page)
    submit_filters_by_keyboard(page)

    expect(page.locator(OFFER_LINK).filter(has_text=towns.tax_help.title)).to_have_count(0)
    assert result_offer_ids(page) == offer_ids(towns.ido_amersfoort, towns.ido_breda)
    assert f"thema={DIGITAL_GOVERNMENT}" in page.url
    assert "waar=3811" in page.url
    expect(page.locator(THEME_BOX)).to_be_checked()


def test_the_same_journey_on_the_demo_data(page):
    # The demo a visitor of `make run` sees: many offers over every theme, real towns.
    call_command("load_demo", stdout=io.StringIO())
    rebuild_index()
    page.goto("/")
    assert_no_axe_violations(page, what="home page with the demo data")

    search_from_home(page, "hulp met DigiD", AMERSFOORT_PC4)
    ids = result_offer_ids(page)
    assert len(ids) >= 2
    first = Offer.objects.select_related("organisation", "programme").get(pk=ids[0])
    assert first.organisation.name == "Bibliotheek Eemland"
    assert first.programme is not None and first.programme.code == "ido"
    assert_no_axe_violations(page, what="demo results for 'hulp met DigiD' near 3811")

    page.locator(OFFER_LINK).first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path_of(page) == f"/aanbod/{first.pk}/"
    assert_no_axe_violations(page, what=f"demo offer page {first.title}")
