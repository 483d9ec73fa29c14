"""Searching, filtering and reading an offer work with JavaScript switched off: htmx only
enhances the plain HTML forms and links."""

import re

from playwright.sync_api import expect

from tests.browser.data import AMERSFOORT_PC4, DIGITAL_GOVERNMENT, build_digid_towns
from tests.browser.helpers import OFFER_LINK, offer_ids, path_of, result_offer_ids, reveal

FILTER_FORM = "main form:has(input[name=thema])"
SUBMIT = "button[type=submit], button:not([type]), input[type=submit]"


def test_search_and_filters_work_without_javascript(nojs_page):
    page = nojs_page
    towns = build_digid_towns()
    assert page.evaluate("() => typeof window.htmx") == "undefined"

    # The home page form, submitted with its button.
    page.goto("/")
    home_form = page.locator("main form:has(input[name=q])")
    expect(home_form).to_have_count(1)
    home_form.locator("input[name=q]").fill("hulp met DigiD")
    home_form.locator("input[name=waar]").fill(AMERSFOORT_PC4)
    with page.expect_navigation():
        home_form.locator(SUBMIT).first.click()
    assert "/zoeken/" in page.url
    assert result_offer_ids(page) == offer_ids(
        towns.ido_amersfoort, towns.tax_help, towns.ido_breda
    )

    # The filters on the results page, applied with the form's submit button.
    form = page.locator(FILTER_FORM)
    expect(form).to_have_count(1)
    theme_box = form.locator(f"input[name=thema][value={DIGITAL_GOVERNMENT}]")
    reveal(theme_box)
    theme_box.check()
    with page.expect_navigation():
        form.locator(SUBMIT).last.click()
    assert f"thema={DIGITAL_GOVERNMENT}" in page.url
    assert result_offer_ids(page) == offer_ids(towns.ido_amersfoort, towns.ido_breda)
    # The words and the place are kept when filtering.
    expect(form.locator("input[name=q]")).to_have_value("hulp met DigiD")
    expect(form.locator("input[name=waar]")).to_have_value(AMERSFOORT_PC4)

    # The day filter (ma..zo): on Wednesday only Amersfoort's spreekuur (Breda's is Tuesday).
    wednesday = form.locator("input[name=dag][value=wo]")
    reveal(wednesday)
    wednesday.check()
    with page.expect_navigation():
        form.locator(SUBMIT).last.click()
    assert "dag=wo" in page.url
    assert result_offer_ids(page) == offer_ids(towns.ido_amersfoort)

    # The result opens as an ordinary link.
    with page.expect_navigation():
        page.locator(OFFER_LINK).first.click()
    assert path_of(page) == f"/aanbod/{towns.ido_amersfoort.pk}/"


def test_offer_page_works_without_javascript(nojs_page):
    towns = build_digid_towns()
    response = nojs_page.goto(f"/aanbod/{towns.ido_amersfoort.pk}/")
    assert response.status == 200
    main = nojs_page.locator("main")
    expect(nojs_page.get_by_role("heading", level=1)).to_contain_text(towns.ido_amersfoort.title)
    expect(main).to_contain_text(towns.ido_amersfoort.summary)
    expect(main).to_contain_text("Eemplein 71")
    expect(main).to_contain_text("woensdag")  # the weekly time (weekday 2)
    expect(main).to_contain_text(re.compile(r"10[:.]00"))
    # Drafts are not public.
    response = nojs_page.goto(f"/aanbod/{towns.draft.pk}/")
    assert response.status == 404
