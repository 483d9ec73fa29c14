"""Factories for referrals. Referrals are made through referrals.services.create_referral, as
every page and the API make them, so the reference code, deadline and history are always right.

    referral = ReferralFactory()                       # desk colleague referral with a person
    referral = ReferralFactory(receiver_kind="partner", receiver_organisation=PartnerFactory())
    referral = ReferralFactory(person=None)            # no personal details
"""

import factory

from ontwikkelplein.desk.models import ColleagueRole
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import OrganisationFactory, staff_user
from ontwikkelplein.referrals.models import ContactPreference, ReceiverKind, Referral, Source
from ontwikkelplein.referrals.services import PersonData, create_referral

CONSENT = "De persoon geeft toestemming om naam en telefoonnummer door te geven."


def person_data(**fields) -> PersonData:
    values = {
        "name": "Fatima Jansen",
        "contact_preference": ContactPreference.PHONE,
        "phone": "06 12345678",
        "email": "fatima@example.org",
        "best_moment": "Dinsdagochtend",
        "consent_text": CONSENT,
        "consent_recorded_by_label": "Test",
    }
    values.update(fields)
    return PersonData(**values)


class ReferralFactory(factory.Factory):
    """A referral made through the service. By default a desk employee of a library refers to
    the IDO colleague role in the same library, with a person."""

    class Meta:
        model = Referral

    source = Source.STAFF
    sender_organisation = factory.SubFactory(OrganisationFactory)
    sender_user = factory.LazyAttribute(
        lambda o: (
            staff_user(o.sender_organisation, Role.FRONT_DESK)
            if o.sender_organisation is not None
            else None
        )
    )
    receiver_kind = ReceiverKind.COLLEAGUE
    receiver_organisation = factory.LazyAttribute(lambda o: o.sender_organisation)
    receiver_role = factory.LazyAttribute(
        lambda o: ColleagueRole.IDO if o.receiver_kind == ReceiverKind.COLLEAGUE else ""
    )
    question = "Hulp bij een brief van de Belastingdienst."
    urgency = "normal"
    programme = None
    offer = None
    desk_contact = None
    sender_api_key = None
    person = factory.LazyFunction(person_data)
    actor_label = ""

    @classmethod
    def _create(cls, model_class, **fields):
        return create_referral(**fields)
