"""The Taalhuis quality framework in a real browser: a library's specialist fills in a norm,
adds a document and sets the steps (with an error first); the region's POI adviser reads the
file and takes the certificate over into the programme register. axe-core clean on every page,
on a phone and a wide screen, nothing wider than the screen."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    OrganisationFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.participation.models import Participation
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.quality.models import Attachment, NormAnswer
from tests.browser.helpers import assert_fits, assert_no_axe_violations, login


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(name="POI Utrecht", provinces=[utrecht])
    library = OrganisationFactory(
        name="Bibliotheek Heuvelrug", municipalities=[MunicipalityFactory(province=utrecht)]
    )
    return {
        "library": library,
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "specialist": staff_user(library, Role.SPECIALIST),
    }


def fits(page, width):
    assert_fits(page, width)


@pytest.mark.parametrize("viewport, width", [("phone", 390), ("desktop", 1366)])
def test_self_evaluation_written_by_the_library_and_read_by_the_poi(
    new_page, world, viewport, width, tmp_path
):
    page = new_page(viewport)
    login(page, world["specialist"])
    page.goto("/beheer/kwaliteitskader/")
    page.get_by_role("link", name="Bibliotheek Heuvelrug").click()
    expect(page.get_by_role("heading", name="Kwaliteitskader Taalhuis", level=1)).to_be_visible()
    expect(
        page.get_by_role("heading", name="7. Rechtmatig omgaan met persoonsgegevens")
    ).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the self-evaluation")

    page.get_by_role("link", name="Invullen en documenten toevoegen bij Samenwerking").click()
    page.get_by_label("Deels").check()
    page.get_by_label("Toelichting van het Taalhuis").fill("Afspraken met welzijn en het ROC.")
    fits(page, width)
    assert_no_axe_violations(page, what="a norm's form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Je antwoord bij deze norm is opgeslagen.")).to_be_visible()
    assert NormAnswer.objects.get().score == "partly"

    page.get_by_role("link", name="Invullen en documenten toevoegen bij Samenwerking").click()
    plan = tmp_path / "overeenkomst.pdf"
    plan.write_bytes(b"%PDF-1.4\n%test\n")
    page.get_by_label("Titel van het document").fill("Samenwerkingsovereenkomst")
    page.get_by_label("Bestand").set_input_files(str(plan))
    page.get_by_role("button", name="Document toevoegen").click()
    expect(page.get_by_text("Het document is toegevoegd.")).to_be_visible()
    expect(page.get_by_role("link", name="Samenwerkingsovereenkomst")).to_be_visible()
    assert Attachment.objects.count() == 1

    page.get_by_role("link", name="Terug naar het kwaliteitskader").click()
    page.get_by_role("link", name="Stappen en jaar aanpassen").click()
    today = timezone.localdate()
    page.get_by_label("Intake", exact=True).fill((today - datetime.timedelta(days=100)).isoformat())
    page.get_by_label("Audit", exact=True).fill((today - datetime.timedelta(days=200)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(
        page.get_by_text("Deze stap kan niet eerder zijn dan de stap ervoor.").first
    ).to_be_visible()
    fits(page, width)
    assert_no_axe_violations(page, what="the steps with an error")
    page.get_by_label("Audit", exact=True).fill((today - datetime.timedelta(days=40)).isoformat())
    page.get_by_label("Certificaat", exact=True).fill(
        (today - datetime.timedelta(days=5)).isoformat()
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De stappen van de certificering zijn opgeslagen.")).to_be_visible()

    adviser = new_page(viewport)
    login(adviser, world["adviser"])
    adviser.goto("/beheer/kwaliteitskader/")
    fits(adviser, width)
    assert_no_axe_violations(adviser, what="the region's Taalhuizen")
    adviser.get_by_role("link", name="Bibliotheek Heuvelrug").click()
    expect(adviser.get_by_text("Afspraken met welzijn en het ROC.")).to_be_visible()
    expect(
        adviser.get_by_role("link", name="Invullen en documenten toevoegen bij Samenwerking")
    ).to_have_count(0)
    fits(adviser, width)
    assert_no_axe_violations(adviser, what="the self-evaluation read by the POI")
    adviser.get_by_role("button", name="Neem over in het programmaregister").click()
    expect(adviser.get_by_text("Het programmaregister is bijgewerkt.")).to_be_visible()
    entry = Participation.objects.get(organisation=world["library"], scheme__code="taalhuis")
    assert entry.certification_step == "certificate"
