"""The embed: a library's search box and results on its own website (docs/embedding.md).

`embed` is a small resident page in the organisation's colours and logo that another site shows
in a frame: a search box (a GET form, no JavaScript needed) and the results within the
organisation's scope (Branding.scope), each linking to the offer page on this site. It sets no
cookie (no session, no CSRF token, the language only from ?taal=, see middleware.py), so it works
where browsers block third-party cookies, and keeps the strict Content-Security-Policy; only its
frame-ancestors is opened (core.headers.embeddable).

`embed_script` serves static/ontwikkelplein/embed.js at a stable address (/inbedden.js) for the
script tag libraries paste: static files get hashed names, which a pasted tag cannot follow."""

import hashlib
from dataclasses import replace
from urllib.parse import urlencode

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from ontwikkelplein.catalogue import search as search_engine
from ontwikkelplein.catalogue import selectors
from ontwikkelplein.catalogue.forms import SearchForm
from ontwikkelplein.catalogue.models import Taxonomy
from ontwikkelplein.core.headers import embeddable
from ontwikkelplein.middleware import LANGUAGE_PARAMETER, with_language
from ontwikkelplein.organisations.models import Branding
from ontwikkelplein.organisations.views.branding import logo_url, stylesheet_url

PER_PAGE = 10
SCRIPT = "ontwikkelplein/embed.js"
SCRIPT_MAX_AGE = 3600  # a fixed embed.js reaches every library's site within the hour
# What the embed reads from its address: the words, presets a library may set in its snippet
# (filters), the page. A place and distance are not asked: the scope already is the region.
EMBED_KEYS = ("q", "thema", "doelgroep", "soort", "gratis", "inloop", "dag", "pagina")
FILTER_TAXONOMIES = (Taxonomy.THEME, Taxonomy.TARGET_GROUP, Taxonomy.OFFER_TYPE)


@embeddable
@require_safe
def embed(request, slug: str):
    branding = get_object_or_404(Branding.objects.select_related("organisation"), slug=slug)
    data = request.GET.copy()
    for key in list(data):
        if key not in EMBED_KEYS:
            del data[key]
    form = SearchForm(data, terms=selectors.active_terms(*FILTER_TAXONOMIES))
    form.is_valid()  # never fails as a whole; see SearchForm
    params = form.search_params(per_page=PER_PAGE)
    params = replace(params, scope=selectors.branding_scope(branding), origin=None, radius_km=None)
    results = search_engine.search(params, load=selectors.offers_for_cards)
    if results.total and params.page > results.pages:  # an old link past the end
        params = replace(params, page=results.pages)
        results = search_engine.search(params, load=selectors.offers_for_cards)
    language = translation.get_language()
    here = reverse("catalogue:embed", kwargs={"slug": branding.slug})
    # The snippet's presets (a theme, free only, ...) stay when the resident searches again.
    presets = [(k, v) for k, v in form.query_items() if k != "q"]

    def page_url(page: int) -> str:
        return with_language(f"{here}?{urlencode(form.query_items(page=page))}", language)

    cards = []
    for hit in results.hits:
        offer = hit.offer
        locations = [ol.location for ol in offer.offer_locations.all()]
        cards.append(
            {
                "offer": offer,
                "url": with_language(
                    reverse("catalogue:offer-detail", kwargs={"pk": offer.pk}), language
                ),
                "location": locations[0] if locations else None,
                "more_locations": max(0, len(locations) - 1),
            }
        )
    return render(
        request,
        "catalogue/public/embed.html",
        {
            "branding": branding,
            "embed_path": here,
            "stylesheet_url": stylesheet_url(branding),
            "logo_url": logo_url(branding),
            "form": form,
            "values": form.values,
            "presets": presets,
            "language": language,
            "language_parameter": LANGUAGE_PARAMETER,
            "results": results,
            "cards": cards,
            "first_number": (results.page - 1) * results.per_page + 1,
            "previous_url": page_url(results.page - 1) if results.page > 1 else "",
            "next_url": page_url(results.page + 1) if results.page < results.pages else "",
            "other_languages": _other_languages(request, language),
            "home_url": with_language(reverse("catalogue:home"), language),
        },
    )


def _other_languages(request, current: str) -> list[dict]:
    """Links to this embed in the other resident languages (no switch form: that sets a cookie)."""
    links = []
    for code in getattr(request, "page_languages", [current]):
        if code == current:
            continue
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                "bidi": info["bidi"],
                "url": with_language(request.get_full_path(), code),
            }
        )
    return links


def _script_bytes() -> bytes:
    path = finders.find(SCRIPT)
    if path:
        with open(path, "rb") as file:
            return file.read()
    with staticfiles_storage.open(SCRIPT) as file:  # only the collected copy is deployed
        return file.read()


@require_safe
def embed_script(request):
    body = _script_bytes()
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={SCRIPT_MAX_AGE}"
    # Other sites load it with <script src>: it must not be read as anything else.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
