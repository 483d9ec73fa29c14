"""Schemathesis over our own OpenAPI schema (/api/schema/): every operation of every project API
gets generated requests, through the Django WSGI app in this process (no network, the test
database). No response may be a 500, and every response must match what the schema documents
(status code, content type, body, headers). A small number of examples per operation keeps
the run well under a minute on each database."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from ontwikkelplein.apikeys.models import Scope
from ontwikkelplein.apikeys.services import create_api_key
from ontwikkelplein.opendata.tests.catalogue_data import make_catalogue

MAX_EXAMPLES = 25


@pytest.fixture
def keep_connection():
    """The WSGI handler closes the database connection after each request (request_finished),
    which would end the test's transaction on PostgreSQL. Django's test client switches this
    off in the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, keep_connection):
    """The schema as the app serves it, over a small catalogue (so lists have content)."""
    from ontwikkelplein.wsgi import application

    make_catalogue()
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.fixture
def api_key(db):
    from ontwikkelplein.organisations.models import Organisation

    _key, plain = create_api_key(
        organisation=Organisation.objects.get(name="Bibliotheek Eemland"),
        scopes=[Scope.CONTACTS_WRITE, Scope.REFERRALS_WRITE],
    )
    return plain


# Checks that do not apply: generated "valid" data (random ids and codes) cannot be expected to
# be accepted, and the two stateful checks need links between operations that we do not declare.
EXCLUDED = [schemathesis.checks.positive_data_acceptance]


def _check_operation(operation, api_key) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        # Answers are gzip-compressed when the client accepts it (GZipMiddleware); the WSGI
        # client schemathesis uses here does not decompress, so it asks for them uncompressed.
        case.headers = {**(case.headers or {}), "Accept-Encoding": "identity"}
        if not case.operation.path.startswith("/api/hsds/"):
            # The key APIs: a valid key lets generated requests past 401.
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {api_key}"}
        case.call_and_validate(excluded_checks=EXCLUDED)

    run()


def test_api_conforms_to_its_schema(api_schema, api_key):
    """(schemathesis.pytest.from_fixture does not work with pytest 9, so the operations are
    walked here, each as its own Hypothesis run; all failures are reported together.)"""
    failures, checked = [], []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        checked.append(operation.label)
        try:
            _check_operation(operation, api_key)
        except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - report them all
            failures.append(f"{operation.label}: {error}")
    assert any(label.startswith("GET /api/hsds/services") for label in checked), checked
    assert any("/api/v1/contacts/" in label for label in checked), checked
    assert not failures, "\n\n".join(failures)
