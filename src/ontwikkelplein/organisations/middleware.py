"""The public site in an organisation's branding (docs/public-site.md, "Own branding and
address"), at /b/<slug>/ before any resident page or at a host name the installation maps to
the organisation (Branding.host, which must also be in ALLOWED_HOSTS).

Under /b/<slug>/ the prefix is taken off `request.path_info` and made the script prefix for the
request, so Django resolves the page as usual and every address reversed while answering it
(links, form actions, redirects after a post, the QR code on a poster) stays inside the branded
site; `request.path` keeps the prefix, so `get_full_path()` (the language switch's "next") does
too. Staff pages are not shown in a library's branding: asked under the prefix, they are
redirected to their own address (GET) or answered 404 (other methods). An unknown slug is the
ordinary 404 page.

`request.branding` is the Branding (or None); organisations.context_processors gives templates
its stylesheet and logo."""

import re

from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.http.request import split_domain_port
from django.urls import Resolver404, get_script_prefix, resolve, set_script_prefix

from ontwikkelplein.middleware import RESIDENT_URL_NAMES
from ontwikkelplein.organisations import selectors
from ontwikkelplein.organisations.views.branding import SITE_PREFIX

PREFIXED = re.compile(rf"^/{SITE_PREFIX}/(?P<slug>[-a-zA-Z0-9_]+)(?P<rest>/.*)?$", re.DOTALL)
# Besides the resident pages: what they post to or load (the text size, the branding's files).
BRANDED_URL_NAMES = RESIDENT_URL_NAMES | {"core:text-size", "branding:css", "branding:logo"}


def shows_branding(path: str) -> bool:
    """A resident page (or an address that is no page: the 404 page, in the branding)."""
    try:
        match = resolve(path)
    except Resolver404:
        return True
    return match.view_name in BRANDED_URL_NAMES


class BrandedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.branding = None
        found = PREFIXED.match(request.path_info)
        if found:
            branding = selectors.branding_by_slug(found["slug"])
            if branding is not None:
                return self._prefixed(request, branding, found["slug"], found["rest"])
            return self.get_response(request)
        branding = self._by_host(request)
        if branding is not None and shows_branding(request.path_info):
            request.branding = branding
        return self.get_response(request)

    def _prefixed(self, request, branding, slug, rest):
        script = request.META.get("SCRIPT_NAME", "").rstrip("/")
        prefix = f"{script}/{SITE_PREFIX}/{slug}"
        query = request.META.get("QUERY_STRING", "")
        query = f"?{query}" if query else ""
        if not rest:
            return HttpResponsePermanentRedirect(f"{prefix}/{query}")
        if not shows_branding(rest):
            if request.method in ("GET", "HEAD"):
                return HttpResponseRedirect(f"{script}{rest}{query}")
            raise Http404
        request.branding = branding
        request.path_info = rest
        request.META["SCRIPT_NAME"] = prefix
        previous = get_script_prefix()
        set_script_prefix(f"{prefix}/")
        try:
            return self.get_response(request)
        finally:
            set_script_prefix(previous)

    @staticmethod
    def _by_host(request):
        if not selectors.mapped_hosts():
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None  # CommonMiddleware answers it
        domain, _port = split_domain_port(host)
        if domain not in selectors.mapped_hosts():
            return None
        return selectors.branding_by_host(domain)
