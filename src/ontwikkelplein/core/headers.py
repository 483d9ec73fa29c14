"""Response headers and session lifetime for staff security (docs/security.md).

- `NoStoreMiddleware`: answers that may hold personal data get `Cache-Control: no-store`, so a
  shared desk computer's browser (and any proxy) keeps no copy of them.
- `SessionIdleMiddleware`: a session ends after `SESSION_COOKIE_AGE` seconds without a request
  (sliding expiry), with at most one session write per `ONTWIKKELPLEIN_SESSION_REFRESH_SECONDS`.
- `embeddable`: the one way a view may be shown in a frame on another site (the strict
  Content-Security-Policy says `frame-ancestors 'none'` everywhere else).

Nothing here knows a domain app: which paths and views are private comes from the settings.
"""

import time
from collections.abc import Callable
from functools import wraps

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.clickjacking import xframe_options_exempt

SESSION_REFRESHED_KEY = "_ontwikkelplein_refreshed"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_private(request: HttpRequest) -> bool:
    """Whether the answer to this request may hold personal data and must not be stored:

    - anyone signed in (staff see residents' names everywhere, and their own account);
    - every path under `ONTWIKKELPLEIN_NO_STORE_PATH_PREFIXES` (the staff pages, sign-in, the
      partner API), whoever asks, including the answers that send a visitor to the login page;
    - every view named in `ONTWIKKELPLEIN_NO_STORE_VIEWS` (a resident's own request, enrolment,
      questionnaire or certificate check, reached by a code or a link);
    - every answer to a form that was sent (POST and the like): a form shown again with errors
      holds what the visitor typed.
    """
    if request.method not in SAFE_METHODS:
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if request.path_info.startswith(tuple(settings.ONTWIKKELPLEIN_NO_STORE_PATH_PREFIXES)):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name in settings.ONTWIKKELPLEIN_NO_STORE_VIEWS


class NoStoreMiddleware:
    """`Cache-Control: no-store` (with Django's full never-cache set: `max-age=0, no-cache,
    no-store, must-revalidate, private` and `Expires` in the past) plus `Pragma: no-cache` for
    HTTP/1.0 proxies on every private answer (see `is_private`). A view's own Cache-Control is
    replaced: nothing private may be cached, whatever a view says. Public catalogue pages for
    visitors who are not signed in keep whatever caching they have."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_private(request):
            if response.has_header("Cache-Control"):
                del response["Cache-Control"]
            add_never_cache_headers(response)
            response["Pragma"] = "no-cache"
        return response


class SessionIdleMiddleware:
    """Sliding expiry for sessions: each save sets the session's end to now + SESSION_COOKIE_AGE
    (in the database and, unless the cookie ends with the browser, in the cookie). Django's
    SESSION_SAVE_EVERY_REQUEST would write the session row on every request (the import
    progress page alone asks every second); this saves it only when the last save is at least
    ONTWIKKELPLEIN_SESSION_REFRESH_SECONDS old. A session therefore ends between
    SESSION_COOKIE_AGE minus that interval and SESSION_COOKIE_AGE after the last request.

    Must come after SessionMiddleware (its answer is handled before SessionMiddleware saves)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # An empty session (a visitor who never signed in, or one just logged out) stays
        # unsaved; an expired one loads as empty.
        if session is None or session.is_empty():
            return response
        last = session.get(SESSION_REFRESHED_KEY)
        if session.is_empty():  # the cookie named a session that has ended: keep it ended
            return response
        now = int(time.time())
        interval = settings.ONTWIKKELPLEIN_SESSION_REFRESH_SECONDS
        if not isinstance(last, int) or not (0 <= now - last < interval):
            session[SESSION_REFRESHED_KEY] = now  # marks the session modified: it is saved
        return response


def embeddable(view: Callable) -> Callable:
    """Lets other sites show this view in a frame: the Content-Security-Policy's
    frame-ancestors becomes `'self'` plus the origins in ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS
    (e.g. `https://www.gemeente.nl`), and X-Frame-Options is left out (it cannot name other
    sites; browsers that know CSP follow frame-ancestors). With no origins configured the view
    stays unframeable like every other page. Only for pages without personal data."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        origins = list(settings.ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS)
        if not origins:
            return view(request, *args, **kwargs)
        framed = xframe_options_exempt(csp_replace({"frame-ancestors": [SELF, *origins]})(view))
        return framed(request, *args, **kwargs)

    return wrapped
