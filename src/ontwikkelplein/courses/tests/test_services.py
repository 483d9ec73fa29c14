import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ontwikkelplein.catalogue.tests.factories import OfferFactory
from ontwikkelplein.courses import selectors, services
from ontwikkelplein.courses.models import (
    Attendance,
    Enrolment,
    EnrolmentStatus,
    HeadCount,
    Person,
    Run,
    RunKind,
    RunStatus,
    Session,
)
from ontwikkelplein.courses.services import CourseError
from ontwikkelplein.courses.tests.factories import (
    RunFactory,
    enrol_person,
    past_session,
    person_data,
)
from ontwikkelplein.notifications.models import Notification, OutboxMessage
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _offer_and_editor():
    org = OrganisationFactory()
    offer = OfferFactory(organisation=org, sign_up="registration", indexed=False)
    return offer, LocationFactory(organisation=org), staff_user(org, Role.SPECIALIST)


# ---------------------------------------------------------------------------------------------
# Runs and sessions


def test_create_run_and_sessions():
    offer, location, user = _offer_and_editor()
    run = services.create_run(
        offer=offer, location=location, kind=RunKind.SERIES, user=user, capacity=8, name="Voorjaar"
    )
    assert run.organisation == offer.organisation
    assert run.status == RunStatus.DRAFT
    session = services.add_session(
        run,
        date=TODAY() + datetime.timedelta(days=3),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        user=user,
    )
    assert session.run == run
    services.publish_run(run, user=user)
    assert Run.objects.get(pk=run.pk).status == RunStatus.PUBLISHED


@pytest.mark.parametrize("capacity", [0, -1, "x"])
def test_capacity_must_be_positive(capacity):
    offer, location, user = _offer_and_editor()
    with pytest.raises(CourseError) as error:
        services.create_run(
            offer=offer, location=location, kind=RunKind.SERIES, user=user, capacity=capacity
        )
    assert error.value.field == "capacity"
    assert Run.objects.count() == 0


def test_location_of_another_organisation_is_refused():
    offer, _location, user = _offer_and_editor()
    with pytest.raises(CourseError) as error:
        services.create_run(offer=offer, location=LocationFactory(), kind="series", user=user)
    assert error.value.field == "location"


def test_other_organisation_cannot_create_a_run():
    offer, location, _user = _offer_and_editor()
    with pytest.raises(PermissionDenied):
        services.create_run(offer=offer, location=location, kind="series", user=staff_user())
    front_desk = staff_user(offer.organisation, Role.FRONT_DESK)
    with pytest.raises(PermissionDenied):
        services.create_run(offer=offer, location=location, kind="series", user=front_desk)


def test_session_in_the_past_is_refused():
    run = RunFactory(sessions=0)
    user = staff_user(run.organisation)
    with pytest.raises(CourseError) as error:
        services.add_session(
            run,
            date=TODAY() - datetime.timedelta(days=1),
            start_time=datetime.time(10),
            end_time=datetime.time(12),
            user=user,
        )
    assert error.value.field == "date"
    assert "voorbij" in error.value.messages[0]
    assert Session.objects.count() == 0


def test_session_end_before_start_is_refused():
    run = RunFactory(sessions=0)
    with pytest.raises(CourseError) as error:
        services.add_session(
            run,
            date=TODAY() + datetime.timedelta(days=1),
            start_time=datetime.time(12),
            end_time=datetime.time(10),
            user=staff_user(run.organisation),
        )
    assert error.value.field == "end_time"
    assert Session.objects.count() == 0


def test_weekly_sessions_every_two_weeks_on_weekday():
    run = RunFactory(sessions=0, kind=RunKind.RECURRING)
    start = TODAY() + datetime.timedelta(days=1)
    sessions = services.add_weekly_sessions(
        run,
        first_date=start,
        weekday=2,
        count=4,
        interval_weeks=2,
        start_time=datetime.time(14),
        end_time=datetime.time(16),
        user=staff_user(run.organisation),
    )
    assert len(sessions) == 4
    assert all(s.date.weekday() == 2 for s in sessions)
    assert (sessions[1].date - sessions[0].date).days == 14
    assert sessions[0].date >= start


def test_publish_needs_a_future_session():
    run = RunFactory(sessions=0, status=RunStatus.DRAFT)
    with pytest.raises(CourseError):
        services.publish_run(run, user=staff_user(run.organisation))
    assert Run.objects.get(pk=run.pk).status == RunStatus.DRAFT


def test_capacity_cannot_drop_below_places_taken_and_more_places_go_to_waiting_list():
    run = RunFactory(capacity=1)
    user = staff_user(run.organisation)
    enrol_person(run)
    waiting, _token = enrol_person(run)
    assert waiting.status == EnrolmentStatus.WAITING
    services.update_run(run, user=user, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.OFFERED
    with pytest.raises(CourseError) as error:
        services.update_run(run, user=user, capacity=1)
    assert error.value.field == "capacity"
    assert Run.objects.get(pk=run.pk).capacity == 2


def test_cancel_run_mails_participants():
    run = RunFactory()
    enrol_person(run, email="a@example.org")
    OutboxMessage.objects.all().delete()
    services.cancel_run(run, user=staff_user(run.organisation))
    assert Run.objects.get(pk=run.pk).status == RunStatus.CANCELLED
    assert OutboxMessage.objects.filter(to=["a@example.org"]).count() == 1


def test_set_helpers_replaces_them():
    run = RunFactory()
    user = staff_user(run.organisation)
    services.set_helpers(run, [{"name": "Joke", "role": "teacher"}], user=user)
    services.set_helpers(
        run, [{"name": "Piet", "role": "volunteer"}, {"name": "", "role": "teacher"}], user=user
    )
    assert [h.name for h in run.helpers.all()] == ["Piet"]


# ---------------------------------------------------------------------------------------------
# Enrolment


def test_enrol_with_places_left_and_confirmation_mail():
    run = RunFactory(capacity=2)
    enrolment, token = enrol_person(run, email="anna@example.org", name="Anna")
    assert enrolment.status == EnrolmentStatus.ENROLLED
    assert enrolment.token_hash and enrolment.token_hash != token
    assert selectors.enrolment_for_token(token) == enrolment
    message = OutboxMessage.objects.get(to=["anna@example.org"])
    assert f"/cursus/{token}/" in message.body
    assert enrolment.reference in message.body
    assert selectors.places_left(run) == 1


def test_full_run_puts_people_on_the_waiting_list():
    run = RunFactory(capacity=1)
    enrol_person(run)
    second, _ = enrol_person(run)
    third, _ = enrol_person(run)
    assert second.status == third.status == EnrolmentStatus.WAITING
    assert services.waiting_position(third) == 2
    assert selectors.places_left(run) == 0


def test_intake_required():
    run = RunFactory(intake_required=True, capacity=1)
    enrolment, _ = enrol_person(run)
    assert enrolment.status == EnrolmentStatus.INTAKE
    assert selectors.places_left(run) == 0
    user = staff_user(run.organisation, Role.FRONT_DESK)
    services.complete_intake(enrolment, accepted=True, user=user)
    assert enrolment.status == EnrolmentStatus.ENROLLED
    with pytest.raises(CourseError):
        services.complete_intake(enrolment, accepted=True, user=user)


def test_declined_intake_frees_the_place():
    run = RunFactory(intake_required=True, capacity=1)
    first, _ = enrol_person(run)
    second, _ = enrol_person(run)
    services.complete_intake(first, accepted=False, user=staff_user(run.organisation))
    assert first.status == EnrolmentStatus.DECLINED
    second.refresh_from_db()
    assert second.status == EnrolmentStatus.OFFERED


def test_double_sign_up_is_refused():
    run = RunFactory()
    enrol_person(run, email="anna@example.org")
    with pytest.raises(CourseError) as error:
        enrol_person(run, email="ANNA@example.org", name="Anna B")
    assert "al aangemeld" in error.value.messages[0]
    enrol_person(run, phone="06 12345678")
    with pytest.raises(CourseError):
        enrol_person(run, phone="0612345678")
    assert Enrolment.objects.count() == 2
    assert Person.objects.count() == 2


def test_sign_up_again_after_cancelling_is_allowed():
    run = RunFactory()
    enrolment, _ = enrol_person(run, email="anna@example.org")
    services.cancel_enrolment(enrolment)
    again, _ = enrol_person(run, email="anna@example.org")
    assert again.status == EnrolmentStatus.ENROLLED
    # The same person (same address at the same organisation) keeps one key.
    assert again.person_key == enrolment.person_key


@pytest.mark.parametrize(
    "run_kwargs",
    [
        {"status": RunStatus.DRAFT},
        {"status": RunStatus.CANCELLED},
        {"walk_in": True, "capacity": None},
        {"sign_up_closes": datetime.date.today() - datetime.timedelta(days=1)},
        {"sign_up_opens": datetime.date.today() + datetime.timedelta(days=2)},
        {"sessions": 0},
    ],
)
def test_enrol_is_refused_when_sign_up_is_not_open(run_kwargs):
    run = RunFactory(**run_kwargs)
    with pytest.raises(CourseError):
        enrol_person(run)
    assert Enrolment.objects.count() == 0
    assert Person.objects.count() == 0


def test_series_closes_when_it_has_started():
    run = RunFactory(sessions=2)
    past_session(run, days_ago=3)
    with pytest.raises(CourseError):
        enrol_person(run)


def test_resident_needs_phone_or_email_and_consent():
    run = RunFactory()
    with pytest.raises(CourseError) as error:
        services.enrol(run, person_data(), source="resident")
    assert error.value.field == "phone"
    with pytest.raises(CourseError) as error:
        services.enrol(run, person_data(email="a@example.org", consent_text=""), source="resident")
    assert error.value.field == "consent"
    with pytest.raises(CourseError) as error:
        services.enrol(run, person_data(email="geen-adres"), source="resident")
    assert error.value.field == "email"
    assert Enrolment.objects.count() == 0


def test_staff_enrol_without_contact_details():
    run = RunFactory()
    user = staff_user(run.organisation, Role.FRONT_DESK)
    enrolment, _ = services.enrol(
        run, person_data(name="Henk", consent_recorded_by=user), source="staff", user=user
    )
    assert enrolment.source == "staff"
    assert enrolment.created_by == user
    assert enrolment.person.consent_recorded_by == user
    assert OutboxMessage.objects.count() == 0
    # The same name without contact details twice is taken as a double sign-up.
    with pytest.raises(CourseError):
        services.enrol(run, person_data(name="henk"), source="staff", user=user)


def test_staff_of_another_organisation_cannot_enrol():
    run = RunFactory()
    with pytest.raises(PermissionDenied):
        services.enrol(run, person_data(name="Henk"), source="staff", user=staff_user())


def test_cancel_offers_the_place_to_the_first_on_the_waiting_list():
    run = RunFactory(capacity=1)
    first, _ = enrol_person(run)
    second, _ = enrol_person(run, email="second@example.org")
    third, _ = enrol_person(run)
    OutboxMessage.objects.all().delete()
    services.cancel_enrolment(first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == EnrolmentStatus.OFFERED
    assert third.status == EnrolmentStatus.WAITING
    assert second.offer_expires_at > timezone.now() + datetime.timedelta(hours=47)
    message = OutboxMessage.objects.get(to=["second@example.org"])
    token = message.body.split("/cursus/")[1].split("/")[0]
    assert selectors.enrolment_for_token(token) == second
    services.accept_offer(second)
    assert second.status == EnrolmentStatus.ENROLLED
    with pytest.raises(CourseError):
        services.cancel_enrolment(first)


def test_offer_without_email_notifies_staff():
    run = RunFactory(capacity=1)
    user = staff_user(run.organisation, Role.FRONT_DESK)
    first, _ = enrol_person(run)
    waiting, _ = services.enrol(run, person_data(name="Henk"), source="staff", user=user)
    services.cancel_enrolment(first, user=user)
    waiting.refresh_from_db()
    assert waiting.status == EnrolmentStatus.OFFERED
    note = Notification.objects.get(user=user)
    assert "Henk" in note.text


def test_decline_and_expiry_pass_the_place_on():
    run = RunFactory(capacity=1)
    first, _ = enrol_person(run)
    second, _ = enrol_person(run)
    third, _ = enrol_person(run)
    services.cancel_enrolment(first)
    services.decline_offer(second)
    third.refresh_from_db()
    assert third.status == EnrolmentStatus.OFFERED
    fourth, _ = enrol_person(run)
    later = timezone.now() + datetime.timedelta(hours=49)
    with pytest.raises(CourseError):
        services.accept_offer(third, now=later)
    assert services.expire_offers(now=later) == 1
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == EnrolmentStatus.CANCELLED
    assert fourth.status == EnrolmentStatus.OFFERED


# ---------------------------------------------------------------------------------------------
# Attendance


def _enrolled(run, n):
    return [enrol_person(run)[0] for _i in range(n)]


def test_record_attendance():
    run = RunFactory(capacity=20)
    people = _enrolled(run, 3)
    session = past_session(run)
    user = staff_user(run.organisation, Role.FRONT_DESK)
    stored = services.record_attendance(
        session,
        {str(people[0].pk): "present", people[1].pk: "absent", people[2].pk: ""},
        user=user,
    )
    assert stored == 2
    services.record_attendance(session, {people[0].pk: "excused"}, user=user)
    assert dict(Attendance.objects.values_list("enrolment_id", "status")) == {
        people[0].pk: "excused",
        people[1].pk: "absent",
    }


def test_attendance_bad_input_changes_nothing():
    run = RunFactory()
    person = _enrolled(run, 1)[0]
    session = past_session(run)
    user = staff_user(run.organisation)
    with pytest.raises(CourseError):
        services.record_attendance(session, {person.pk: "maybe"}, user=user)
    other = enrol_person(RunFactory())[0]
    with pytest.raises(CourseError):
        services.record_attendance(session, {person.pk: "present", other.pk: "present"}, user=user)
    future = run.sessions.filter(date__gt=TODAY()).first()
    with pytest.raises(CourseError):
        services.record_attendance(future, {person.pk: "present"}, user=user)
    assert Attendance.objects.count() == 0
    with pytest.raises(PermissionDenied):
        services.record_attendance(session, {person.pk: "present"}, user=staff_user())


def test_teacher_with_account_may_register():
    run = RunFactory()
    person = _enrolled(run, 1)[0]
    teacher = staff_user(OrganisationFactory())
    services.set_helpers(
        run,
        [{"name": "Joke", "role": "teacher", "user": teacher}],
        user=staff_user(run.organisation),
    )
    services.record_attendance(past_session(run), {person.pk: "present"}, user=teacher)
    assert Attendance.objects.count() == 1


def test_head_count_for_walk_in_only():
    walk_in = RunFactory(walk_in=True, capacity=None, kind=RunKind.RECURRING)
    user = staff_user(walk_in.organisation)
    session = past_session(walk_in)
    services.record_head_count(session, 12, user=user)
    services.record_head_count(session, "14", user=user)
    assert HeadCount.objects.get(session=session).count == 14
    with pytest.raises(CourseError):
        services.record_head_count(session, -1, user=user)
    run = RunFactory()
    with pytest.raises(CourseError):
        services.record_head_count(past_session(run), 3, user=staff_user(run.organisation))
    assert HeadCount.objects.get(session=session).count == 14


# ---------------------------------------------------------------------------------------------
# Scheduled work


def test_reminders_once_for_tomorrow():
    run = RunFactory(sessions=1, sessions__start=TODAY() + datetime.timedelta(days=1))
    enrol_person(run, email="anna@example.org")
    services.enrol(
        run,
        person_data(name="Henk"),
        source="staff",
        user=staff_user(run.organisation),
    )
    OutboxMessage.objects.all().delete()
    assert services.send_reminders() == 1
    assert services.send_reminders() == 0
    assert OutboxMessage.objects.filter(to=["anna@example.org"]).count() == 1


def test_retention_erases_personal_data_but_keeps_the_figures():
    run = RunFactory(sessions=0)
    session = past_session(run, days_ago=1)
    Session.objects.filter(pk=session.pk).update(date=TODAY() + datetime.timedelta(days=5))
    enrolment, token = enrol_person(run, email="anna@example.org")
    Session.objects.filter(pk=session.pk).update(date=TODAY() - datetime.timedelta(days=10))
    Attendance.objects.create(session=session, enrolment=enrolment, status="present")
    assert services.erase_expired_personal_data() == 0
    later = timezone.now() + datetime.timedelta(days=400)
    with time_machine.travel(later, tick=False):
        assert services.erase_expired_personal_data() == 1
    enrolment.refresh_from_db()
    assert enrolment.person is None
    assert Person.objects.count() == 0
    assert OutboxMessage.objects.filter(to=["anna@example.org"]).count() == 0
    assert selectors.enrolment_for_token(token) is None
    assert Attendance.objects.count() == 1


def test_scheduled_tasks_are_registered():
    from ontwikkelplein.notifications import scheduled

    names = {task.name for task in scheduled.tasks()}
    assert {"course-reminders", "course-retention"} <= names
