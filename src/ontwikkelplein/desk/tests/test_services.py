"""desk.services: registering, correcting and removing contacts. Validation with Dutch messages,
roll-ups exactly equal to a recount of the registrations after every change, dedupe on the
client reference, the 24-hour author rule and the audit trail."""

import datetime
import uuid
from collections import Counter

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.desk import services
from ontwikkelplein.desk.models import (
    Contact,
    ContactChange,
    DailyCount,
    DailyHelpCount,
    Question,
)
from ontwikkelplein.desk.services import ContactData
from ontwikkelplein.desk.tests.factories import (
    ContactFactory,
    agency,
    desk_user,
    question,
    topic,
)
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

NOON = timezone.make_aware(datetime.datetime(2025, 3, 12, 12, 0))


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


@pytest.fixture
def library():
    return OrganisationFactory(name="Bibliotheek Eemland")


@pytest.fixture
def eemhuis(library):
    return LocationFactory(organisation=library, name="Eemhuis")


@pytest.fixture
def vathorst(library):
    return LocationFactory(organisation=library, name="Vathorst")


@pytest.fixture
def author(library):
    return desk_user(library)


def data(location, *questions, **fields) -> ContactData:
    return ContactData(
        organisation=location.organisation,
        location=location,
        channel=fields.pop("channel", "desk"),
        questions=list(questions) or [question()],
        **fields,
    )


def recount() -> tuple[dict, dict]:
    """The roll-ups as they should be, counted from the registrations themselves."""
    cells, helps = Counter(), Counter()
    for contact in Contact.objects.filter(is_removed=False):
        base = (contact.organisation_id, contact.location_id, contact.date)
        for index, q in enumerate(contact.questions.order_by("position")):
            key = (
                *base,
                contact.channel,
                q.category,
                q.agency_id or 0,
                q.topic_id or 0,
                q.referral_target,
            )
            cells[key + ("questions",)] += 1
            cells[key + ("contacts",)] += 1 if index == 0 else 0
            for help_type in q.help_types:
                helps[(*base, help_type)] += 1
    return (
        {k: v for k, v in cells.items() if v},
        dict(helps),
    )


def stored() -> tuple[dict, dict]:
    cells = {}
    for row in DailyCount.objects.all():
        key = (
            row.organisation_id,
            row.location_id,
            row.date,
            row.channel,
            row.category,
            row.agency_id,
            row.topic_id,
            row.referral_target,
        )
        if row.questions:
            cells[key + ("questions",)] = row.questions
        if row.contacts:
            cells[key + ("contacts",)] = row.contacts
    helps = {
        (row.organisation_id, row.location_id, row.date, row.help_type): row.questions
        for row in DailyHelpCount.objects.all()
    }
    return cells, helps


def assert_rollups_exact():
    assert stored() == recount()


def error_messages(error: ValidationError) -> dict:
    return error.value.message_dict


class TestRegister:
    def test_the_common_case_is_stored_with_its_question_audit_and_counts(self, eemhuis, author):
        contact, created = services.register_contact(data(eemhuis), user=author)

        assert created is True
        contact.refresh_from_db()
        assert contact.organisation == eemhuis.organisation
        assert contact.registered_by == author
        assert contact.registered_at == NOON
        assert contact.date == datetime.date(2025, 3, 12)
        assert contact.source == "desk"
        [q] = contact.questions.all()
        assert (q.category, q.topic, q.help_types) == (
            "digital_government",
            topic("digid-aanvragen"),
            ["digital_contact"],
        )
        [change] = ContactChange.objects.filter(contact=contact)
        assert change.action == "created"
        assert change.user == author
        assert change.before is None
        assert change.after["questions"][0]["topic"] == "digid-aanvragen"
        assert change.after["location"] == str(eemhuis.pk)
        [row] = DailyCount.objects.all()
        assert (row.questions, row.contacts, row.topic_id) == (1, 1, topic("digid-aanvragen").pk)
        [help_row] = DailyHelpCount.objects.all()
        assert (help_row.help_type, help_row.questions) == ("digital_contact", 1)

    def test_a_contact_counts_once_however_many_questions(self, eemhuis, author):
        digid = question()
        tax = question(agency_code="belastingdienst", topic_code="belastingaangifte")
        both = question(
            agency_code="belastingdienst",
            topic_code="belastingaangifte",
            help_types=["provider_info", "digital_contact", "digital_contact"],
        )
        services.register_contact(data(eemhuis, digid, tax, both), user=author)

        rows = {row.topic_id: row for row in DailyCount.objects.all()}
        assert rows[topic("digid-aanvragen").pk].questions == 1
        assert rows[topic("digid-aanvragen").pk].contacts == 1
        assert rows[topic("belastingaangifte").pk].questions == 2
        assert rows[topic("belastingaangifte").pk].contacts == 0
        helps = {row.help_type: row.questions for row in DailyHelpCount.objects.all()}
        assert helps == {"digital_contact": 3, "provider_info": 1}
        # Each kind of help once, in the order of the regulation.
        assert Question.objects.get(position=2).help_types == ["digital_contact", "provider_info"]
        assert_rollups_exact()

    def test_many_contacts_add_up_in_the_same_cell(self, eemhuis, vathorst, author):
        for _ in range(3):
            services.register_contact(data(eemhuis), user=author)
        services.register_contact(data(vathorst, channel="phone"), user=author)

        assert DailyCount.objects.get(location=eemhuis).questions == 3
        assert DailyCount.objects.get(location=eemhuis).contacts == 3
        assert DailyCount.objects.get(location=vathorst).channel == "phone"
        assert_rollups_exact()

    def test_the_local_date_is_counted_not_the_utc_one(self, eemhuis, author, clock):
        late = timezone.make_aware(datetime.datetime(2025, 3, 11, 23, 30))  # Amsterdam
        contact, _ = services.register_contact(data(eemhuis, registered_at=late), user=author)
        assert contact.date == datetime.date(2025, 3, 11)
        assert DailyCount.objects.get().date == datetime.date(2025, 3, 11)

    def test_an_api_registration_has_no_author(self, eemhuis):
        contact, created = services.register_contact(data(eemhuis), source="api")
        assert created
        assert contact.registered_by is None
        assert contact.source == "api"
        assert ContactChange.objects.get(contact=contact).user is None

    def test_a_referral_is_stored_and_counted_by_target(self, eemhuis, author):
        offer = OfferFactory(organisation=eemhuis.organisation, location=eemhuis)
        partner = PartnerFactory()
        referred = [
            question(help_types=["referral"], referral_target="colleague", referred_role="ido"),
            question(
                help_types=["digital_contact", "referral"],
                referral_target="organisation",
                referred_organisation=partner,
            ),
            question(help_types=["referral"], referral_target="offer", referred_offer=offer),
            # Referred to the agency the question is about: no organisation to pick.
            question(agency_code="uwv", help_types=["referral"], referral_target="organisation"),
        ]
        contact, _ = services.register_contact(data(eemhuis, *referred), user=author)

        stored_questions = list(contact.questions.order_by("position"))
        assert [q.referral_target for q in stored_questions] == [
            "colleague",
            "organisation",
            "offer",
            "organisation",
        ]
        assert stored_questions[2].referred_offer == offer
        targets = Counter()
        for row in DailyCount.objects.all():
            targets[row.referral_target] += row.questions
        assert targets == {"colleague": 1, "organisation": 2, "offer": 1}
        assert DailyHelpCount.objects.get(help_type="referral").questions == 4
        assert_rollups_exact()


class TestDedupe:
    def test_the_same_reference_twice_is_stored_once(self, eemhuis, author):
        reference = uuid.uuid4()
        first, created_first = services.register_contact(
            data(eemhuis, client_reference=reference), user=author
        )
        again, created_again = services.register_contact(
            data(eemhuis, client_reference=reference, note="anders"), user=author
        )

        assert (created_first, created_again) == (True, False)
        assert again.pk == first.pk
        assert again.note == ""
        assert Contact.objects.count() == 1
        assert DailyCount.objects.get().questions == 1
        assert ContactChange.objects.count() == 1

    def test_a_reference_is_unique_per_organisation_only(self, eemhuis, author):
        other = LocationFactory()
        reference = uuid.uuid4()
        services.register_contact(data(eemhuis, client_reference=reference), user=author)
        _, created = services.register_contact(data(other, client_reference=reference))
        assert created
        assert Contact.objects.count() == 2

    def test_a_reference_stored_meanwhile_by_another_request_is_returned(
        self, eemhuis, author, monkeypatch
    ):
        """Two requests with one reference at the same moment: both pass the first lookup; the
        database's unique constraint stops the second, which returns the first."""
        reference = uuid.uuid4()
        first, _ = services.register_contact(data(eemhuis, client_reference=reference))
        monkeypatch.setattr(services, "_existing", _found_only_after_conflict())

        contact, created = services.register_contact(
            data(eemhuis, client_reference=reference), user=author
        )

        assert (contact.pk, created) == (first.pk, False)
        assert Contact.objects.count() == 1
        assert_rollups_exact()


def _found_only_after_conflict():
    real = services._existing
    calls = []

    def lookup(organisation, reference):
        calls.append(reference)
        return None if len(calls) == 1 else real(organisation, reference)

    return lookup


class TestValidation:
    def refused(self, contact_data, user=None) -> dict:
        with pytest.raises(ValidationError) as error:
            services.register_contact(contact_data, user=user)
        assert Contact.objects.count() == 0
        assert DailyCount.objects.count() == 0
        assert DailyHelpCount.objects.count() == 0
        assert ContactChange.objects.count() == 0
        return error_messages(error)

    def test_without_questions(self, eemhuis):
        contact_data = data(eemhuis)
        contact_data.questions = []
        assert self.refused(contact_data) == {"questions": ["Registreer minstens één vraag."]}

    def test_too_many_questions(self, eemhuis):
        messages = self.refused(data(eemhuis, *[question() for _ in range(11)]))
        assert messages == {"questions": ["Registreer hoogstens 10 vragen per bezoeker."]}

    def test_unknown_channel_category_and_help(self, eemhuis):
        messages = self.refused(
            data(eemhuis, question(category="weet-niet", help_types=[]), channel="duif")
        )
        assert messages == {
            "channel": ["Kies hoe de bezoeker contact had (het kanaal)."],
            "questions[0].category": ["Kies de soort vraag."],
            "questions[0].help_types": ["Kies minstens één soort geboden hulp."],
        }

    def test_errors_name_the_question_they_are_about(self, eemhuis):
        messages = self.refused(data(eemhuis, question(), question(help_types=["teleportatie"])))
        assert messages == {"questions[1].help_types": ["Kies de geboden hulp uit de lijst."]}

    def test_a_location_of_another_organisation(self, eemhuis):
        contact_data = data(eemhuis)
        contact_data.location = LocationFactory()
        messages = self.refused(contact_data)
        assert messages == {
            "location": ["Deze locatie hoort niet bij je organisatie. Kies een andere locatie."]
        }

    def test_referral_details_without_the_referral_help(self, eemhuis):
        messages = self.refused(
            data(eemhuis, question(referral_target="colleague", referred_role="ido"))
        )
        assert messages == {
            "questions[0].referral_target": [
                "Vink bij de geboden hulp ook ‘Doorverwijzing’ aan, of laat de doorverwijzing leeg."
            ]
        }

    def test_a_referral_needs_its_target_and_details(self, eemhuis):
        draft = OfferFactory(status=OfferStatus.DRAFT)
        poi = PoiFactory()
        messages = self.refused(
            data(
                eemhuis,
                question(help_types=["referral"]),
                question(help_types=["referral"], referral_target="colleague"),
                question(help_types=["referral"], referral_target="organisation"),
                question(help_types=["referral"], referral_target="offer", referred_offer=draft),
                question(
                    help_types=["referral"],
                    referral_target="organisation",
                    referred_organisation=poi,
                ),
                question(
                    help_types=["referral"],
                    referral_target="colleague",
                    referred_role="taalhuis",
                    referred_offer=OfferFactory(),
                ),
            )
        )
        assert messages == {
            "questions[0].referral_target": ["Kies naar wie je hebt doorverwezen."],
            "questions[1].referred_role": ["Kies naar welke collega of welk programma."],
            "questions[2].referred_organisation": [
                "Kies de partnerorganisatie. Of kies bij ‘Over welke organisatie’ de "
                "dienstverlener waar je naar hebt doorverwezen."
            ],
            "questions[3].referred_offer": [
                "Dit aanbod is niet gepubliceerd. Kies een ander aanbod."
            ],
            "questions[4].referred_organisation": [
                "Naar deze organisatie kun je niet doorverwijzen."
            ],
            "questions[5].referred_offer": [
                "Vul alleen de gegevens van de gekozen doorverwijzing in."
            ],
        }

    def test_a_retired_agency_or_topic(self, eemhuis):
        retired_agency, retired_topic = agency("lbio"), topic("boetes")
        retired_agency.is_active = retired_topic.is_active = False
        retired_agency.save()
        retired_topic.save()
        messages = self.refused(data(eemhuis, question(agency_code="lbio", topic_code="boetes")))
        assert messages == {
            "questions[0].agency": [
                "Deze organisatie staat niet meer in de lijst. Kies een andere."
            ],
            "questions[0].topic": ["Dit onderwerp staat niet meer in de lijst. Kies een ander."],
        }

    @pytest.mark.parametrize(
        "note, found",
        [
            ("BSN 111222333 gecontroleerd", "een burgerservicenummer (BSN)"),
            ("mail naar j.jansen@example.nl", "een e-mailadres"),
            ("bel terug op 06-12345678", "een telefoonnummer"),
            ("woont op 3811 AB 12", "een adres (postcode met huisnummer)"),
        ],
    )
    def test_the_note_refuses_personal_data_and_says_which(self, eemhuis, note, found):
        messages = self.refused(data(eemhuis, note=note))
        assert messages == {
            "note": [
                f"De notitie lijkt {found} te bevatten. Haal dat weg: registraties zijn "
                "anoniem, dus we bewaren niets waarmee iemand te herkennen is."
            ]
        }

    def test_a_note_without_personal_data_is_kept(self, eemhuis):
        contact, _ = services.register_contact(
            data(eemhuis, note="  Brief van de Belastingdienst meegenomen, 2 vragen.  ")
        )
        assert contact.note == "Brief van de Belastingdienst meegenomen, 2 vragen."

    def test_a_long_note(self, eemhuis):
        messages = self.refused(data(eemhuis, note="a" * 501))
        assert messages == {"note": ["Maak de notitie korter: hoogstens 500 tekens (nu 501)."]}

    @pytest.mark.parametrize(
        "moment, message",
        [
            (
                NOON + datetime.timedelta(minutes=6),
                "Het tijdstip ligt in de toekomst. Klopt de klok van dit apparaat?",
            ),
            (
                NOON - datetime.timedelta(days=7, minutes=1),
                "Deze registratie is ouder dan 7 dagen en wordt niet meer aangenomen.",
            ),
        ],
    )
    def test_a_time_outside_the_window(self, eemhuis, moment, message):
        assert self.refused(data(eemhuis, registered_at=moment)) == {"registered_at": [message]}

    @pytest.mark.parametrize(
        "offset",
        [datetime.timedelta(minutes=4), -datetime.timedelta(days=6, hours=23)],
    )
    def test_a_time_inside_the_window(self, eemhuis, offset):
        contact, _ = services.register_contact(data(eemhuis, registered_at=NOON + offset))
        assert contact.registered_at == NOON + offset


class TestWhoMayRegister:
    @pytest.mark.parametrize("role", [Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER])
    def test_desk_roles_of_the_organisation(self, eemhuis, role):
        user = staff_user(eemhuis.organisation, role)
        _, created = services.register_contact(data(eemhuis), user=user)
        assert created

    def test_a_partner_organisation_registers_too(self):
        partner = PartnerFactory()
        place = LocationFactory(organisation=partner)
        _, created = services.register_contact(data(place), user=desk_user(partner))
        assert created

    @pytest.mark.parametrize(
        "make_user",
        [
            lambda: desk_user(OrganisationFactory()),
            lambda: staff_user(PoiFactory(), Role.POI_ADVISER),
            lambda: staff_user(OrganisationFactory(kind="kb"), Role.KB_ADMIN),
        ],
        ids=["other library", "POI adviser", "KB"],
    )
    def test_others_are_refused(self, eemhuis, make_user):
        with pytest.raises(PermissionDenied):
            services.register_contact(data(eemhuis), user=make_user())
        assert Contact.objects.count() == 0


class TestCorrect:
    def test_the_author_corrects_and_the_counts_follow(self, eemhuis, vathorst, author):
        contact = ContactFactory(location=eemhuis, user=author, questions=[question()])
        ContactFactory(location=eemhuis, user=author)  # stays in the DigiD cell

        corrected = services.correct_contact(
            contact,
            data(
                vathorst,
                question(agency_code="toeslagen", topic_code="toeslagen"),
                question(category="library", topic_code=None, help_types=["provider_info"]),
                channel="phone",
                note="Twee vragen",
            ),
            user=author,
        )

        assert corrected.location == vathorst
        assert corrected.channel == "phone"
        assert corrected.registered_at == NOON  # the moment stays
        assert [q.category for q in corrected.questions.order_by("position")] == [
            "digital_government",
            "library",
        ]
        digid = DailyCount.objects.get(location=eemhuis)
        assert (digid.questions, digid.contacts) == (1, 1)
        assert DailyCount.objects.get(location=vathorst, category="library").contacts == 0
        assert DailyCount.objects.get(location=vathorst, topic_id=topic("toeslagen").pk).contacts
        assert_rollups_exact()
        change = ContactChange.objects.get(contact=contact, action="changed")
        assert change.user == author
        assert change.before["location"] == str(eemhuis.pk)
        assert change.before["questions"][0]["topic"] == "digid-aanvragen"
        assert change.after["location"] == str(vathorst.pk)
        assert change.after["channel"] == "phone"
        assert [q["category"] for q in change.after["questions"]] == [
            "digital_government",
            "library",
        ]

    def test_a_correction_that_moves_no_count_writes_no_rollup(self, eemhuis, author):
        contact = ContactFactory(location=eemhuis, user=author)
        with CaptureQueriesContext(connection) as queries:
            services.correct_contact(contact, data(eemhuis, note="Brief meegenomen"), user=author)
        rollup_writes = [
            q["sql"] for q in queries.captured_queries if "desk_daily" in q["sql"].lower()
        ]
        assert rollup_writes == []
        assert Contact.objects.get().note == "Brief meegenomen"
        assert_rollups_exact()

    def test_a_cell_that_drops_to_zero_is_removed(self, eemhuis, author):
        contact = ContactFactory(location=eemhuis, user=author)
        services.correct_contact(
            contact, data(eemhuis, question(topic_code="digid-app")), user=author
        )
        [row] = DailyCount.objects.all()
        assert row.topic_id == topic("digid-app").pk
        assert_rollups_exact()

    def test_within_24_hours_only(self, eemhuis, author, clock):
        contact = ContactFactory(location=eemhuis, user=author)
        clock.shift(datetime.timedelta(hours=23, minutes=59))
        services.correct_contact(contact, data(eemhuis, channel="phone"), user=author)

        clock.shift(datetime.timedelta(minutes=1))
        with pytest.raises(PermissionDenied) as error:
            services.correct_contact(contact, data(eemhuis, channel="online"), user=author)
        assert "tot 24 uur" in str(error.value)
        assert Contact.objects.get().channel == "phone"
        assert_rollups_exact()

    def test_only_the_author(self, eemhuis, author):
        contact = ContactFactory(location=eemhuis, user=author)
        colleague = desk_user(eemhuis.organisation)
        with pytest.raises(PermissionDenied) as error:
            services.correct_contact(contact, data(eemhuis, channel="phone"), user=colleague)
        assert "Alleen wie de registratie heeft gemaakt" in str(error.value)
        with pytest.raises(PermissionDenied):
            services.correct_contact(contact, data(eemhuis, channel="phone"), user=None)
        assert Contact.objects.get().channel == "desk"
        assert ContactChange.objects.count() == 1

    def test_an_api_registration_cannot_be_corrected_on_the_screen(self, eemhuis, author):
        contact = ContactFactory(location=eemhuis, source="api")
        with pytest.raises(PermissionDenied):
            services.correct_contact(contact, data(eemhuis), user=author)

    def test_invalid_corrections_change_nothing(self, eemhuis, author):
        contact = ContactFactory(location=eemhuis, user=author)
        with pytest.raises(ValidationError) as error:
            services.correct_contact(contact, data(eemhuis, note="bel 06 12 34 56 78"), user=author)
        assert list(error_messages(error)) == ["note"]
        with pytest.raises(ValidationError):
            services.correct_contact(contact, data(LocationFactory()), user=author)
        assert Contact.objects.get().note == ""
        assert ContactChange.objects.count() == 1
        assert_rollups_exact()

    def test_a_retired_topic_may_stay_on_a_correction(self, eemhuis, author):
        contact = ContactFactory(
            location=eemhuis, user=author, questions=[question(topic_code="boetes")]
        )
        retired = topic("boetes")
        retired.is_active = False
        retired.save()
        services.correct_contact(
            contact, data(eemhuis, question(topic_code="boetes"), channel="phone"), user=author
        )
        assert Contact.objects.get().channel == "phone"
        with pytest.raises(ValidationError):
            services.register_contact(data(eemhuis, question(topic_code="boetes")), user=author)


class TestRemove:
    def test_the_author_removes_and_the_counts_drop(self, eemhuis, author):
        kept = ContactFactory(location=eemhuis, user=author)
        removed = ContactFactory(
            location=eemhuis,
            user=author,
            questions=[question(), question(topic_code="toeslagen", help_types=["course"])],
        )

        services.remove_contact(removed, user=author)

        removed.refresh_from_db()
        assert removed.is_removed
        assert Question.objects.filter(contact=removed).count() == 2  # kept for the audit
        [row] = DailyCount.objects.all()
        assert (row.questions, row.contacts) == (1, 1)
        assert {r.help_type: r.questions for r in DailyHelpCount.objects.all()} == {
            "digital_contact": 1
        }
        assert_rollups_exact()
        change = ContactChange.objects.get(contact=removed, action="removed")
        assert change.user == author
        assert change.after is None
        assert len(change.before["questions"]) == 2
        assert kept.pk != removed.pk

    def test_removing_twice_is_refused(self, eemhuis, author):
        contact = ContactFactory(location=eemhuis, user=author)
        services.remove_contact(contact, user=author)
        with pytest.raises(PermissionDenied) as error:
            services.remove_contact(contact, user=author)
        assert str(error.value) == "Deze registratie is al verwijderd."
        assert_rollups_exact()
        assert ContactChange.objects.filter(action="removed").count() == 1

    def test_only_the_author_within_24_hours(self, eemhuis, author, clock):
        contact = ContactFactory(location=eemhuis, user=author)
        with pytest.raises(PermissionDenied):
            services.remove_contact(contact, user=desk_user(eemhuis.organisation))
        clock.shift(datetime.timedelta(hours=24))
        with pytest.raises(PermissionDenied):
            services.remove_contact(contact, user=author)
        assert not Contact.objects.get().is_removed
        assert DailyCount.objects.get().questions == 1

    def test_can_change_says_the_same(self, eemhuis, author, clock):
        contact = ContactFactory(location=eemhuis, user=author)
        assert services.can_change(contact, author)
        assert not services.can_change(contact, desk_user(eemhuis.organisation))
        assert not services.can_change(
            contact, author, now=NOON + datetime.timedelta(hours=24, seconds=1)
        )


def test_a_long_sequence_keeps_the_rollups_exact(eemhuis, vathorst, author, clock):
    """Registrations on several days and places, corrected and removed in turn."""
    contacts = []
    for _day in range(3):
        for index in range(4):
            place = eemhuis if index % 2 else vathorst
            extra = [
                question(
                    topic_code="toeslagen",
                    help_types=["course", "referral"],
                    referral_target="colleague",
                    referred_role="taalhuis",
                )
            ]
            contacts.append(
                ContactFactory(
                    location=place,
                    user=author,
                    channel=["desk", "phone"][index % 2],
                    questions=[question()] + extra * (index % 3),
                )
            )
        clock.shift(datetime.timedelta(hours=8))
    for contact in contacts[-6::2]:
        services.remove_contact(contact, user=author)
    for contact in contacts[-5::2]:
        services.correct_contact(
            contact, data(eemhuis, question(category="other", topic_code="apparaat")), user=author
        )
    assert_rollups_exact()
    assert sum(DailyCount.objects.values_list("contacts", flat=True)) == 9
