"""Project-wide middleware."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import QueryDict
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

# ?taal=ar: a shared link opens in the language it was shared in (docs/public-site.md, "Talen").
LANGUAGE_PARAMETER = "taal"

# The pages residents see, by URL name. Every other page is for staff or partners and is only in
# settings.STAFF_LANGUAGES. An address that resolves to nothing is a resident's 404 page.
RESIDENT_URL_NAMES = frozenset(
    {
        "catalogue:home",
        "catalogue:search",
        "catalogue:offer-detail",
        "catalogue:offer-poster",
        "catalogue:offer-cards",
        "wayfinder:start",
        "wayfinder:finish",
        "wayfinder:result",
        "referrals:help",
        "referrals:help-sent",
        "referrals:status",
        "referrals:status-short",
        "courses:sign-up",
        "courses:signed-up",
        "courses:resident-link",
        "impact:code-entry",
        "impact:thanks",
        "impact:fill",
        "set_language",
        "catalogue:embed",
        "readingguide:public",
    }
)

# Pages that take their language only from ?taal= and never set the language cookie: the embed,
# shown in a frame on another site, sets no cookie at all (docs/embedding.md, "Privacy").
ADDRESS_LANGUAGE_URL_NAMES = frozenset({"catalogue:embed"})


def is_resident_path(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return True
    return match.view_name in RESIDENT_URL_NAMES


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def languages_for(path: str) -> list[str]:
    """The language codes a page at this path is offered in."""
    if is_resident_path(path):
        return [code for code, _name in settings.LANGUAGES]
    return list(settings.STAFF_LANGUAGES)


def with_language(url: str, code: str) -> str:
    """The address with ?taal=<code> instead of any taal it had; Dutch (the default) drops it."""
    parts = urlsplit(url)
    query = QueryDict(parts.query, mutable=True)
    query.pop(LANGUAGE_PARAMETER, None)
    if code != settings.LANGUAGE_CODE:
        query[LANGUAGE_PARAMETER] = code
    return urlunsplit(parts._replace(query=query.urlencode(safe="/")))


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Dutch unless the visitor chose another language: with the switch on every page (a cookie)
    or with ?taal=<code> in the address (a shared link; it also sets the cookie, so the visit goes
    on in that language). Resident pages are in settings.LANGUAGES; staff and partner pages only in
    settings.STAFF_LANGUAGES and otherwise Dutch.

    The browser's Accept-Language is ignored on purpose: the site is written for Dutch residents in
    plain Dutch, and staff at a shared desk computer should not get another language because of how
    that browser happens to be set up."""

    def process_request(self, request):
        offered = dict(settings.LANGUAGES)
        from_address = request.GET.get(LANGUAGE_PARAMETER)
        if from_address not in offered:
            from_address = None
        address_only = _view_name(request.path_info) in ADDRESS_LANGUAGE_URL_NAMES
        request.language_address_only = address_only
        cookie = None if address_only else request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        chosen = from_address or cookie
        if chosen not in offered:
            chosen = settings.LANGUAGE_CODE
        request.chosen_language = chosen
        request.language_from_address = from_address
        code = chosen
        if code not in languages_for(request.path_info):  # a staff page: Dutch
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()
        # For the switch in base.html: the languages this page is offered in.
        request.page_languages = languages_for(request.path_info)

    def process_response(self, request, response):
        from_address = getattr(request, "language_from_address", None)
        address_only = getattr(request, "language_address_only", False)
        if (
            from_address
            and not address_only
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != from_address
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                from_address,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        if (
            request.method == "POST"
            and getattr(request, "resolver_match", None) is not None
            and request.resolver_match.view_name == "set_language"
            and response.status_code == 302
        ):
            # The switch: the address it returns to carries the chosen language, so that copying
            # it shares the page in that language.
            code = request.POST.get("language")
            target = response["Location"]
            if code not in languages_for(urlsplit(target).path):
                code = settings.LANGUAGE_CODE
            response["Location"] = with_language(target, code)
        # The language follows the cookie (or the address), so a cache keeps one copy per cookie.
        if not address_only:
            patch_vary_headers(response, ("Cookie",))
        return super().process_response(request, response)
