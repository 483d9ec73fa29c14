"""The e-mail a resident gets when their referral is closed, in the language they asked for
help in ("Ik wil hulp", docs/public-site.md "Talen"); Dutch when staff registered it."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.notifications.models import OutboxMessage
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import ContactPreference, Outcome, Referral
from ontwikkelplein.referrals.tests.factories import ReferralFactory, person_data
from ontwikkelplein.referrals.tests.resident_helpers import (  # noqa: F401 - autouse fixture
    _fresh_rate_limits,
    help_data,
)
from tests import test_translations

pytestmark = pytest.mark.django_db
compiled_catalogue = test_translations.compiled_catalogue


def in_language(code: str, msgid: str) -> str:
    with translation.override(code):
        text = gettext(msgid)
    assert text != msgid, f"{msgid!r} is not translated into {code}"
    return text


def ask_for_help_in(client, code: str) -> Referral:
    offer = OfferFactory(title="Digisterker")
    url = reverse("referrals:help", args=[offer.pk])
    client.get(url + f"?taal={code}")
    data = help_data(contact_preference=ContactPreference.EMAIL, email="amal@example.org")
    assert client.post(url, data).status_code == 302
    return Referral.objects.get()


def closed_mail() -> OutboxMessage:
    return OutboxMessage.objects.get(to=["amal@example.org"])


def test_the_closed_referral_mail_is_in_the_language_of_the_help_page(client, compiled_catalogue):
    referral = ask_for_help_in(client, "ar")
    assert referral.person.language == "ar"
    with translation.override("nl"):  # a colleague closes it later, in Dutch
        services.close_referral(referral, Outcome.HELPED, actor_label="Test")
    mail = closed_mail()
    assert mail.subject == in_language("ar", "Je hulpvraag %(ref)s is afgerond") % {
        "ref": referral.reference
    }
    assert in_language("ar", "Hallo,") in mail.body
    # The outcome is in Arabic too.
    assert in_language("ar", "Geholpen") in mail.body
    assert "Geholpen" not in mail.body and "Hallo," not in mail.body


def test_a_referral_registered_by_staff_writes_in_dutch(compiled_catalogue):
    referral = ReferralFactory(
        person=person_data(contact_preference=ContactPreference.EMAIL, email="amal@example.org")
    )
    assert referral.person.language == "nl"
    with translation.override("en"):  # whatever language the colleague works in
        services.close_referral(referral, Outcome.HELPED, actor_label="Test")
    mail = closed_mail()
    assert mail.subject == f"Je hulpvraag {referral.reference} is afgerond"
    assert "Uitkomst: Geholpen." in mail.body


def test_an_unknown_language_is_stored_as_dutch():
    cleaned = services.validate_person(person_data(language="fr"))
    assert cleaned.language == "nl"
    assert services.validate_person(person_data(language="uk")).language == "uk"
