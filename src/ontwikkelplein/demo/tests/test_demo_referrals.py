"""demo/referrals.py: demo referrals in every stage, made once however often it runs."""

import pytest

from ontwikkelplein.demo.referrals import REFERRALS, load_referrals
from ontwikkelplein.demo.services import load_demo
from ontwikkelplein.referrals.models import Referral, Status

pytestmark = pytest.mark.django_db


def test_load_referrals_is_idempotent():
    # load_demo makes the demo referrals itself; loading them again makes nothing.
    load_demo()
    assert Referral.objects.count() == len(REFERRALS)
    assert load_referrals() == 0
    assert Referral.objects.count() == len(REFERRALS)
    statuses = set(Referral.objects.values_list("status", flat=True))
    assert {Status.NEW, Status.RECEIVED, Status.CONTACTED, Status.CLOSED} <= statuses
    closed = Referral.objects.filter(status=Status.CLOSED)
    assert all(r.outcome for r in closed)
    assert Referral.objects.get(reference="DEMV-AAA3").assigned_to.username == "specialist"


def test_load_referrals_without_the_demo_network_makes_nothing():
    assert load_referrals() == 0
