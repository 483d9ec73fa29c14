"""The demo library's branding: valid by the page's own checks, its logo a real PNG, its site
answers, and loading it again changes nothing."""

import io

import pytest
from PIL import Image

from ontwikkelplein.demo.branding import demo_logo, load_brandings
from ontwikkelplein.organisations import services
from ontwikkelplein.organisations.models import Branding
from ontwikkelplein.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_demo_branding_passes_the_checks_and_shows(client):
    orgs = {"eemland": OrganisationFactory(name="Bibliotheek Eemland")}
    load_brandings(orgs)
    branding = Branding.objects.get()
    fields = {name: getattr(branding, name) for name in services.BRANDING_FIELDS}
    assert services.validate_branding(fields)["slug"] == "bibliotheek-eemland"
    with Image.open(io.BytesIO(bytes(branding.logo))) as logo:
        assert logo.format == "PNG"
        assert logo.width <= services.LOGO_BOX[0] and logo.height <= services.LOGO_BOX[1]
    assert demo_logo() == bytes(branding.logo)  # the same bytes every run
    stamp = branding.updated_at
    load_brandings(orgs)
    assert Branding.objects.get().updated_at == stamp
    Branding.objects.update(primary_colour="#ffd200")
    load_brandings(orgs)
    assert Branding.objects.get().primary_colour == "#00587c"
    html = client.get("/b/bibliotheek-eemland/").content.decode()
    assert 'alt="Bibliotheek Eemland"' in html
