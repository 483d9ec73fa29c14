"""All writes of activity plans. Every function checks the user's rights itself (access.py),
refuses bad input with a PlanError (a Dutch message, nothing changed) and runs in one
transaction."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.activityplans import access
from ontwikkelplein.activityplans.models import (
    MAX_OFFSET_DAYS,
    ActivityPlan,
    PlanKind,
    PlanPartner,
    PlanTask,
)
from ontwikkelplein.catalogue import services as catalogue
from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.courses import services as courses
from ontwikkelplein.courses.models import RunKind
from ontwikkelplein.impact import services as impact
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.organisations.models import Membership

REMIND_DAYS_BEFORE = 3
# The fields a copy takes over (the date, the offer and the evaluation stay behind).
COPIED_FIELDS = (
    "title",
    "kind",
    "audience",
    "aim",
    "start_time",
    "end_time",
    "sessions",
    "venue",
    "co_creation",
    "promotion_channels",
    "promotion_materials",
    "remind_owners",
)


class PlanError(FieldError):
    """Bad input for a plan: a Dutch message and the field it is about."""


def staff_of(organisation):
    """The library's own staff who may own a task (front desk, specialists, team leaders)."""
    if organisation is None:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(
            memberships__organisation=organisation,
            memberships__role__in=access.READER_ROLES,
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _check_location(plan: ActivityPlan) -> None:
    if plan.location_id and plan.location.organisation_id != plan.organisation_id:
        raise PlanError(_("Kies een locatie van de eigen bibliotheek."), "location")


def _check_times(plan: ActivityPlan) -> None:
    if plan.start_time and plan.end_time and plan.end_time <= plan.start_time:
        raise PlanError(_("De eindtijd moet na de begintijd liggen."), "end_time")


@transaction.atomic
def save_plan(user, form, *, organisation=None) -> ActivityPlan:
    """Saves the plan form: a new plan of `organisation`, or changes to the plan it holds."""
    plan = form.instance
    if plan._state.adding:
        access.require_writer_of(user, organisation)
        plan.organisation = organisation
        plan.created_by = user
    else:
        stored = ActivityPlan.objects.select_for_update().get(pk=plan.pk)
        access.require_write(user, stored)
        plan.organisation_id = stored.organisation_id
    _check_location(plan)
    _check_times(plan)
    plan = form.save()
    return plan


@transaction.atomic
def copy_plan(user, plan: ActivityPlan, *, organisation, as_template=False, starts_on=None):
    """A new plan of `organisation` from `plan` (a template or an earlier activity): its texts,
    themes, target groups, partners and tasks with their relative deadlines, all open again.
    Task owners stay only when they work for `organisation`."""
    access.require_read(user, plan)
    access.require_writer_of(user, organisation)
    copy = ActivityPlan(
        organisation=organisation,
        is_template=bool(as_template),
        starts_on=None if as_template else starts_on,
        copied_from=plan,
        created_by=user,
        **{name: getattr(plan, name) for name in COPIED_FIELDS},
    )
    if plan.location_id and plan.location.organisation_id == organisation.pk:
        copy.location = plan.location
    copy.save()
    copy.themes.set(plan.themes.all())
    copy.target_groups.set(plan.target_groups.all())
    for partner in plan.partners.all():
        PlanPartner.objects.create(
            plan=copy,
            organisation=partner.organisation,
            name=partner.name,
            contribution=partner.contribution,
        )
    staff = set(staff_of(organisation).values_list("pk", flat=True))
    for task in plan.tasks.all():
        PlanTask.objects.create(
            plan=copy,
            title=task.title,
            is_promotion=task.is_promotion,
            offset_days=task.offset_days,
            owner_id=task.owner_id if task.owner_id in staff else None,
        )
    return copy


@transaction.atomic
def delete_plan(user, plan: ActivityPlan) -> None:
    access.require_write(user, plan)
    plan.delete()


# --- Partners and co-creators ---------------------------------------------------------------


@transaction.atomic
def add_partner(user, plan, *, organisation=None, name="", contribution="") -> PlanPartner:
    access.require_write(user, plan)
    name = (name or "").strip()
    if organisation is None and not name:
        raise PlanError(
            _("Kies een partnerorganisatie of vul de naam van een co-creator in."), "name"
        )
    if organisation is not None and name:
        raise PlanError(_("Kies een partnerorganisatie óf vul een naam in, niet allebei."), "name")
    if organisation is not None and plan.partners.filter(organisation=organisation).exists():
        raise PlanError(_("Deze partner staat al in het draaiboek."), "organisation")
    return PlanPartner.objects.create(
        plan=plan,
        organisation=organisation,
        name=name[:150],
        contribution=(contribution or "").strip()[:2000],
    )


@transaction.atomic
def remove_partner(user, partner: PlanPartner) -> None:
    access.require_write(user, partner.plan)
    partner.delete()


# --- Tasks ----------------------------------------------------------------------------------


def _check_task(plan, *, title, offset_days, owner) -> str:
    title = (title or "").strip()
    if not title:
        raise PlanError(_("Beschrijf de taak."), "title")
    if not isinstance(offset_days, int) or abs(offset_days) > MAX_OFFSET_DAYS:
        raise PlanError(_("Een taak ligt hoogstens een jaar voor of na de activiteit."), "amount")
    if owner is not None and not staff_of(plan.organisation).filter(pk=owner.pk).exists():
        raise PlanError(_("Kies iemand van de eigen bibliotheek."), "owner")
    return title[:200]


@transaction.atomic
def add_task(user, plan, *, title, offset_days, owner=None, is_promotion=False) -> PlanTask:
    access.require_write(user, plan)
    title = _check_task(plan, title=title, offset_days=offset_days, owner=owner)
    return PlanTask.objects.create(
        plan=plan,
        title=title,
        offset_days=offset_days,
        owner=owner,
        is_promotion=bool(is_promotion),
    )


@transaction.atomic
def update_task(user, task, *, title, offset_days, owner=None, is_promotion=False) -> PlanTask:
    access.require_write(user, task.plan)
    task.title = _check_task(task.plan, title=title, offset_days=offset_days, owner=owner)
    if task.offset_days != offset_days:
        task.reminded_on = None
    task.offset_days = offset_days
    task.owner = owner
    task.is_promotion = bool(is_promotion)
    task.save()
    return task


@transaction.atomic
def set_task_done(user, task: PlanTask, done: bool) -> PlanTask:
    """Ticks a task off (or opens it again). The library's staff who read the plan may do this,
    front desk included: a task may be theirs."""
    access.require_read(user, task.plan)
    if task.plan.organisation_id is None or not (
        access.can_write(user, task.plan) or task.owner_id == user.pk
    ):
        access.require_write(user, task.plan)
    if done and task.done_on is None:
        task.done_on = timezone.localdate()
        task.done_by = user
    elif not done:
        task.done_on = None
        task.done_by = None
    task.save(update_fields=["done_on", "done_by"])
    return task


@transaction.atomic
def delete_task(user, task: PlanTask) -> None:
    access.require_write(user, task.plan)
    task.delete()


# --- Into the catalogue ---------------------------------------------------------------------


def offer_problems(plan: ActivityPlan) -> list[str]:
    """What the plan still lacks before it can become an offer with a run."""
    problems = []
    if plan.is_template or plan.organisation_id is None:
        problems.append(_("Een sjabloon wordt geen aanbod; kopieer het eerst naar een activiteit."))
    if plan.offer_id:
        problems.append(_("Dit draaiboek heeft al een aanbod in de catalogus."))
    if plan.starts_on is None:
        problems.append(_("Vul de datum van de activiteit in."))
    elif plan.starts_on < timezone.localdate():
        problems.append(
            _("De activiteit is al geweest. Kopieer het draaiboek voor een nieuwe datum.")
        )
    if plan.start_time is None or plan.end_time is None:
        problems.append(_("Vul de begin- en eindtijd in."))
    if plan.location_id is None:
        problems.append(_("Kies een locatie van de bibliotheek."))
    if not plan.themes.exists():
        problems.append(_("Kies minstens één thema."))
    if not plan.aim.strip():
        problems.append(_("Beschrijf het doel."))
    return problems


def _description(plan: ActivityPlan) -> str:
    parts = [plan.aim.strip()]
    if plan.audience.strip():
        parts.append(plan.audience.strip())
    if plan.venue.strip():
        parts.append(_("Waar: %(venue)s") % {"venue": plan.venue.strip()})
    return "\n\n".join(parts)


@transaction.atomic
def make_offer(user, plan: ActivityPlan, *, offer_type, summary, capacity=None):
    """Turns a ready plan into a draft offer of the catalogue with one run (a series of weekly
    sessions for a programme, one session for an activity), both through their own services.
    The offer is a draft: the normal publish flow makes it public. Returns the offer."""
    stored = ActivityPlan.objects.select_for_update().get(pk=plan.pk)
    access.require_write(user, stored)
    problems = offer_problems(stored)
    if problems:
        raise PlanError(problems[0])
    summary = (summary or "").strip()
    if not summary:
        raise PlanError(_("Schrijf één zin in eenvoudige taal: wat heeft iemand eraan?"), "summary")
    partners = [p.organisation for p in stored.partners.all() if p.organisation_id]
    try:
        offer = catalogue.create_offer(
            user,
            organisation=stored.organisation,
            locations=[stored.location],
            title=stored.title,
            summary=summary[:200],
            description=_description(stored),
            offer_type=offer_type,
            themes=list(stored.themes.all()),
            target_groups=list(stored.target_groups.all()),
            partners=partners,
        )
    except ValidationError as error:
        raise PlanError(error.messages[0]) from error
    series = stored.kind == PlanKind.PROGRAMME or stored.sessions > 1
    run = courses.create_run(
        offer=offer,
        location=stored.location,
        kind=RunKind.SERIES if series else RunKind.RECURRING,
        user=user,
        name=stored.title,
        capacity=capacity,
        notes=_("Gemaakt vanuit het draaiboek."),
    )
    try:
        if stored.sessions > 1:
            courses.add_weekly_sessions(
                run,
                first_date=stored.starts_on,
                count=stored.sessions,
                start_time=stored.start_time,
                end_time=stored.end_time,
                outside_opening_hours=True,
                user=user,
            )
        else:
            courses.add_session(
                run,
                date=stored.starts_on,
                start_time=stored.start_time,
                end_time=stored.end_time,
                outside_opening_hours=True,
                user=user,
            )
    except courses.CourseError as error:
        raise PlanError(error.messages[0], "starts_on") from error
    stored.offer = offer
    stored.save(update_fields=["offer", "updated_at"])
    return offer


# --- Evaluation -----------------------------------------------------------------------------


@transaction.atomic
def evaluate(
    user, plan, *, reach, partner_reach, went_well, to_change, story, consent, evaluated_on=None
) -> ActivityPlan:
    """Records the evaluation. A story told with consent goes to the impact stories of the run
    the plan became (impact.services.add_story); without a run it stays on the plan. Either
    way it must not let anyone be recognised."""
    stored = ActivityPlan.objects.select_for_update().get(pk=plan.pk)
    access.require_write(user, stored)
    if stored.is_template:
        raise PlanError(_("Een sjabloon evalueer je niet; evalueer de activiteit zelf."))
    today = timezone.localdate()
    if stored.starts_on is None or stored.starts_on > today:
        raise PlanError(_("Evalueer na de activiteit: de datum ligt nog niet achter ons."))
    story = (story or "").strip()
    if story:
        try:
            impact.check_story(story)
        except ValidationError as error:
            raise PlanError(error.messages[0], "story") from error
    if story and not stored.story_shared and consent:
        run = stored.offer.runs.order_by("created_at").first() if stored.offer_id else None
        if run is not None:
            try:
                impact.add_story(run, text=story, consent=True, user=user)
            except ValidationError as error:
                raise PlanError(error.messages[0], "story") from error
            stored.story_shared = True
    elif story and not consent:
        raise PlanError(
            _("Vraag eerst toestemming voor het verhaal en vink aan dat je die hebt gekregen."),
            "consent",
        )
    stored.reach = reach
    stored.partner_reach = partner_reach
    stored.went_well = (went_well or "").strip()
    stored.to_change = (to_change or "").strip()
    stored.story = story
    stored.story_consent = bool(story and consent)
    stored.evaluated_on = evaluated_on or today
    stored.save()
    return stored


# --- Scheduled reminders --------------------------------------------------------------------


def remind_tasks(*, today: datetime.date | None = None) -> int:
    """Tells each task's owner, once, that an open task of an upcoming plan is due within
    REMIND_DAYS_BEFORE days (plans with `remind_owners`). Returns how many were reminded."""
    today = today or timezone.localdate()
    tasks = PlanTask.objects.filter(
        done_on__isnull=True,
        reminded_on__isnull=True,
        owner__isnull=False,
        owner__is_active=True,
        plan__is_template=False,
        plan__remind_owners=True,
        plan__starts_on__isnull=False,
        plan__organisation__isnull=False,
    ).select_related("plan", "owner")
    count = 0
    for task in tasks:
        due = task.due_on
        if not today <= due <= today + datetime.timedelta(days=REMIND_DAYS_BEFORE):
            continue
        if not Membership.objects.filter(
            user=task.owner, organisation=task.plan.organisation_id, role__in=access.READER_ROLES
        ).exists():
            continue
        with transaction.atomic():
            notifications.notify(
                [task.owner],
                _("Taak voor %(plan)s: %(task)s, uiterlijk %(date)s.")
                % {"plan": task.plan.title, "task": task.title, "date": due.strftime("%d-%m-%Y")},
                url=f"/beheer/draaiboeken/{task.plan_id}/#taken",
            )
            task.reminded_on = today
            task.save(update_fields=["reminded_on"])
        count += 1
    return count
