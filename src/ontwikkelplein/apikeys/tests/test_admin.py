import pytest
from django.urls import reverse

from ontwikkelplein.apikeys.models import ApiKey
from ontwikkelplein.apikeys.tests.factories import api_key
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb_admin_client(client):
    kb = OrganisationFactory(name="KB", kind=OrganisationKind.KB)
    user = staff_user(kb, Role.KB_ADMIN, is_staff=True)
    client.force_login(user)
    return client


def test_the_list_shows_keys_but_never_their_hash(kb_admin_client):
    stored, plain = api_key(name="Kiosk hal")
    response = kb_admin_client.get(reverse("admin:apikeys_apikey_changelist"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kiosk hal" in body and stored.prefix in body
    assert stored.key_hash not in body and plain not in body
    detail = kb_admin_client.get(reverse("admin:apikeys_apikey_change", args=[stored.pk]))
    assert detail.status_code == 200
    assert stored.key_hash not in detail.content.decode()


def test_keys_are_not_made_in_the_admin(kb_admin_client):
    assert kb_admin_client.get(reverse("admin:apikeys_apikey_add")).status_code == 403


def test_the_revoke_action(kb_admin_client):
    stored, _ = api_key()
    kept, _ = api_key()
    response = kb_admin_client.post(
        reverse("admin:apikeys_apikey_changelist"),
        {"action": "revoke", "_selected_action": [str(stored.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    assert ApiKey.objects.get(pk=stored.pk).revoked_at is not None
    assert ApiKey.objects.get(pk=kept.pk).revoked_at is None


def test_library_staff_do_not_see_keys(client):
    user = staff_user(OrganisationFactory(), Role.TEAM_LEADER, is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:apikeys_apikey_changelist")).status_code == 403
