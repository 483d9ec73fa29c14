"""/healthz and /readyz (core/health.py): no login, no session, never cached, and no details of
what failed beyond the name of the part."""

import pytest
from django.test import Client
from django.urls import reverse

from ontwikkelplein.core import health

FAILURES = []


def failing_queue_check():
    raise ConnectionError("queue at secret-host.internal:5432 refused, password=hunter2")


failing_queue_check.ready_check_name = "queue"


def passing_check():
    FAILURES.append("ran")


def test_the_urls_are_at_the_root_without_a_slash():
    assert reverse("core:healthz") == "/healthz"
    assert reverse("core:readyz") == "/readyz"


def test_healthz_answers_without_the_database(client):
    # No django_db mark: pytest-django makes any database access in this test an error.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_readyz_checks_the_database_the_cache_and_the_queue(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    # The queue check is core.jobs.queue_is_ready (test settings run jobs synchronously).
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "queue": "ok"},
    }
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_readyz_names_the_part_that_failed_and_nothing_more(client, settings, caplog):
    settings.ONTWIKKELPLEIN_READY_CHECKS = [
        "ontwikkelplein.core.tests.test_health.failing_queue_check"
    ]
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "failed",
        "checks": {"database": "ok", "cache": "ok", "queue": "failed"},
    }
    body = response.content.decode()
    for secret in ("secret-host", "5432", "hunter2", "ConnectionError", "Django", "PostgreSQL"):
        assert secret not in body
    # The details are in the log, for operators.
    assert "readiness check queue failed" in caplog.text


@pytest.mark.django_db
def test_extra_checks_from_the_setting_run(client, settings):
    FAILURES.clear()
    settings.ONTWIKKELPLEIN_READY_CHECKS = ["ontwikkelplein.core.tests.test_health.passing_check"]
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["passing_check"] == "ok"
    assert FAILURES == ["ran"]


@pytest.mark.django_db
def test_readyz_reports_a_database_that_does_not_answer(client, monkeypatch):
    def broken():
        raise OSError("connection to server at 10.0.0.5 failed")

    monkeypatch.setattr(health, "check_database", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "failed", "cache": "ok", "queue": "ok"}
    assert b"10.0.0.5" not in response.content


@pytest.mark.django_db
def test_readyz_reports_a_cache_that_forgets(client, monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda *args, **kwargs: None)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "failed", "queue": "ok"}


@pytest.mark.django_db
def test_both_need_no_login_and_no_csrf_token_and_refuse_writes():
    client = Client(enforce_csrf_checks=True)
    for url in ("/healthz", "/readyz"):
        assert client.get(url).status_code == 200
        assert client.head(url).status_code == 200
        assert client.post(url).status_code == 405


@pytest.mark.django_db
def test_they_are_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.django_db
def test_they_answer_any_host_over_plain_http_without_cookies(client, settings):
    # Load balancers and the container's HEALTHCHECK ask by IP address, not a configured host name.
    settings.ALLOWED_HOSTS = ["ontwikkelplein.example"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = []
    for url in ("/healthz", "/readyz"):
        response = client.get(url, HTTP_HOST="10.0.0.7:8000")
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers
        assert response["X-Request-ID"]
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


@pytest.mark.django_db
def test_a_check_that_answers_false_fails(client, settings, monkeypatch):
    # core.jobs.queue_is_ready answers False (no raise) when no worker sent a heartbeat.
    from ontwikkelplein.core import jobs

    monkeypatch.setattr(jobs, "live_clusters", lambda: [])
    monkeypatch.setattr(jobs, "is_sync", lambda: False)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "queue": "failed"}
