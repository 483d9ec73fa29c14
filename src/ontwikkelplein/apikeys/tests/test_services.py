import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ontwikkelplein.apikeys import services
from ontwikkelplein.apikeys.models import ApiKey, Scope
from ontwikkelplein.apikeys.tests.factories import api_key
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_plain_key_is_returned_once_and_only_its_hash_is_stored():
    stored, plain = api_key(name="Kiosk hal")
    assert plain.startswith(stored.prefix + "_")
    assert len(plain) >= len(stored.prefix) + 43  # 32 random bytes, base64
    row = ApiKey.objects.get(pk=stored.pk)
    assert row.key_hash == services.hash_key(plain)
    assert plain not in {row.key_hash, row.prefix, row.name}
    assert row.scopes == [Scope.CONTACTS_WRITE]


def test_every_key_is_different():
    organisation = OrganisationFactory()
    keys = {api_key(organisation)[1] for _ in range(5)}
    assert len(keys) == 5


def test_authenticate_finds_the_active_key_and_notes_its_use():
    stored, plain = api_key()
    found = services.authenticate(plain)
    assert found.pk == stored.pk
    assert ApiKey.objects.get(pk=stored.pk).last_used_at is not None


def test_last_used_is_written_at_most_every_few_minutes(django_assert_num_queries):
    stored, plain = api_key()
    services.authenticate(plain)
    with django_assert_num_queries(1):  # the lookup only, no update
        services.authenticate(plain)


@pytest.mark.parametrize(
    "attempt",
    ["", "   ", None, "op_", "nonsense", "op_12345678_wrong-secret"],
)
def test_authenticate_refuses_missing_or_unknown_keys(attempt):
    api_key()
    with pytest.raises(services.InvalidApiKey):
        services.authenticate(attempt)


def test_a_right_prefix_with_a_wrong_secret_is_refused():
    stored, plain = api_key()
    with pytest.raises(services.InvalidApiKey, match="onbekend"):
        services.authenticate(plain[:-1] + ("A" if plain[-1] != "A" else "B"))


def test_a_revoked_key_is_refused_with_its_reason():
    stored, plain = api_key()
    services.revoke_api_key(stored)
    assert ApiKey.objects.get(pk=stored.pk).revoked_at is not None
    with pytest.raises(services.InvalidApiKey, match="ingetrokken"):
        services.authenticate(plain)


def test_revoking_twice_keeps_the_first_moment():
    stored, _ = api_key()
    services.revoke_api_key(stored)
    first = ApiKey.objects.get(pk=stored.pk).revoked_at
    services.revoke_api_key(ApiKey.objects.get(pk=stored.pk))
    assert ApiKey.objects.get(pk=stored.pk).revoked_at == first


def test_unknown_or_missing_scopes_are_refused():
    with pytest.raises(ValidationError, match="Onbekend recht"):
        api_key(scopes=["contacts:read"])
    with pytest.raises(ValidationError, match="minstens één recht"):
        api_key(scopes=[])
    assert not ApiKey.objects.exists()


def test_a_key_cannot_be_bound_to_another_organisations_location():
    other_location = LocationFactory()
    with pytest.raises(ValidationError, match="hoort niet bij"):
        api_key(OrganisationFactory(), location=other_location)
    assert not ApiKey.objects.exists()


def test_has_scope():
    stored, _ = api_key(scopes=[Scope.REFERRALS_WRITE])
    assert services.has_scope(stored, Scope.REFERRALS_WRITE)
    assert not services.has_scope(stored, Scope.CONTACTS_WRITE)
    stored.revoked_at = timezone.now() - datetime.timedelta(seconds=1)
    assert not services.has_scope(stored, Scope.REFERRALS_WRITE)
