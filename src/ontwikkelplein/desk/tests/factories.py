"""Factories for desk registrations. Contacts are made through desk.services.register_contact,
as the screen and the API make them, so the roll-ups and the audit trail are always right."""

import factory

from ontwikkelplein.desk.models import Agency, Category, Channel, Contact, HelpType, Topic
from ontwikkelplein.desk.services import ContactData, QuestionData, register_contact
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import LocationFactory, staff_user


def agency(code: str) -> Agency:
    """Agencies are seeded by a migration; tests look them up by code."""
    return Agency.objects.get(code=code)


def topic(code: str) -> Topic:
    return Topic.objects.get(code=code)


def question(
    category=Category.DIGITAL_GOVERNMENT,
    help_types=(HelpType.DIGITAL_CONTACT,),
    agency_code: str | None = None,
    topic_code: str | None = "digid-aanvragen",
    **fields,
) -> QuestionData:
    """A question; by default the common case: DigiD aanvragen, helped on the spot."""
    return QuestionData(
        category=category,
        help_types=list(help_types),
        agency=agency(agency_code) if agency_code else None,
        topic=topic(topic_code) if topic_code else None,
        **fields,
    )


def desk_user(organisation=None, role=Role.FRONT_DESK, **user_kwargs):
    """A member of the front desk of `organisation`."""
    return staff_user(organisation, role, **user_kwargs)


class ContactFactory(factory.Factory):
    """`ContactFactory(location=..., user=..., questions=[question(), ...])` registers a contact
    through the service and returns it."""

    class Meta:
        model = Contact

    location = factory.SubFactory(LocationFactory)
    user = None
    channel = Channel.DESK
    questions = factory.LazyFunction(lambda: [question()])
    note = ""
    registered_at = None
    client_reference = None
    source = "desk"

    @classmethod
    def _create(cls, model_class, *, location, user, source, questions, **fields):
        contact, _ = register_contact(
            ContactData(
                organisation=location.organisation,
                location=location,
                questions=list(questions),
                **fields,
            ),
            user=user,
            source=source,
        )
        return contact

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("Contacts are only made through register_contact")
