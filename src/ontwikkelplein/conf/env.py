"""The one way settings read the environment: django-environ, which also parses the
DATABASE_URL, CACHE_URL and their schemes (docs/deployment.md explains the choice)."""

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()


def required(name: str, explanation: str) -> str:
    """The value of a variable production cannot run without, or a clear refusal."""
    value = env.str(name, default="").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. {explanation} See .env.example and docs/deployment.md."
        )
    return value


def optional(name: str, cast, default):
    """The variable read with `cast` (env.int, env.bool, env.str …), or `default` when it is unset
    or empty: `.env.example` lists some variables without a value, meaning "the default"."""
    if not env.str(name, default="").strip():
        return default
    return cast(name)
