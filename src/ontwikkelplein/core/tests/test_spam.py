"""The public forms' spam guard (core/spam.py) on its own: timing token, honeypot, rate limit.
The referral and course forms test it again through their pages."""

import time

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory

from ontwikkelplein.core import spam

GUARD = spam.FormGuard(
    salt="ontwikkelplein.core.tests",
    min_seconds_setting="CORE_TEST_FORM_MIN_SECONDS",
    rates_setting="CORE_TEST_RATES",
    default_rates={"core:test": "2/h"},
)


def test_a_fresh_form_is_too_fast_and_an_older_one_is_not(settings):
    settings.CORE_TEST_FORM_MIN_SECONDS = 3
    now = 1_800_000_000.0
    assert GUARD.filled_too_fast(GUARD.started_token(now - 1), now=now)
    assert not GUARD.filled_too_fast(GUARD.started_token(now - 4), now=now)


def test_the_minimum_defaults_to_three_seconds():
    assert GUARD.min_fill_seconds() == 3


@pytest.mark.parametrize("token", ["", "1800000000", "not-signed:at-all", None])
def test_a_missing_or_forged_timestamp_counts_as_too_fast(token):
    assert GUARD.filled_too_fast(token)


def test_a_token_of_another_guard_counts_as_too_fast():
    other = spam.FormGuard(
        salt="something.else",
        min_seconds_setting="X",
        rates_setting="Y",
        default_rates={},
    )
    assert GUARD.filled_too_fast(other.started_token(time.time() - 600))


def test_the_honeypot():
    assert spam.honeypot_filled({spam.HONEYPOT_FIELD: "http://spam.example"})
    assert not spam.honeypot_filled({spam.HONEYPOT_FIELD: "  "})
    assert not spam.honeypot_filled({})


def test_the_rate_limit_counts_per_address_and_a_setting_overrides_the_default(settings):
    cache.clear()
    factory = RequestFactory()
    first = factory.post("/", REMOTE_ADDR="192.0.2.1")
    other = factory.post("/", REMOTE_ADDR="192.0.2.2")
    assert GUARD.rate_for("core:test") == "2/h"
    assert [GUARD.too_many(first, "core:test") for _ in range(3)] == [False, False, True]
    assert not GUARD.too_many(other, "core:test")
    settings.CORE_TEST_RATES = {"core:test": "5/h"}
    assert GUARD.rate_for("core:test") == "5/h"
    cache.clear()


def test_an_apps_guard_takes_the_usual_salt_and_settings_names():
    guard = spam.FormGuard.of("courses", settings_prefix="COURSE", default_rates={"x": "1/h"})
    assert guard.salt == "ontwikkelplein.courses.form-started"
    assert guard.min_seconds_setting == "COURSE_FORM_MIN_SECONDS"
    assert guard.rates_setting == "COURSE_RATES"
    assert guard.rate_for("x") == "1/h"


class _NameForm(forms.Form):
    name = forms.CharField()


def test_accepts_a_valid_form_filled_in_at_a_human_pace():
    form = _NameForm({"name": "Fatima", spam.STARTED_FIELD: GUARD.started_token(time.time() - 60)})
    assert GUARD.accepts(form)
    assert not form.non_field_errors()


def test_a_valid_form_sent_too_fast_is_refused_with_a_message_at_the_top():
    form = _NameForm({"name": "Fatima", spam.STARTED_FIELD: GUARD.started_token()})
    assert not GUARD.accepts(form)
    assert "Dat ging heel snel" in form.non_field_errors()[0]


def test_an_invalid_form_keeps_only_its_own_errors():
    form = _NameForm({"name": "", spam.STARTED_FIELD: GUARD.started_token()})
    assert not GUARD.accepts(form)
    assert not form.non_field_errors() and "name" in form.errors
