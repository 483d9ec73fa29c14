"""Request ids and access lines (core/requestlog.py): every answer carries an id, the log lines
carry it too, and no token, code or query string reaches the log."""

import json
import logging

import pytest
from django.test import RequestFactory

from ontwikkelplein.core import requestlog
from ontwikkelplein.core.requestlog import (
    RequestIdFilter,
    mask_path,
    request_id_from,
    request_id_var,
)

ACCESS = "ontwikkelplein.access"


@pytest.fixture
def access_log(caplog):
    caplog.set_level(logging.INFO, logger=ACCESS)
    return caplog


def access_records(caplog):
    return [r for r in caplog.records if r.name == ACCESS]


@pytest.mark.parametrize(
    "path",
    [
        "/partner/Xk3-9_abcdefghijklmnop/",  # a partner's link to a referral
        "/hulp/s/ABCD2345/",  # a resident's referral status by reference code
        "/vragenlijst/KLM-7788/",  # an impact questionnaire code
        "/cursus/Zz9_token-value/",  # a participant's course link
    ],
)
def test_tokens_and_codes_in_paths_are_masked(path):
    masked = mask_path(path)
    assert masked.count("***") == 1
    assert path.split("/")[-2] not in masked
    assert masked.startswith("/" + path.split("/")[1] + "/")


def test_tokens_are_masked_under_a_site_prefix_too():
    # An organisation's branded site (/b/<slug>/, organisations/middleware.py).
    assert mask_path("/b/eemland/hulp/s/ABCD2345/") == "/b/eemland/hulp/s/***/"
    assert mask_path("/b/eemland/cursus/Zz9_token-value/") == "/b/eemland/cursus/***/"


def test_other_paths_stay_as_they_are():
    for path in ("/", "/zoeken/", "/healthz", "/beheer/", "/bestaat/niet/", "/aanbod/%ZZ/"):
        assert mask_path(path) == path


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "short",
        "x" * 129,
        "abc def ghi jkl",
        "abcdefgh\nfake log line",
        "<script>alert(1)</script>",
        "-leading-dash-1234",
    ],
)
def test_an_insane_request_id_is_replaced(header):
    made = request_id_from(header)
    assert made != header
    assert len(made) == 32 and made.isalnum()


@pytest.mark.parametrize(
    "header", ["0f8c2a7e-5d0b-4b5e-9f44-6c1d2f3e4a5b", "a1b2c3d4e5f6a7b8", "req.42:node-1_x"]
)
def test_a_sane_request_id_from_the_proxy_is_kept(header):
    assert request_id_from(header) == header


@pytest.mark.django_db
def test_every_answer_carries_a_request_id_and_one_access_line(client, access_log):
    response = client.get("/zoeken/?q=jan+jansen&waar=3811+AB", HTTP_X_REQUEST_ID="proxy-id-1234")
    assert response["X-Request-ID"] == "proxy-id-1234"
    (record,) = access_records(access_log)
    assert record.request_id == "proxy-id-1234"
    assert record.getMessage() == f"GET /zoeken/ {response.status_code}"
    assert (record.method, record.path, record.status) == ("GET", "/zoeken/", 200)
    assert record.duration_ms >= 0
    # The query string (names, postcodes) never reaches the log.
    assert "jansen" not in access_log.text and "3811" not in access_log.text

    other = client.get("/healthz")
    assert len(other["X-Request-ID"]) == 32
    assert other["X-Request-ID"] != response["X-Request-ID"]


@pytest.mark.django_db
def test_a_partner_token_stays_out_of_every_log_line(client, access_log):
    caplog = access_log
    caplog.set_level(logging.WARNING, logger="django.request")
    response = client.get("/partner/GeheimToken123456/?ref=mail", HTTP_X_REQUEST_ID="req-abcdefgh")
    assert response.status_code in (200, 302, 404, 410)
    assert "GeheimToken123456" not in caplog.text
    lines = [r for r in caplog.records if r.name in (ACCESS, "django.request")]
    assert lines
    # Django logs "Not Found" after the middleware returned: the line still has the request's id
    # (the console handler's filter ran before caplog saw the record).
    assert {r.request_id for r in lines} == {"req-abcdefgh"}
    filt = RequestIdFilter()
    for record in lines:
        filt.filter(record)
        assert "GeheimToken123456" not in record.getMessage()
        assert "GeheimToken123456" not in str(getattr(record, "request", ""))
        assert "ref=mail" not in str(getattr(record, "request", ""))
    assert any("/partner/***/" in r.getMessage() for r in lines)


def test_the_filter_masks_django_request_records_and_adds_the_id():
    request = RequestFactory().get("/vragenlijst/CODE-12345/?naam=Piet")
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "%s: %s", ("Not Found", request.path), None
    )
    record.request = request
    token = request_id_var.set("req-12345678")
    try:
        assert RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)
    assert record.getMessage() == "Not Found: /vragenlijst/***/"
    assert record.request == "GET /vragenlijst/***/"
    assert record.request_id == "req-12345678"


def test_production_writes_json_lines_with_the_request_id():
    from pythonjsonlogger.json import JsonFormatter

    from ontwikkelplein.conf.logformat import JSON_FORMATTER

    formatter = JsonFormatter(**{k: v for k, v in JSON_FORMATTER.items() if k != "()"})
    record = logging.LogRecord(
        ACCESS, logging.INFO, __file__, 1, "%s %s %s", ("GET", "/", 200), None
    )
    record.request_id = "req-12345678"
    line = json.loads(formatter.format(record))
    assert line["message"] == "GET / 200"
    assert line["request_id"] == "req-12345678"
    assert line["level"] == "INFO" and "timestamp" in line


def test_the_middleware_forgets_the_id_when_the_response_is_done(rf):
    from django.core.signals import request_finished
    from django.http import HttpResponse

    from ontwikkelplein.core.requestlog import _forget_request_id

    middleware = requestlog.RequestLogMiddleware(lambda request: HttpResponse("ok"))
    response = middleware(rf.get("/", HTTP_X_REQUEST_ID="req-abcdefgh"))
    assert request_id_var.get() == "req-abcdefgh"  # Django logs 4xx answers after middleware
    assert request_finished.has_listeners()
    _forget_request_id()
    assert request_id_var.get() == "-"
    assert response["X-Request-ID"] == "req-abcdefgh"


def test_runserver_request_lines_are_masked_without_their_query_string():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /cursus/Geheim-Token-1/?naam=Piet HTTP/1.1", "200", "512"),
        None,
    )
    RequestIdFilter().filter(record)
    assert record.getMessage() == '"GET /cursus/***/ HTTP/1.1" 200 512'
