"""Activity plans (draaiboeken): relative deadlines, copying and templates, the offer and run in
one step, the evaluation into impact stories, reminders, roles and bad input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.activityplans import selectors, services
from ontwikkelplein.activityplans.models import ActivityPlan, offset_label
from ontwikkelplein.activityplans.tests.factories import (
    ActivityPlanFactory,
    PlanPartnerFactory,
    PlanTaskFactory,
)
from ontwikkelplein.catalogue.models import OfferStatus
from ontwikkelplein.catalogue.tests.factories import offer_type, target_group, theme
from ontwikkelplein.courses.models import Run
from ontwikkelplein.impact.models import Story
from ontwikkelplein.notifications.models import Notification
from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    utrecht = province("Utrecht")
    poi = PoiFactory(provinces=[utrecht])
    municipality = MunicipalityFactory(province=utrecht)
    library = OrganisationFactory(name="Bibliotheek Taalstad", municipalities=[municipality])
    other = OrganisationFactory(name="Bibliotheek Elders", municipalities=[municipality])
    return {
        "poi": poi,
        "library": library,
        "other": other,
        "location": LocationFactory(organisation=library, municipality=municipality),
        "specialist": staff_user(library, Role.SPECIALIST),
        "leader": staff_user(library, Role.TEAM_LEADER),
        "desk": staff_user(library, Role.FRONT_DESK),
        "adviser": staff_user(poi, Role.POI_ADVISER),
        "other_specialist": staff_user(other, Role.SPECIALIST),
    }


def _login(client, user):
    client.force_login(user)
    return client


# --- Relative deadlines ---------------------------------------------------------------------


def test_offset_labels_in_words():
    assert offset_label(0) == "op de dag zelf"
    assert offset_label(-21) == "3 weken voor"
    assert offset_label(-1) == "1 dag voor"
    assert offset_label(2) == "2 dagen na"


def test_a_task_gets_a_date_from_the_plan_and_moves_with_it(world):
    plan = ActivityPlanFactory(organisation=world["library"], starts_on=datetime.date(2027, 3, 20))
    task = PlanTaskFactory(plan=plan, offset_days=-21)
    assert task.due_on == datetime.date(2027, 2, 27)
    plan.starts_on = datetime.date(2027, 4, 3)
    assert task.due_on == datetime.date(2027, 3, 13)
    plan.starts_on = None
    assert task.due_on is None
    assert not task.is_overdue(datetime.date(2030, 1, 1))


def test_an_open_task_past_its_date_is_overdue_and_a_done_one_is_not(world):
    today = timezone.localdate()
    plan = ActivityPlanFactory(
        organisation=world["library"], starts_on=today + datetime.timedelta(5)
    )
    late = PlanTaskFactory(plan=plan, offset_days=-7)
    done = PlanTaskFactory(plan=plan, offset_days=-7, done_on=today)
    later = PlanTaskFactory(plan=plan, offset_days=-2)
    assert late.is_overdue(today)
    assert not done.is_overdue(today)
    assert not later.is_overdue(today)
    (row,) = selectors.plan_rows(selectors.plans_of([world["library"]]), today)
    assert (row.overdue, row.done, row.total) == (1, 1, 3)


def test_the_detail_page_marks_an_overdue_task_in_words(client, world):
    today = timezone.localdate()
    plan = ActivityPlanFactory(
        organisation=world["library"], starts_on=today + datetime.timedelta(5)
    )
    PlanTaskFactory(plan=plan, title="Poster ophangen", offset_days=-21)
    response = _login(client, world["specialist"]).get(
        reverse("activityplans:detail", args=[plan.pk])
    )
    html = response.content.decode()
    assert "op-task--overdue" in html
    assert "te laat" in html
    assert "3 weken voor" in html


# --- Tasks through the form -------------------------------------------------------------------


def test_a_task_three_weeks_before_is_stored_as_minus_21_days(client, world):
    plan = ActivityPlanFactory(organisation=world["library"])
    _login(client, world["specialist"])
    response = client.post(
        reverse("activityplans:task-add", args=[plan.pk]),
        {
            "title": "Poster maken",
            "amount": "3",
            "unit": "weeks",
            "direction": "before",
            "owner": str(world["desk"].pk),
            "is_promotion": "on",
        },
    )
    assert response.status_code == 302
    task = plan.tasks.get()
    assert (task.offset_days, task.owner, task.is_promotion) == (-21, world["desk"], True)


def test_a_task_owner_must_work_for_the_library(client, world):
    plan = ActivityPlanFactory(organisation=world["library"])
    _login(client, world["specialist"])
    response = client.post(
        reverse("activityplans:task-add", args=[plan.pk]),
        {
            "title": "X",
            "amount": "1",
            "unit": "days",
            "direction": "before",
            "owner": str(world["other_specialist"].pk),
        },
    )
    assert response.status_code == 200
    assert not plan.tasks.exists()


def test_more_than_a_year_away_is_refused_in_words(client, world):
    plan = ActivityPlanFactory(organisation=world["library"])
    _login(client, world["specialist"])
    response = client.post(
        reverse("activityplans:task-add", args=[plan.pk]),
        {"title": "X", "amount": "60", "unit": "weeks", "direction": "before"},
    )
    assert response.status_code == 200
    assert "hoogstens een jaar" in response.content.decode()
    assert not plan.tasks.exists()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "title": st.text(max_size=300),
            "amount": st.one_of(st.text(max_size=12), st.integers().map(str)),
            "unit": st.sampled_from(["days", "weeks", "", "maanden", "\x00"]),
            "direction": st.sampled_from(["before", "on", "after", "", "ooit"]),
            "owner": st.one_of(st.text(max_size=40), st.uuids().map(str), st.integers().map(str)),
            "is_promotion": st.text(max_size=5),
        },
    )
)
def test_any_task_input_gives_a_page_or_a_saved_task_never_an_error(client, world, data):
    plan = ActivityPlan.objects.filter(
        organisation=world["library"]
    ).first() or ActivityPlanFactory(organisation=world["library"])
    _login(client, world["specialist"])
    data = {k: v.replace("\x00", "") for k, v in data.items()}
    before = plan.tasks.count()
    response = client.post(reverse("activityplans:task-add", args=[plan.pk]), data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert plan.tasks.count() == before + 1
        assert all(abs(t.offset_days) <= 365 for t in plan.tasks.all())
    else:
        assert plan.tasks.count() == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "title": st.text(max_size=200),
            "kind": st.sampled_from(["activity", "programme", "x", ""]),
            "starts_on": st.one_of(st.dates().map(str), st.text(max_size=12)),
            "start_time": st.one_of(
                st.times().map(lambda t: t.strftime("%H:%M")), st.text(max_size=6)
            ),
            "end_time": st.one_of(
                st.times().map(lambda t: t.strftime("%H:%M")), st.text(max_size=6)
            ),
            "sessions": st.one_of(st.integers().map(str), st.text(max_size=5)),
            "location": st.one_of(st.uuids().map(str), st.text(max_size=10)),
            "themes": st.one_of(st.uuids().map(str), st.text(max_size=10)),
            "aim": st.text(max_size=300),
        },
    )
)
def test_any_plan_input_gives_a_page_or_a_saved_plan_never_an_error(client, world, data):
    _login(client, world["specialist"])
    data = {k: v.replace("\x00", "") for k, v in data.items()}
    response = client.post(reverse("activityplans:create"), data)
    assert response.status_code in (200, 302)


# --- Copying and templates ------------------------------------------------------------------


def test_a_copy_takes_texts_partners_and_open_tasks_with_their_relative_deadlines(world):
    plan = ActivityPlanFactory(
        organisation=world["library"], evaluated_on=timezone.localdate(), reach=20
    )
    plan.themes.set([theme("nederlands-leren")])
    PlanPartnerFactory(plan=plan, contribution="Leiden de tafels")
    PlanTaskFactory(plan=plan, offset_days=-14, owner=world["desk"], done_on=timezone.localdate())
    new_date = datetime.date(2027, 9, 1)
    copy = services.copy_plan(
        world["specialist"], plan, organisation=world["library"], starts_on=new_date
    )
    assert copy.pk != plan.pk and copy.copied_from == plan
    assert copy.starts_on == new_date and copy.evaluated_on is None and copy.reach is None
    assert list(copy.themes.all()) == [theme("nederlands-leren")]
    assert copy.partners.get().contribution == "Leiden de tafels"
    task = copy.tasks.get()
    task.plan = copy
    assert (task.offset_days, task.done_on, task.owner) == (-14, None, world["desk"])
    assert task.due_on == datetime.date(2027, 8, 18)


def test_a_national_template_is_copied_by_any_library_without_foreign_owners(world):
    national = ActivityPlan.objects.get(organisation__isnull=True, title="Klik & Tik-reeks")
    assert national.tasks.count() >= 5
    copy = services.copy_plan(world["other_specialist"], national, organisation=world["other"])
    assert copy.organisation == world["other"] and not copy.is_template
    assert copy.tasks.count() == national.tasks.count()
    assert not copy.tasks.exclude(owner=None).exists()


def test_a_plan_kept_as_own_template_has_no_date(world):
    plan = ActivityPlanFactory(organisation=world["library"])
    template = services.copy_plan(
        world["specialist"],
        plan,
        organisation=world["library"],
        as_template=True,
        starts_on=datetime.date(2027, 1, 1),
    )
    assert template.is_template and template.starts_on is None
    assert template in selectors.templates_for([world["library"]])
    assert template not in selectors.templates_for([world["other"]])


def test_copying_into_a_library_one_does_not_write_for_is_refused(client, world):
    plan = ActivityPlanFactory(organisation=world["library"])
    _login(client, world["specialist"])
    response = client.post(
        reverse("activityplans:copy", args=[plan.pk]),
        {"organisation": str(world["other"].pk), "as_template": "0"},
    )
    assert response.status_code == 200  # the other library is not a choice
    assert not ActivityPlan.objects.filter(organisation=world["other"]).exists()


# --- Into the catalogue ---------------------------------------------------------------------


def _ready_plan(world, **kwargs):
    plan = ActivityPlanFactory(organisation=world["library"], location=world["location"], **kwargs)
    plan.themes.set([theme("nederlands-leren")])
    plan.target_groups.set([target_group("anderstaligen")])
    return plan


def test_a_ready_plan_becomes_a_draft_offer_with_a_run_and_its_sessions(client, world):
    partner = PartnerFactory(name="Welzijn Taalstad")
    plan = _ready_plan(world, kind="programme", sessions=4)
    PlanPartnerFactory(plan=plan, organisation=partner, name="")
    _login(client, world["specialist"])
    response = client.post(
        reverse("activityplans:make-offer", args=[plan.pk]),
        {
            "offer_type": str(offer_type("cafe").pk),
            "summary": "Oefen Nederlands praten.",
            "capacity": "12",
        },
    )
    plan.refresh_from_db()
    assert response.status_code == 302
    offer = plan.offer
    assert offer.status == OfferStatus.DRAFT and offer.title == plan.title
    assert list(offer.themes.all()) == [theme("nederlands-leren")]
    assert list(offer.partners.all()) == [partner]
    run = Run.objects.get(offer=offer)
    assert run.capacity == 12 and run.location == world["location"]
    assert [s.date for s in run.sessions.order_by("date")] == [
        plan.starts_on + datetime.timedelta(weeks=n) for n in range(4)
    ]
    assert response["Location"] == reverse("catalogue:staff-offer-edit", args=[offer.pk])


def test_a_plan_without_date_or_place_says_what_is_missing_and_makes_nothing(client, world):
    plan = ActivityPlanFactory(organisation=world["library"], starts_on=None)
    _login(client, world["specialist"])
    page = client.get(reverse("activityplans:make-offer", args=[plan.pk])).content.decode()
    assert "Vul de datum van de activiteit in." in page
    response = client.post(
        reverse("activityplans:make-offer", args=[plan.pk]),
        {"offer_type": str(offer_type("cafe").pk), "summary": "Zin."},
    )
    assert response.status_code == 200
    plan.refresh_from_db()
    assert plan.offer is None and not Run.objects.exists()


def test_a_past_activity_becomes_no_offer(world):
    plan = _ready_plan(world, starts_on=timezone.localdate() - datetime.timedelta(days=1))
    assert any("al geweest" in p for p in services.offer_problems(plan))
    with pytest.raises(services.PlanError):
        services.make_offer(
            world["specialist"], plan, offer_type=offer_type("cafe"), summary="Zin."
        )
    assert not Run.objects.exists()


def test_an_offer_is_made_once(world):
    plan = _ready_plan(world)
    services.make_offer(world["specialist"], plan, offer_type=offer_type("cafe"), summary="Zin.")
    with pytest.raises(services.PlanError):
        services.make_offer(
            world["specialist"], plan, offer_type=offer_type("cafe"), summary="Zin."
        )


# --- The evaluation -------------------------------------------------------------------------


def test_a_story_with_consent_goes_to_the_impact_stories_of_the_run(world):
    plan = _ready_plan(world)
    services.make_offer(world["specialist"], plan, offer_type=offer_type("cafe"), summary="Zin.")
    plan.refresh_from_db()
    ActivityPlan.objects.filter(pk=plan.pk).update(
        starts_on=timezone.localdate() - datetime.timedelta(1)
    )
    plan.refresh_from_db()
    services.evaluate(
        world["specialist"],
        plan,
        reach=24,
        partner_reach=3,
        went_well="Kleine tafels.",
        to_change="Later beginnen.",
        story="Een deelnemer belde zelf de huisarts.",
        consent=True,
    )
    plan.refresh_from_db()
    assert plan.is_evaluated and plan.reach == 24 and plan.story_shared
    story = Story.objects.get()
    assert story.run.offer == plan.offer and story.consent


def test_without_a_run_the_story_stays_on_the_plan(world):
    plan = ActivityPlanFactory(organisation=world["library"], starts_on=timezone.localdate())
    services.evaluate(
        world["specialist"],
        plan,
        reach=10,
        partner_reach=None,
        went_well="",
        to_change="",
        story="Een vader las voor het eerst voor.",
        consent=True,
    )
    plan.refresh_from_db()
    assert plan.story and plan.story_consent and not plan.story_shared
    assert not Story.objects.exists()


def test_a_story_naming_someone_or_without_consent_is_refused(world):
    plan = ActivityPlanFactory(organisation=world["library"], starts_on=timezone.localdate())
    with pytest.raises(services.PlanError):
        services.evaluate(
            world["specialist"],
            plan,
            reach=1,
            partner_reach=None,
            went_well="",
            to_change="",
            story="Mevrouw Jansen belde 0612345678.",
            consent=True,
        )
    with pytest.raises(services.PlanError):
        services.evaluate(
            world["specialist"],
            plan,
            reach=1,
            partner_reach=None,
            went_well="",
            to_change="",
            story="Een deelnemer was blij.",
            consent=False,
        )
    plan.refresh_from_db()
    assert not plan.is_evaluated


def test_a_future_activity_is_not_evaluated(client, world):
    plan = ActivityPlanFactory(organisation=world["library"])
    _login(client, world["specialist"])
    response = client.post(reverse("activityplans:evaluation", args=[plan.pk]), {"reach": "5"})
    assert response.status_code == 200
    plan.refresh_from_db()
    assert not plan.is_evaluated


# --- Reminders ------------------------------------------------------------------------------


def test_owners_are_reminded_once_of_tasks_due_within_three_days(world):
    today = timezone.localdate()
    plan = ActivityPlanFactory(
        organisation=world["library"], starts_on=today + datetime.timedelta(10)
    )
    soon = PlanTaskFactory(plan=plan, offset_days=-8, owner=world["desk"])
    PlanTaskFactory(plan=plan, offset_days=-1, owner=world["desk"])  # in 9 days: not yet
    PlanTaskFactory(plan=plan, offset_days=-8, owner=world["desk"], done_on=today)
    PlanTaskFactory(plan=plan, offset_days=-8)  # nobody
    quiet = ActivityPlanFactory(
        organisation=world["library"], starts_on=plan.starts_on, remind_owners=False
    )
    PlanTaskFactory(plan=quiet, offset_days=-8, owner=world["desk"])
    assert services.remind_tasks(today=today) == 1
    assert services.remind_tasks(today=today) == 0
    (note,) = Notification.objects.filter(user=world["desk"])
    assert soon.title in note.text and str(plan.pk) in note.url


# --- Roles ----------------------------------------------------------------------------------


def test_roles(client, world):
    plan = ActivityPlanFactory(organisation=world["library"])
    task = PlanTaskFactory(plan=plan, owner=world["desk"])
    detail = reverse("activityplans:detail", args=[plan.pk])
    edit = reverse("activityplans:edit", args=[plan.pk])
    for user, detail_status, edit_status in (
        (world["specialist"], 200, 200),
        (world["leader"], 200, 200),
        (world["desk"], 200, 403),
        (world["other_specialist"], 404, 404),
        (world["adviser"], 404, 404),
    ):
        client.force_login(user)
        assert client.get(detail).status_code == detail_status, user
        assert client.get(edit).status_code == edit_status, user
    # The front desk ticks off its own task, not others'.
    client.force_login(world["desk"])
    assert (
        client.post(reverse("activityplans:task-done", args=[task.pk]), {"done": "1"}).status_code
        == 302
    )
    task.refresh_from_db()
    assert task.done_on == timezone.localdate()
    other = PlanTaskFactory(plan=plan, owner=world["specialist"])
    assert (
        client.post(reverse("activityplans:task-done", args=[other.pk]), {"done": "1"}).status_code
        == 403
    )


def test_the_poi_sees_figures_of_its_region_only(client, world):
    plan = ActivityPlanFactory(
        organisation=world["library"],
        starts_on=timezone.localdate() - datetime.timedelta(3),
        evaluated_on=timezone.localdate(),
        reach=3,
    )
    plan.themes.set([theme("nederlands-leren")])
    far = OrganisationFactory(municipalities=[MunicipalityFactory(province=province("Groningen"))])
    ActivityPlanFactory(organisation=far, title="Ver weg")
    _login(client, world["adviser"])
    assert client.get(reverse("activityplans:index")).status_code == 302
    page = client.get(reverse("activityplans:figures")).content.decode()
    assert "Bibliotheek Taalstad" in page and far.name not in page
    assert "&lt;5" in page  # a reach of 3 is shown as <5
    assert plan.title not in page
    client.force_login(world["specialist"])
    assert client.get(reverse("activityplans:figures")).status_code == 403


def test_the_index_lists_own_plans_and_templates(client, world):
    ActivityPlanFactory(organisation=world["library"], title="Eigen plan")
    ActivityPlanFactory(organisation=world["other"], title="Plan van elders")
    page = _login(client, world["desk"]).get(reverse("activityplans:index")).content.decode()
    assert "Eigen plan" in page and "Plan van elders" not in page
    assert "Voorleesmiddag" in page  # a national example
    assert "Nieuw draaiboek" not in page  # the front desk reads
