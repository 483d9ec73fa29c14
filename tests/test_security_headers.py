"""Staff security headers and sessions (docs/security.md): the Content-Security-Policy on
every answer, Cache-Control: no-store on everything that may hold personal data, and sessions that
end after the idle time and, by default, with the browser. The browser half is
tests/browser/test_content_security_policy.py."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from csp.constants import HEADER
from django.conf import settings
from django.contrib.sessions.models import Session
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.core.headers import embeddable
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import staff_user
from ontwikkelplein.referrals.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

REPO = settings.REPO_DIR
EXPECTED_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "frame-src": "'none'",
}


def directives(header: str) -> dict[str, str]:
    parts = [part.strip() for part in header.split(";") if part.strip()]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] if " " in part else "" for part in parts}


def assert_strict_csp(response, what: str) -> None:
    assert HEADER in response, f"{what}: no Content-Security-Policy"
    found = directives(response[HEADER])
    assert found == EXPECTED_DIRECTIVES, f"{what}: {response[HEADER]}"
    assert "unsafe" not in response[HEADER]


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.fixture
def staff_client(client):
    user = staff_user(role=Role.SPECIALIST)
    client.force_login(user)
    return client


# --- Content-Security-Policy on every answer ---------------------------------------------------


def test_public_pages_api_and_admin_carry_the_policy(client):
    offer = OfferFactory()
    pages = {
        "home": "/",
        "search": "/zoeken/?q=taal",
        "offer": f"/aanbod/{offer.pk}/",
        "help status": "/hulp/status/",
        "questionnaire code": "/vragenlijst/",
        "certificate check": "/certificaat/",
        "login": "/account/inloggen/",
        "admin login": "/beheer/django/login/",
        "open data API": "/api/hsds/services",
        "API schema": "/api/schema/",
        "API documentation": "/api/docs/",
        "API documentation script": "/api/docs/?script=",
        "staff page, not logged in (redirect)": "/beheer/",
    }
    for what, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 302), f"{what}: {response.status_code}"
        assert_strict_csp(response, what)
    assert_strict_csp(client.post("/api/v1/contacts/", {}, content_type="application/json"), "API")


def test_staff_pages_carry_the_policy(staff_client):
    for url in ["/beheer/", "/beheer/aanbod/", "/beheer/cursussen/", "/beheer/doorverwijzingen/"]:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert_strict_csp(response, url)


@pytest.mark.urls("ontwikkelplein.core.tests.error_urls")
def test_error_pages_carry_the_policy():
    client = Client(raise_request_exception=False)
    for url, status in [
        ("/bestaat-niet/", 404),
        ("/test-fout/403/", 403),
        ("/test-fout/400/", 400),
        ("/test-fout/500/", 500),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        assert_strict_csp(response, f"{status} page")
    csrf = Client(enforce_csrf_checks=True).post("/account/inloggen/", {})
    assert csrf.status_code == 403
    assert_strict_csp(csrf, "CSRF failure page")


def test_the_api_documentation_needs_no_inline_script_or_style(client):
    html = client.get("/api/docs/").content.decode()
    assert "<style" not in html
    assert "<script>" not in html
    assert 'src="/api/docs/?script="' in html
    script = client.get("/api/docs/?script=")
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in script.content


def test_htmx_is_told_to_add_no_inline_style_and_to_evaluate_nothing(client):
    html = client.get("/zoeken/").content.decode()
    start = html.index('<meta name="htmx-config" content=\'') + len(
        '<meta name="htmx-config" content=\''
    )
    config = json.loads(html[start : html.index("'", start)])
    assert config == {
        "includeIndicatorStyles": False,
        "allowEval": False,
        "allowScriptTags": False,
    }


def test_no_template_has_inline_script_style_or_event_handlers():
    """The browser tests see the pages they visit; this sees every template, so a new
    onclick= or <style> fails here even on a page no browser test opens. PDF templates
    (WeasyPrint, never served as a page) may have their <style>."""
    import re

    pattern = re.compile(
        r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:|hx-on|\bjs:",
        re.I,
    )
    trigger_filter = re.compile(r"hx-trigger=\"[^\"]*\[")
    comments = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", re.S)
    wrong = []
    for path in (REPO / "src" / "ontwikkelplein").rglob("templates/**/*.html"):
        if "documents" in path.parts:
            continue
        text = comments.sub("", path.read_text())
        for match in [*pattern.finditer(text), *trigger_filter.finditer(text)]:
            wrong.append(f"{path.relative_to(REPO)}: {match.group(0)}")
    assert wrong == []


def test_production_upgrades_insecure_requests():
    """production.py adds upgrade-insecure-requests; test and development do not (plain http)."""
    from csp.utils import build_policy

    assert "upgrade-insecure-requests" not in build_policy()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "DJANGO_SETTINGS_MODULE": "ontwikkelplein.conf.production",
        "DJANGO_SECRET_KEY": "k" + "abcdefghij" * 6,
        "DJANGO_ALLOWED_HOSTS": "bieb.example.nl",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    code = (
        "import django; django.setup(); from csp.utils import build_policy; print(build_policy())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    policy = directives(result.stdout.strip())
    assert "upgrade-insecure-requests" in policy
    assert {k: v for k, v in policy.items() if k != "upgrade-insecure-requests"} == (
        EXPECTED_DIRECTIVES
    )


# --- Framing for a later embed route -------------------------------------------------------------


def _framed_response(settings, origins):
    settings.ONTWIKKELPLEIN_EMBED_FRAME_ANCESTORS = origins
    from csp.middleware import CSPMiddleware
    from django.middleware.clickjacking import XFrameOptionsMiddleware

    view = embeddable(lambda request: HttpResponse("zoekvak"))
    request = RequestFactory().get("/embed/")
    response = XFrameOptionsMiddleware(view)(request)
    return CSPMiddleware(lambda r: response)(request)


def test_an_embeddable_view_may_be_framed_only_by_the_configured_sites(settings):
    response = _framed_response(settings, ["https://www.gemeente.nl"])
    assert directives(response[HEADER])["frame-ancestors"] == "'self' https://www.gemeente.nl"
    assert "X-Frame-Options" not in response
    # The rest of the policy is untouched.
    assert directives(response[HEADER])["script-src"] == "'self'"


def test_an_embeddable_view_without_configured_sites_stays_unframeable(settings):
    response = _framed_response(settings, [])
    assert directives(response[HEADER])["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


# --- Cache-Control: no-store -------------------------------------------------------------------


def test_staff_pages_are_not_stored(staff_client):
    for url in ["/beheer/", "/balie/", "/beheer/doorverwijzingen/", "/beheer/cursussen/"]:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert no_store(response), url
        assert "private" in response["Cache-Control"]
        assert response["Pragma"] == "no-cache"


def test_public_catalogue_pages_stay_cacheable_for_visitors(client):
    offer = OfferFactory()
    for url in ["/", "/zoeken/?q=taal", f"/aanbod/{offer.pk}/", "/api/hsds/services"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not no_store(response), url
        assert "Pragma" not in response


def test_any_page_for_a_signed_in_user_is_not_stored(staff_client):
    # The public header shows the staff menu; a shared browser must keep nothing. (The APIs
    # authenticate on their own, with keys: the open data API stays cacheable.)
    offer = OfferFactory()
    for url in ["/", f"/aanbod/{offer.pk}/", "/zoeken/?q=taal"]:
        assert no_store(staff_client.get(url)), url


def test_staff_paths_are_not_stored_for_anyone(client):
    for url in ["/beheer/", "/balie/", "/account/inloggen/", "/beheer/django/login/"]:
        assert no_store(client.get(url)), url
    assert no_store(client.post("/api/v1/contacts/", {}, content_type="application/json"))


def test_a_residents_own_pages_are_not_stored(client):
    """The help request's status (by code or short link) tells who helps the resident with what;
    the partner link shows the resident's details."""
    offer = OfferFactory()
    referral = ReferralFactory()
    assert no_store(client.get(f"/aanbod/{offer.pk}/hulp/"))
    assert no_store(client.get("/hulp/status/"))
    status = client.post("/hulp/status/", {"code": referral.reference})
    assert status.status_code == 200
    assert no_store(status)
    assert no_store(client.get(f"/hulp/s/{referral.reference}/"))
    assert no_store(client.get("/partner/niet-bestaand-token/"))
    assert no_store(client.get("/vragenlijst/"))
    assert no_store(client.get("/certificaat/?code=X&naam=Jan"))


def test_an_answer_to_a_sent_form_is_not_stored(client):
    # The form comes back with what the visitor typed.
    response = client.post("/account/inloggen/", {"username": "jan", "password": "x"})
    assert no_store(response)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert no_store(response)


def test_a_view_cannot_make_a_private_answer_cacheable(rf, settings):
    from django.contrib.auth.models import AnonymousUser

    from ontwikkelplein.core.headers import NoStoreMiddleware

    def view(request):
        response = HttpResponse("x")
        response["Cache-Control"] = "public, max-age=3600"
        return response

    request = rf.get("/beheer/iets/")
    request.user = AnonymousUser()
    response = NoStoreMiddleware(view)(request)
    assert "public" not in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert no_store(response)


def _view_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _view_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_the_private_view_names_exist():
    """A renamed URL must not silently drop out of the no-store list."""
    missing = set(settings.ONTWIKKELPLEIN_NO_STORE_VIEWS) - _view_names()
    assert missing == set()


# --- Sessions ----------------------------------------------------------------------------------


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_session_idle_longer_than_the_limit_ends(client, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    user = staff_user(role=Role.SPECIALIST)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(user)
        assert client.get("/beheer/").status_code == 200
    with time_machine.travel(start + timedelta(hours=8, minutes=1), tick=False):
        response = client.get("/beheer/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert not _signed_in(client)


def test_an_active_session_is_kept_past_the_limit(client):
    """Requests within the idle time push the end forward: 3 x 7 hours is longer than 8 hours."""
    user = staff_user(role=Role.SPECIALIST)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(user)
        client.get("/beheer/")
    for hours in (7, 14, 21):
        with time_machine.travel(start + timedelta(hours=hours), tick=False):
            assert client.get("/beheer/").status_code == 200, f"logged out after {hours} hours"
    with time_machine.travel(start + timedelta(hours=21 + 8, minutes=1), tick=False):
        assert client.get("/beheer/").status_code == 302


def test_the_session_is_written_at_most_once_per_refresh_interval(client, settings):
    user = staff_user(role=Role.SPECIALIST)
    interval = settings.ONTWIKKELPLEIN_SESSION_REFRESH_SECONDS
    assert interval == 60
    start = timezone.now()

    def expiry():
        return Session.objects.get(session_key=client.session.session_key).expire_date

    with time_machine.travel(start, tick=False):
        client.force_login(user)
        client.get("/beheer/")
        first = expiry()
    with time_machine.travel(start + timedelta(seconds=interval - 1), tick=False):
        response = client.get("/beheer/")
        assert expiry() == first
        assert settings.SESSION_COOKIE_NAME not in response.cookies  # nothing saved or re-sent
    with time_machine.travel(start + timedelta(seconds=interval + 1), tick=False):
        response = client.get("/beheer/")
        assert expiry() == first + timedelta(seconds=interval + 1)
        assert settings.SESSION_COOKIE_NAME in response.cookies


def test_an_ended_session_is_not_brought_back(client):
    user = staff_user(role=Role.SPECIALIST)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(user)
        client.get("/beheer/")
    with time_machine.travel(start + timedelta(hours=9), tick=False):
        client.get("/")
    assert Session.objects.filter(expire_date__gt=start + timedelta(hours=9)).count() == 0


def test_visitors_without_a_session_get_none(client):
    client.get("/")
    client.get("/zoeken/?q=taal")
    assert Session.objects.count() == 0


def test_the_session_cookie_ends_with_the_browser_by_default(client, settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    user = staff_user(role=Role.SPECIALIST)
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_a_lasting_session_cookie_when_the_setting_is_off(client, settings):
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = False
    user = staff_user(role=Role.SPECIALIST)
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": "geheim-wachtwoord-123"}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 8 * 60 * 60


def test_the_idle_time_and_browser_close_come_from_the_environment():
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "src"),
        "DJANGO_SETTINGS_MODULE": "ontwikkelplein.conf.test",
        "DJANGO_SESSION_IDLE_MINUTES": "30",
        "DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE": "false",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_AGE, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, "
        "s.ONTWIKKELPLEIN_SESSION_REFRESH_SECONDS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["1800", "False", "60"]
