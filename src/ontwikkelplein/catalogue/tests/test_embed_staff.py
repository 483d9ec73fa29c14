"""Staff page "Op uw website" (catalogue/views/embed_staff.py): the two snippets, the options,
the live preview, and what it says without a branding. The access rules per role are in
organisations/tests/test_permission_matrix.py."""

import html
import re

import pytest
from django.test import Client

from ontwikkelplein.catalogue.tests.factories import theme
from ontwikkelplein.organisations.models import BrandingScope, Role
from ontwikkelplein.organisations.tests.factories import (
    BrandingFactory,
    OrganisationFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def library():
    return OrganisationFactory(
        name="Bibliotheek Eemland", municipalities=[MunicipalityFactory(name="Amersfoort")]
    )


def snippets(response) -> dict[str, str]:
    found = re.findall(
        r'<textarea[^>]*id="(code-\w+)"[^>]*>([^<]*)</textarea>', response.content.decode()
    )
    return {key: html.unescape(value) for key, value in found}


def test_without_a_branding_the_page_says_what_to_do(library):
    client = client_for(staff_user(library, Role.SPECIALIST))
    response = client.get(f"/beheer/huisstijl/inbedden/{library.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Eerst de huisstijl instellen" in page
    assert 'href="/beheer/huisstijl/"' in page
    assert "<textarea" not in page


def test_the_snippets_and_the_preview(library):
    BrandingFactory(organisation=library, slug="eemland")
    client = client_for(staff_user(library, Role.FRONT_DESK))
    response = client.get(f"/beheer/huisstijl/inbedden/{library.pk}/")
    code = snippets(response)
    assert code["code-script"] == (
        '<script src="http://testserver/inbedden.js" data-organisatie="eemland" data-taal="nl"'
        " async></script>"
    )
    assert code["code-iframe"].startswith(
        '<iframe src="http://testserver/inbedden/eemland/" title="Hulp zoeken bij de bibliotheek"'
    )
    page = response.content.decode()
    assert "Amersfoort" in page  # the scope, in words
    # The preview is the script tag itself; the page may show this site in a frame.
    assert '<script src="/inbedden.js" data-organisatie="eemland" data-taal="nl" async>' in page
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["frame-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"


def test_options_go_into_both_snippets(library):
    BrandingFactory(organisation=library, slug="eemland", scope=BrandingScope.OWN)
    theme("geldzaken")
    client = client_for(staff_user(library, Role.SPECIALIST))
    response = client.get(
        f"/beheer/huisstijl/inbedden/{library.pk}/",
        {"taal": "ar", "zoek": ' "><script>x ', "thema": "geldzaken"},
    )
    code = snippets(response)
    assert 'data-taal="ar"' in code["code-script"]
    assert 'data-zoek="&quot;&gt;&lt;script&gt;x"' in code["code-script"]
    assert 'data-thema="geldzaken"' in code["code-script"]
    assert "taal=ar" in code["code-iframe"] and "thema=geldzaken" in code["code-iframe"]
    assert 'title="ابحث عن مساعدة في المكتبة"' in code["code-iframe"]
    assert "Alleen uw eigen aanbod." in response.content.decode()


def test_bad_options_fall_back_and_never_fail(library):
    BrandingFactory(organisation=library, slug="eemland")
    client = client_for(staff_user(library, Role.SPECIALIST))
    response = client.get(
        f"/beheer/huisstijl/inbedden/{library.pk}/",
        {"taal": "xx", "zoek": "a" * 500, "thema": "bestaat-niet"},
    )
    assert response.status_code == 200
    code = snippets(response)
    assert 'data-taal="nl"' in code["code-script"]
    assert "data-thema" not in code["code-script"] and "data-zoek" not in code["code-script"]


def test_the_index_goes_to_the_own_organisation_or_lets_choose(library):
    user = staff_user(library, Role.SPECIALIST)
    response = client_for(user).get("/beheer/huisstijl/inbedden/")
    assert response.status_code == 200
    assert "Eerst de huisstijl instellen" in response.content.decode()  # its own page
    other = OrganisationFactory(name="Bibliotheek Tweede")
    from ontwikkelplein.organisations.models import Membership

    Membership.objects.create(user=user, organisation=other, role=Role.SPECIALIST)
    page = client_for(user).get("/beheer/huisstijl/inbedden/").content.decode()
    assert "Bibliotheek Eemland" in page and "Bibliotheek Tweede" in page


def test_another_organisations_page_is_a_404(library):
    other = OrganisationFactory()
    BrandingFactory(organisation=other)
    client = client_for(staff_user(library, Role.TEAM_LEADER))
    assert client.get(f"/beheer/huisstijl/inbedden/{other.pk}/").status_code == 404
