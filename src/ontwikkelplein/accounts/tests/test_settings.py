"""The sign-in security settings: every variable is documented in .env.example, the system check
refuses an unknown role, and the wiring (backends, middleware order) is as docs/security.md says."""

from pathlib import Path

from django.conf import settings
from django.core import checks

from ontwikkelplein.accounts.checks import second_factor_roles

ROOT = Path(__file__).resolve().parents[4]
VARIABLES = [
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_LOCKOUT_MINUTES",
    "ONTWIKKELPLEIN_REQUIRE_2FA",
    "ONTWIKKELPLEIN_2FA_ROLES",
    "ONTWIKKELPLEIN_2FA_ISSUER",
    "PASSWORD_RESET_MINUTES",
    "PASSWORD_RESET_RATE",
    "SECURITY_LOG_RETENTION_DAYS",
]


def test_every_variable_is_in_env_example_and_docs():
    example = (ROOT / ".env.example").read_text()
    docs = (ROOT / "docs" / "security.md").read_text()
    base = (ROOT / "src" / "ontwikkelplein" / "conf" / "base.py").read_text()
    for name in VARIABLES:
        assert f"\n{name}=" in example, name
        assert f"`{name}`" in docs, name
        assert f'"{name}"' in base, name


def test_an_unknown_role_is_refused_by_the_system_check(settings):
    assert second_factor_roles(None) == []
    settings.ONTWIKKELPLEIN_2FA_ROLES = ["front_desk", "baliemedewerker"]
    errors = second_factor_roles(None)
    assert [e.id for e in errors] == ["ontwikkelplein.E201"]
    assert errors[0].level == checks.ERROR and "baliemedewerker" in errors[0].msg


def test_the_wiring():
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    middleware = settings.MIDDLEWARE
    auth = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    # No-store wraps the second-factor gate, so its redirects are not cached either.
    assert middleware[auth + 1 : auth + 4] == [
        "ontwikkelplein.core.headers.NoStoreMiddleware",
        "django_otp.middleware.OTPMiddleware",
        "ontwikkelplein.accounts.middleware.SecondFactorMiddleware",
    ]
    assert "axes.middleware.AxesMiddleware" in middleware[auth + 4 :]
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AXES_CLIENT_IP_CALLABLE == "ontwikkelplein.core.net.client_ip"
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
