"""The back-office page "Huisstijl": who may use it, the checks on colours, logo and addresses
(service and form), and no input that gives a 500."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from ontwikkelplein.organisations import services
from ontwikkelplein.organisations.models import Branding, Role
from ontwikkelplein.organisations.tests.factories import (
    BrandingFactory,
    OrganisationFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

FIELDS = {
    "display_name": "Bibliotheek Eemland",
    "slug": "bibliotheek-eemland",
    "primary_colour": "#6B2C91",
    "accent_colour": "#ffd200",
    "logo_alt": "",
    "scope": "municipalities",
    "host": "",
}


def picture(fmt="PNG", size=(800, 300), colour="#6b2c91", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, fmt, **save)
    return buffer.getvalue()


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland")


@pytest.fixture
def editor(library):
    return staff_user(library, Role.SPECIALIST)


def page(organisation) -> str:
    return reverse("branding:staff-edit", kwargs={"pk": organisation.pk})


# --- The service ---------------------------------------------------------------------------


def test_saves_and_normalises(editor, library):
    branding = services.save_branding(editor, library, **{**FIELDS, "host": " Hulp.Eemland.NL. "})
    assert branding.primary_colour == "#6b2c91"
    assert branding.host == "hulp.eemland.nl"
    assert branding.organisation == library
    # A second save changes the same branding.
    again = services.save_branding(editor, library, **{**FIELDS, "display_name": "Eemland"})
    assert again.pk == branding.pk
    assert Branding.objects.get().display_name == "Eemland"


@pytest.mark.parametrize(
    ("primary", "message"),
    [
        ("#ffd200", "1,4 : 1, minimaal 4,5 : 1 nodig"),
        ("#777777", "4,4 : 1, minimaal 4,5 : 1 nodig"),  # 4.48 rounded down, not up to 4.5
    ],
)
def test_primary_colour_needs_contrast_with_white(editor, library, primary, message):
    with pytest.raises(ValidationError) as raised:
        services.save_branding(editor, library, **{**FIELDS, "primary_colour": primary})
    assert message in " ".join(raised.value.message_dict["primary_colour"])
    assert not Branding.objects.exists()


def test_accent_must_differ_from_primary(editor, library):
    with pytest.raises(ValidationError) as raised:
        services.save_branding(editor, library, **{**FIELDS, "accent_colour": "#5b2c91"})
    assert "minimaal 3,0 : 1 nodig" in " ".join(raised.value.message_dict["accent_colour"])


@pytest.mark.parametrize("value", ["blue", "#fff", "#12345g", "", "#1234567", "rgb(0,0,0)"])
def test_colour_must_be_six_hex_digits(value):
    with pytest.raises(ValidationError):
        services.clean_colour(value)


@pytest.mark.parametrize(
    "host",
    [
        "https://hulp.nl/",
        "hulp.nl/zoeken",
        "hulp.nl:8000",
        "localhost",
        "-a.nl",
        "a..nl",
        "1.2.3.4",
    ],
)
def test_host_must_be_a_host_name(host):
    with pytest.raises(ValidationError):
        services.clean_host(host)


def test_slug_and_host_are_unique(editor, library):
    BrandingFactory(slug="bibliotheek-eemland", host="hulp.eemland.nl")
    with pytest.raises(ValidationError) as raised:
        services.save_branding(editor, library, **{**FIELDS, "host": "hulp.eemland.nl"})
    assert set(raised.value.message_dict) == {"slug", "host"}


def test_logo_is_reencoded_as_a_small_png_without_metadata(editor, library):
    exif = Image.Exif()
    exif[0x010E] = "geheime beschrijving"
    jpeg = picture("JPEG", (1200, 300), exif=exif.tobytes())
    branding = services.save_branding(
        editor, library, logo=jpeg, **{**FIELDS, "logo_alt": "Logo van Eemland"}
    )
    assert branding.logo_type == "image/png"
    with Image.open(io.BytesIO(bytes(branding.logo))) as stored:
        assert stored.format == "PNG"
        assert stored.size == (400, 100)
        assert not stored.getexif()
    assert b"geheime" not in bytes(branding.logo)


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"GIF89a" + b"\x00" * 40,
        b"\x89PNG\r\n\x1a\n" + b"kapot" * 20,
        b"",
    ],
)
def test_other_files_are_refused_and_nothing_changes(editor, library, data):
    services.save_branding(editor, library, **FIELDS)
    with pytest.raises(ValidationError):
        services.save_branding(
            editor, library, logo=data, **{**FIELDS, "display_name": "Anders", "logo_alt": "x"}
        )
    assert Branding.objects.get().display_name == "Bibliotheek Eemland"


def test_gif_and_tiny_and_huge_pictures_are_refused():
    for data in (picture("GIF"), picture(size=(10, 10))):
        with pytest.raises(ValidationError):
            services.process_logo(data)
    with pytest.raises(ValidationError) as raised:
        services.process_logo(b"x" * (services.LOGO_MAX_BYTES + 1))
    assert "1 MB" in raised.value.messages[0]
    # Many pixels in few bytes (a decompression bomb) is refused before it is decoded.
    with pytest.raises(ValidationError) as raised:
        services.process_logo(picture(size=(6000, 6000), colour="#ffffff", optimize=True))
    assert "beeldpunten" in raised.value.messages[0]


def test_webp_is_accepted():
    assert services.process_logo(picture("WEBP")).startswith(b"\x89PNG")


def test_a_logo_needs_its_text(editor, library):
    with pytest.raises(ValidationError) as raised:
        services.save_branding(editor, library, logo=picture(), **FIELDS)
    assert "logo_alt" in raised.value.message_dict


def test_only_editors_of_the_organisation(library):
    for user in (
        staff_user(library, Role.FRONT_DESK),
        staff_user(OrganisationFactory(), Role.TEAM_LEADER),
    ):
        with pytest.raises(PermissionDenied):
            services.save_branding(user, library, **FIELDS)


# --- The page ------------------------------------------------------------------------------


def test_start_goes_to_the_one_organisation_or_lists_several(client, editor, library):
    client.force_login(editor)
    response = client.get(reverse("branding:staff"))
    assert response.status_code == 200
    assert f'action="{page(library)}"' in response.content.decode()
    other = OrganisationFactory(name="Bibliotheek Zeist")
    editor.memberships.create(organisation=other, role=Role.TEAM_LEADER)
    response = client.get(reverse("branding:staff"))
    assert response.status_code == 200
    assert page(other) in response.content.decode()


def test_front_desk_gets_403_and_no_menu_entry(client, library):
    client.force_login(staff_user(library, Role.FRONT_DESK))
    assert client.get(reverse("branding:staff")).status_code == 403
    assert reverse("branding:staff") not in client.get(reverse("core:staff-home")).content.decode()


def test_page_saves_with_a_logo_and_previews(client, editor, library):
    client.force_login(editor)
    assert reverse("branding:staff") in client.get(reverse("core:staff-home")).content.decode()
    response = client.get(page(library))
    assert response.status_code == 200
    assert 'value="bibliotheek-eemland"' in response.content.decode()  # suggested from the name
    upload = SimpleUploadedFile("logo.png", picture(), content_type="image/png")
    response = client.post(
        page(library), {**FIELDS, "logo": upload, "logo_alt": "Bibliotheek Eemland"}
    )
    assert response.status_code == 302
    branding = Branding.objects.get()
    assert branding.logo and branding.logo_alt == "Bibliotheek Eemland"
    html = client.get(page(library)).content.decode()
    assert "/huisstijl/bibliotheek-eemland/voorbeeld-" in html
    assert "/huisstijl/bibliotheek-eemland/logo-" in html
    assert "http://testserver/b/bibliotheek-eemland/" in html
    assert "style=" not in html.split("<main", 1)[1]
    # The preview stylesheet only colours the preview.
    css = client.get(_preview_href(html)).content.decode()
    assert css.startswith(".op-brand-preview {") and "#6b2c91" in css
    # Removing the logo.
    response = client.post(page(library), {**FIELDS, "remove_logo": "on"})
    assert response.status_code == 302
    assert not Branding.objects.get().logo


def _preview_href(html: str) -> str:
    start = html.index("/huisstijl/bibliotheek-eemland/voorbeeld-")
    return html[start : html.index('"', start)]


def test_page_names_the_contrast_and_changes_nothing(client, editor, library):
    client.force_login(editor)
    response = client.post(page(library), {**FIELDS, "primary_colour": "#ffd200"})
    assert response.status_code == 200
    assert "1,4 : 1, minimaal 4,5 : 1 nodig" in response.content.decode()
    upload = SimpleUploadedFile("logo.svg", b"<svg onload='x'/>", content_type="image/svg+xml")
    response = client.post(page(library), {**FIELDS, "logo": upload, "logo_alt": "x"})
    assert "PNG-, JPEG- of WebP" in response.content.decode()
    assert not Branding.objects.exists()


def test_another_organisation_answers_404_and_a_reader_403(client, library):
    other = OrganisationFactory()
    client.force_login(staff_user(other, Role.SPECIALIST))
    assert client.get(page(library)).status_code == 404
    assert client.post(page(library), FIELDS).status_code == 404
    client.force_login(staff_user(library, Role.FRONT_DESK))
    assert client.get(page(library)).status_code == 403


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            name: st.one_of(st.text(max_size=300), st.sampled_from(["#000000", "", "a-b", "é.nl"]))
            for name in [*services.BRANDING_FIELDS, "remove_logo"]
        },
    ),
    logo=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_no_input_gives_a_500(client, editor, library, data, logo):
    client.force_login(editor)
    data = {key: value.replace("\x00", "") for key, value in data.items()}
    if logo is not None:
        data["logo"] = SimpleUploadedFile("logo.png", logo, content_type="image/png")
    response = client.post(page(library), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Er ging iets mis" not in response.content.decode()
