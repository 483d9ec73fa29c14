"""Tampered or random addresses never give a server error, and a refused path counts nothing."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.wayfinder.models import PathCount
from ontwikkelplein.wayfinder.tests.factories import places

pytestmark = pytest.mark.django_db

NAMES = ["versie", "stap", "nodig", "voor", "hoe", "waar"]
KNOWN = ["1", "2", "4", "lezen", "ik", "cursus", "3811", "Amersfoort", "0", "-1", "9" * 40]
TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=0, max_size=60)
VALUES = st.one_of(st.sampled_from(KNOWN), TEXT)
PARAMS = st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=8)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@given(params=PARAMS)
@SETTINGS
def test_no_step_or_result_address_fails(client, params):
    places()
    for name in ("wayfinder:start", "wayfinder:result"):
        response = client.get(reverse(name) + "?" + urlencode(params))
        assert response.status_code in (200, 302, 400), (name, params, response.status_code)
        if response.status_code in (200, 400):
            assert 'lang="nl"' in response.content.decode()


@given(params=PARAMS)
@SETTINGS
def test_a_refused_finish_counts_nothing(client, params):
    places()
    before = sum(PathCount.objects.values_list("count", flat=True))
    response = client.post(reverse("wayfinder:finish"), dict(params))
    assert response.status_code in (200, 302, 303, 400)
    after = sum(PathCount.objects.values_list("count", flat=True))
    if response.status_code == 303:
        assert after == before + 1
    else:
        assert after == before
