"""The needs vocabulary in the browser: a KB-beheerder adds a phrase (first with an error),
and a resident who types it finds the offer. axe-core reports nothing on the list, the form
(also with errors) and the delete confirmation."""

import re

from playwright.sync_api import expect

from ontwikkelplein.catalogue.models import NeedPhrase
from ontwikkelplein.catalogue.tests.factories import OfferFactory, theme
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from tests.browser.helpers import assert_no_axe_violations, login, path_of

TITLE = "Fietsles voor nieuwkomers"


def test_kb_adds_a_phrase_and_residents_find_the_offer(page):
    kb = OrganisationFactory(name="KB (test)", kind=OrganisationKind.KB)
    kb_admin = staff_user(kb, Role.KB_ADMIN, username="woordenlijst-kb")
    OfferFactory(title=TITLE, summary="Leer veilig fietsen in de stad.")
    login(page, kb_admin)

    page.goto("/beheer/")
    page.get_by_role("link", name="Behoeftewoordenlijst").first.click()
    assert path_of(page) == "/beheer/behoeftewoordenlijst/"
    assert_no_axe_violations(page, what="vocabulary list")

    page.get_by_role("link", name="Nieuwe zin").click()
    assert_no_axe_violations(page, what="vocabulary form")
    page.get_by_label("Zo zeggen bewoners het").fill("ik wil leren fietsen")
    page.get_by_role("button", name="Opslaan").click()
    summary = page.locator("#foutmeldingen")
    assert "Vul woorden in het aanbod in" in summary.inner_text()
    assert_no_axe_violations(page, what="vocabulary form with errors")
    assert not NeedPhrase.objects.filter(key="ik wil leren fietsen").exists()

    page.get_by_label("Woorden in het aanbod").fill("fietsles")
    page.get_by_label(theme("persoonlijke-ontwikkeling").name).check()
    page.get_by_role("button", name="Opslaan").click()
    assert path_of(page) == "/beheer/behoeftewoordenlijst/"
    phrase = NeedPhrase.objects.get(key="ik wil leren fietsen")

    page.goto("/beheer/behoeftewoordenlijst/?q=fietsen")
    page.get_by_role("link", name=re.compile("^Verwijderen\\W*ik wil leren fietsen$")).click()
    assert path_of(page) == f"/beheer/behoeftewoordenlijst/{phrase.pk}/verwijderen/"
    assert_no_axe_violations(page, what="delete confirmation")

    page.goto("/zoeken/?q=ik+wil+leren+fietsen")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


def test_automatic_classification_review_suggest_and_word_lists(page):
    """An imported offer classified automatically shows up in its library's review list, where
    a specialist confirms it; the offer form's "Stel thema's voor" ticks suggested themes
    without JavaScript; the KB's word lists. axe-core reports nothing on any of these pages."""
    from ontwikkelplein.catalogue import services
    from ontwikkelplein.catalogue.tests.factories import offer_type
    from ontwikkelplein.organisations.tests.factories import LocationFactory

    library = OrganisationFactory(name="Bibliotheek Indeling")
    LocationFactory(organisation=library, name="Vestiging Indeling")
    specialist = staff_user(library, Role.SPECIALIST, username="indeling-specialist")
    offer = OfferFactory(
        organisation=library,
        title="Digicafé in de bibliotheek",
        summary="Vragen over je telefoon, tablet of computer? Loop binnen.",
        description="Vrijwilligers helpen je met je smartphone en internet.",
        offer_type=offer_type("activiteit"),
    )
    offer.themes.clear()
    offer.target_groups.clear()
    services.classify_offer(offer, offer_type_assumed=True)
    login(page, specialist)

    page.goto("/beheer/")
    page.get_by_role("link", name="Automatisch ingedeeld").first.click()
    assert path_of(page) == "/beheer/automatisch-ingedeeld/"
    expect(page.get_by_role("link", name=offer.title, exact=True)).to_be_visible()
    assert_no_axe_violations(page, what="review list")
    page.get_by_role("button", name=re.compile("^Indeling klopt")).click()
    assert path_of(page) == "/beheer/automatisch-ingedeeld/"
    assert "Er is geen automatisch ingedeeld aanbod" in page.locator("main").inner_text()
    offer.refresh_from_db()
    assert not offer.auto_classified

    page.goto("/beheer/aanbod/nieuw/")
    page.get_by_label("Titel").fill("Hulp bij solliciteren")
    page.get_by_label("Korte zin (B1)").fill("Hulp bij je cv en een sollicitatiebrief.")
    page.get_by_role("button", name="Stel thema's voor").click()
    assert page.get_by_label(theme("werk").name, exact=True).is_checked()
    assert_no_axe_violations(page, what="offer form with suggestions")

    kb = OrganisationFactory(name="KB (indeling)", kind=OrganisationKind.KB)
    page.context.clear_cookies()
    login(page, staff_user(kb, Role.KB_ADMIN, username="indeling-kb"))
    page.goto("/beheer/indeelwoorden/")
    assert_no_axe_violations(page, what="word lists")
    page.get_by_role("link", name=re.compile("^Bewerken\\W*Rekenen$")).click()
    assert_no_axe_violations(page, what="word list form")
