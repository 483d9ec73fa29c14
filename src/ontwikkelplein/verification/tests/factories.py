"""Test data of the verification app."""

import datetime

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.verification import services

CONTACT = "contact@welzijn.example"


def old_offer(organisation, *, verified=datetime.date(2020, 1, 1), **kwargs):
    """A published offer of `organisation`, last verified long ago, with a contact address."""
    kwargs.setdefault("contact_email", CONTACT)
    return OfferFactory(
        organisation=organisation, last_verified_on=verified, indexed=False, **kwargs
    )


def issue(offer) -> str:
    """Ask the offer's contact; returns the raw token."""
    token = services.issue_request(offer)
    assert token
    return token


def sent_token(offer) -> str:
    """The token of the newest mail about `offer`, as it would go out."""
    message = OutboxMessage.objects.filter(reference=f"offer-verification:{offer.pk}").latest(
        "created_at"
    )
    return message.secrets["verification-link"]
