"""The branding of the page being answered (organisations/middleware.py) for templates/base.html:
its display name, stylesheet and logo, or nothing."""

from ontwikkelplein.organisations.views.branding import logo_url, site_path, stylesheet_url


def site_branding(request) -> dict:
    branding = getattr(request, "branding", None)
    if branding is None:
        return {}
    return {
        "site_branding": branding,
        "site_branding_css": stylesheet_url(branding),
        "site_branding_logo": logo_url(branding),
        "site_branding_home": site_path(branding),
    }
