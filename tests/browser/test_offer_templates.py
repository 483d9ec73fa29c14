"""Offer templates in the browser: a library adopts a national template in two clicks,
publishes it, and residents find the offer by a search. axe-core reports nothing on the
template list, the template page, the adopt form (also with errors) and the suggestions."""

import re

from playwright.sync_api import expect

from ontwikkelplein.catalogue import services
from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.catalogue.tests.test_offer_templates import template_fields
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from tests.browser.helpers import assert_no_axe_violations, login, path_of, result_offer_ids

TITLE = "Taalcafé Zonnebloem"


def build():
    utrecht = province("Utrecht")
    library = OrganisationFactory(
        name="Bibliotheek Sjabloonstad", municipalities=[MunicipalityFactory(province=utrecht)]
    )
    location = LocationFactory(organisation=library, name="Bibliotheek Centrum")
    specialist = staff_user(library, Role.SPECIALIST, username="sjabloon-specialist")
    kb = OrganisationFactory(name="KB (test)", kind=OrganisationKind.KB)
    kb_admin = staff_user(kb, Role.KB_ADMIN, username="sjabloon-kb", is_staff=True)
    template = services.create_template(
        kb_admin,
        owner=kb,
        **template_fields(
            title=TITLE,
            summary="Oefen Nederlands praten met buren uit de Zonnebloemwijk.",
        ),
    )
    return specialist, kb_admin, template, location


def test_library_adopts_a_template_publishes_and_residents_find_it(page):
    specialist, kb_admin, template, location = build()
    login(page, specialist)

    page.goto("/beheer/sjablonen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sjablonen"
    assert_no_axe_violations(page, what="template list")

    page.get_by_role("link", name=TITLE, exact=True).click()
    assert path_of(page) == f"/beheer/sjablonen/{template.pk}/"
    assert_no_axe_violations(page, what="template page")

    # Click one: "Overnemen" in the list.
    page.goto("/beheer/sjablonen/")
    page.get_by_role("link", name=re.compile(f"^Overnemen\\W*{TITLE}$")).click()
    assert path_of(page) == f"/beheer/sjablonen/{template.pk}/overnemen/"
    assert_no_axe_violations(page, what="adopt form")

    # Submitting nothing gives the error state, linked to the fields.
    page.get_by_role("button", name="Opslaan en publiceren").click()
    summary = page.locator("#foutmeldingen")
    expect(summary).to_be_visible()
    assert "Kies minstens één." in summary.inner_text()
    assert_no_axe_violations(page, what="adopt form with errors")
    assert not Offer.objects.filter(title=TITLE).exists()

    # Only place, time and contact; click two: "Opslaan en publiceren".
    page.get_by_label(location.name, exact=False).check()
    page.get_by_label("Elke week op").select_option(label="woensdag")
    page.locator("input[name=opens_at]").fill("10:00")
    page.locator("input[name=closes_at]").fill("11:30")
    page.get_by_label("Telefoonnummer").fill("033 123 45 67")
    page.get_by_role("button", name="Opslaan en publiceren").click()
    offer = Offer.objects.get(title=TITLE)
    assert path_of(page) == f"/beheer/aanbod/{offer.pk}/"
    assert offer.status == OfferStatus.PUBLISHED
    assert offer.template_adoption.template == template

    # Residents find it on the public site.
    page.goto("/zoeken/?q=Zonnebloem")
    assert str(offer.pk) in result_offer_ids(page)

    # The KB changes the template: the library sees a suggestion and the comparison.
    services.update_template(kb_admin, template, summary="Praat elke week Nederlands mee.")
    page.goto("/beheer/aanbod/")
    assert "Er is een nieuwe versie van het sjabloon" in page.locator("main").inner_text()
    page.get_by_role("link", name="Bekijk de voorstellen").click()
    assert path_of(page) == "/beheer/sjablonen/suggesties/"
    assert_no_axe_violations(page, what="suggestions page")
    page.get_by_role("link", name=re.compile(f"^Bekijk de verschillen\\W*{TITLE}$")).click()
    assert_no_axe_violations(page, what="suggestion comparison")
    page.get_by_role("button", name="Overnemen", exact=True).click()
    offer.refresh_from_db()
    assert offer.summary == "Praat elke week Nederlands mee."
    assert offer.template_adoption.version == 2


def test_adopt_works_without_javascript(nojs_page):
    specialist, _kb_admin, template, location = build()
    page = nojs_page
    login(page, specialist)
    page.goto(f"/beheer/sjablonen/{template.pk}/overnemen/")
    page.get_by_label(location.name, exact=False).check()
    # Not 1 June: Tweede pinksterdag in 2099, when the library is closed.
    page.get_by_label("Of op een datum").fill("2099-06-03")
    page.locator("input[name=opens_at]").fill("19:00")
    page.locator("input[name=closes_at]").fill("20:30")
    page.get_by_label("E-mailadres").fill("taal@sjabloonstad.example")
    page.get_by_role("button", name="Opslaan als concept").click()
    offer = Offer.objects.get(title=TITLE)
    assert path_of(page) == f"/beheer/aanbod/{offer.pk}/"
    assert offer.status == OfferStatus.DRAFT
    assert offer.offer_locations.get().schedules.get().date.isoformat() == "2099-06-03"


def test_kb_admin_edits_a_template_and_the_form_is_accessible(page):
    _specialist, kb_admin, template, _location = build()
    login(page, kb_admin)

    page.goto("/beheer/sjablonen/nieuw/")
    assert_no_axe_violations(page, what="new template form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#foutmeldingen")).to_be_visible()
    assert_no_axe_violations(page, what="new template form with errors")

    page.goto(f"/beheer/sjablonen/{template.pk}/bewerken/")
    assert_no_axe_violations(page, what="template edit form")
    page.get_by_label("Korte zin (B1)").fill("Praat elke week Nederlands mee.")
    page.get_by_role("button", name="Opslaan").click()
    assert path_of(page) == f"/beheer/sjablonen/{template.pk}/"
    assert "versie 2" in page.locator("main").inner_text()
    template.refresh_from_db()
    assert template.version == 2
