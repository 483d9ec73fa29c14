"""The branding stylesheet and logo: public, versioned, cached for a year, and unknown ones 404."""

import io

import pytest
from PIL import Image

from ontwikkelplein.core.colour import AA_TEXT, WHITE, branding_tokens, contrast, mix
from ontwikkelplein.organisations.tests.factories import BrandingFactory
from ontwikkelplein.organisations.views.branding import logo_url, stylesheet_url


def test_contrast_follows_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#1a4a8a", WHITE) == pytest.approx(8.79, abs=0.01)
    with pytest.raises(ValueError):
        contrast("blue", WHITE)


def test_tokens_keep_the_contrasts():
    branding = BrandingFactory.build(primary_colour="#6B2C91", accent_colour="#ffd200")
    tokens = branding_tokens(branding)
    assert tokens["--op-color-primary"] == "#6b2c91"
    assert contrast(tokens["--op-color-primary-dark"], WHITE) > contrast("#6b2c91", WHITE)
    assert contrast(tokens["--op-color-primary-light"], "#1b1b1b") >= AA_TEXT
    # Yellow takes black text, dark blue white text.
    assert tokens["--op-brand-on-accent"] == "#000000"
    dark = branding_tokens(BrandingFactory.build(accent_colour="#10305c"))
    assert dark["--op-brand-on-accent"] == WHITE
    assert mix("#000000", "#ffffff", 0.5) == "#808080"


@pytest.mark.django_db
def test_stylesheet_is_public_versioned_and_cached(client):
    branding = BrandingFactory()
    url = stylesheet_url(branding)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "--op-color-primary: #6b2c91;" in response.content.decode()
    assert "max-age=31536000" in response["Cache-Control"]
    branding.primary_colour = "#10305c"
    branding.save()
    assert stylesheet_url(branding) != url
    assert client.get("/huisstijl/onbekend/kleuren-abc.css").status_code == 404


@pytest.mark.django_db
def test_logo_is_served_with_its_type_or_404(client):
    branding = BrandingFactory()
    assert logo_url(branding) == ""
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#6b2c91").save(buffer, "PNG")
    branding.logo, branding.logo_type = buffer.getvalue(), "image/png"
    branding.save()
    response = client.get(logo_url(branding))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == buffer.getvalue()
    assert client.post(logo_url(branding)).status_code in (403, 405)
    assert client.get(f"/huisstijl/{branding.slug}/logo-x/extra").status_code == 404
