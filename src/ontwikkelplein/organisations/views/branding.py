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


def stylesheet_url(branding: Branding) -> str:
    return reverse("branding:css", kwargs={"slug": branding.slug, "version": version(branding)})


def logo_url(branding: Branding) -> str:
    if not branding.logo:
        return ""
    return reverse("branding:logo", kwargs={"slug": branding.slug, "version": version(branding)})


@require_safe
@cache_control(public=True, max_age=YEAR, immutable=True)
def stylesheet(request, slug: str, version: str):
    branding = get_object_or_404(Branding, slug=slug)
    lines = [f"  {name}: {value};" for name, value in branding_tokens(branding).items()]
    css = ":root {\n" + "\n".join(lines) + "\n}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=YEAR, immutable=True)
def logo(request, slug: str, version: str):
    branding = get_object_or_404(Branding, slug=slug)
    if not branding.logo or not branding.logo_type:
        raise Http404
    response = HttpResponse(bytes(branding.logo), content_type=branding.logo_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
