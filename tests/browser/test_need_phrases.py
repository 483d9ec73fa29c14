"""The needs vocabulary in the browser: a KB-beheerder adds a phrase (first with an error),
and a resident who types it finds the offer. axe-core reports nothing on the list, the form
(also with errors) and the delete confirmation."""

import re

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
    assert page.get_by_role("link", name=TITLE).is_visible()
