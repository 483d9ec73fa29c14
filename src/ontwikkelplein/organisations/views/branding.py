"""An organisation's branding as files the resident pages and the embed load: its colours as a
small stylesheet (the strict Content-Security-Policy allows no inline styles) and its logo. Both
are public, carry a version in their address and are cached for a year."""

import hashlib

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from ontwikkelplein.core.colour import branding_tokens
from ontwikkelplein.organisations.models import Branding

YEAR = 365 * 24 * 3600


def version(branding: Branding) -> str:
    """Changes whenever the branding does, so a new colour or logo is never served from a cache."""
    stamp = f"{branding.pk}:{branding.updated_at.isoformat()}"
    return hashlib.sha256(stamp.encode()).hexdigest()[:12]


# The branded site: /b/<slug>/ before any resident page (organisations/middleware.py).
SITE_PREFIX = "b"


def site_path(branding: Branding) -> str:
    """Where the organisation's branded site starts, without the host."""
    return f"/{SITE_PREFIX}/{branding.slug}/"


def stylesheet_url(branding: Branding) -> str:
    return reverse("branding:css", kwargs={"slug": branding.slug, "version": version(branding)})


def preview_stylesheet_url(branding: Branding) -> str:
    return reverse(
        "branding:preview-css", kwargs={"slug": branding.slug, "version": version(branding)}
    )


def logo_url(branding: Branding) -> str:
    if not branding.logo:
        return ""
    return reverse("branding:logo", kwargs={"slug": branding.slug, "version": version(branding)})


def _css(selector: str, branding: Branding) -> HttpResponse:
    lines = [f"  {name}: {value};" for name, value in branding_tokens(branding).items()]
    css = selector + " {\n" + "\n".join(lines) + "\n}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=YEAR, immutable=True)
def stylesheet(request, slug: str, version: str):
    """Linked after tokens.css, which sets the tokens on the body (.ontwikkelplein-theme): the
    same selector later in the page wins, and the Utrecht tokens made from them follow."""
    return _css(".ontwikkelplein-theme", get_object_or_404(Branding, slug=slug))


@require_safe
@cache_control(public=True, max_age=YEAR, immutable=True)
def preview_stylesheet(request, slug: str, version: str):
    """The same colours for the preview on the back-office page only (staff.css,
    .op-brand-preview), so the rest of that page keeps the site's own."""
    return _css(".op-brand-preview", get_object_or_404(Branding, slug=slug))


@require_safe
@cache_control(public=True, max_age=YEAR, immutable=True)
def logo(request, slug: str, version: str):
    branding = get_object_or_404(Branding, slug=slug)
    if not branding.logo or not branding.logo_type:
        raise Http404
    response = HttpResponse(bytes(branding.logo), content_type=branding.logo_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
