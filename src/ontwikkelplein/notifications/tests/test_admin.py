"""The outbox in the Django admin: failed messages are visible and can be resent."""

import pytest

from ontwikkelplein.accounts.tests.factories import UserFactory
from ontwikkelplein.notifications import services
from ontwikkelplein.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

CHANGELIST = "/beheer/django/notifications/outboxmessage/"


def test_failed_messages_are_listed_and_can_be_resent(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    message = services.queue_email("inbox@bieb.example", "Nieuwe doorverwijzing", "Tekst")
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=OutboxMessage.State.FAILED, attempts=8, last_error="SMTPException: 451"
    )
    client.force_login(admin)
    response = client.get(CHANGELIST + "?state=failed")
    assert response.status_code == 200
    assert "Nieuwe doorverwijzing" in response.content.decode()

    response = client.post(
        CHANGELIST, {"action": "resend_messages", "_selected_action": [str(message.pk)]}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.PENDING
    assert message.attempts == 0
    assert message.last_error == ""


def test_the_body_is_not_shown(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    message = services.queue_email("inbox@bieb.example", "Onderwerp", "Geheime inhoud 12345")
    client.force_login(admin)
    response = client.get(f"{CHANGELIST}{message.pk}/change/")
    assert response.status_code == 200
    assert "Geheime inhoud 12345" not in response.content.decode()
