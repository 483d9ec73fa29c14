"""The second-factor gate: a signed-in user who must pass a second factor (or who has one) and
has not yet done so in this session may only sign out, set up or pass the second factor, switch
the language, and reach static files and the health checks. Everything else sends them to the
page that sets up the factor (none yet) or asks for a code (docs/security.md)."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from ontwikkelplein.accounts import services

# Set in the session when the user needs no factor and has none, so such sessions cost no query.
NO_FACTOR_KEY = "ontwikkelplein_no_second_factor"
ALWAYS_OPEN = ("/i18n/", "/healthz", "/readyz", "/api/", "/favicon.ico")


def _open_paths() -> tuple[str, ...]:
    return (
        *ALWAYS_OPEN,
        settings.STATIC_URL,
        reverse("accounts:logout"),
        reverse("accounts:second-factor-enrol").rsplit("/", 2)[0] + "/",
    )


def needs_second_factor(request) -> bool:
    """Must this request's user pass a second factor before going on?"""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return False
    if services.must_use_second_factor(user):
        return True
    if request.session.get(NO_FACTOR_KEY) == user.pk:
        return False
    if services.has_factor(user):
        return True
    request.session[NO_FACTOR_KEY] = user.pk
    return False


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(_open_paths()) and needs_second_factor(request):
            return self._to_second_factor(request)
        return self.get_response(request)

    def _to_second_factor(self, request):
        name = (
            "accounts:second-factor-verify"
            if services.has_factor(request.user)
            else "accounts:second-factor-enrol"
        )
        url = reverse(name)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = url
            return response
        return redirect(url)
