"""Writes of the learning app, each atomic. Every write that can meet the certification rule
(attendance, a completion, an import) checks the rule for the participants it touched and
issues the certificate in the same transaction."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.learning import selectors
from ontwikkelplein.learning.models import (
    Attendance,
    AttendanceStatus,
    Certificate,
    CompletionSource,
    Component,
    ComponentKind,
    EventRegistration,
    Group,
    GroupState,
    KnowledgeEvent,
    LearningQuestion,
    Meeting,
    ModuleCompletion,
    Participant,
    ThemeGroup,
    ThemeGroupMember,
    Trajectory,
)
from ontwikkelplein.notifications import services as notifications
from ontwikkelplein.organisations.models import Organisation, OrganisationKind


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


# --- Certificates ---------------------------------------------------------------------------


def check_certificates(participants) -> list[Certificate]:
    """Issue a certificate to each participant who meets the rule and has none yet. Called
    inside the transaction of the write that may have met the rule."""
    issued = []
    by_group = {}
    for participant in participants:
        by_group.setdefault(participant.group_id, []).append(participant)
    for members in by_group.values():
        group = members[0].group
        for progress in selectors.progress_for_group(group, members):
            if progress.certificate is None and progress.rule_met:
                issued.append(_issue(progress.participant))
    return issued


def _issue(participant: Participant) -> Certificate:
    group = participant.group
    trajectory = group.trajectory
    now = timezone.now()
    valid_until = None
    if trajectory.validity_months:
        valid_until = _add_months(timezone.localdate(now), trajectory.validity_months)
    certificate = Certificate.objects.create(
        participant=participant,
        trajectory=trajectory,
        holder_name=participant.name,
        trajectory_name=trajectory.name,
        issuer_name=trajectory.issuer.name,
        issued_at=now,
        valid_until=valid_until,
    )
    if participant.user_id:
        notifications.notify(
            [participant.user],
            _("Gefeliciteerd! Je hebt het certificaat voor %(name)s gehaald.")
            % {"name": trajectory.name},
            url=reverse("learning:my-progress"),
            reference=f"learning-certificate:{certificate.pk}",
        )
    return certificate


# --- Groups ---------------------------------------------------------------------------------


@transaction.atomic
def request_group(
    *,
    user,
    trajectory: Trajectory,
    library,
    poi,
    preferred_start=None,
    expected_participants=None,
    notes="",
) -> Group:
    """The team leader signs the library up; the POI's advisers get a notification."""
    if not selectors.is_team_leader(user, library.pk):
        raise PermissionDenied(_("Alleen de teamleider kan de bibliotheek aanmelden."))
    if not trajectory.is_active:
        raise ValidationError(_("Dit traject is niet open voor aanmelding."))
    if poi.kind != OrganisationKind.POI:
        raise ValidationError(_("Kies een POI die de groep begeleidt."))
    group = Group.objects.create(
        trajectory=trajectory,
        library=library,
        poi=poi,
        name=f"{trajectory.name} – {library.name}",
        preferred_start=preferred_start,
        expected_participants=expected_participants,
        notes=notes,
        price=trajectory.price_per_group,
        requested_by=user,
    )
    advisers = [m.user for m in poi.memberships.filter(role="poi_adviser").select_related("user")]
    notifications.notify(
        advisers,
        _("%(library)s meldt zich aan voor %(trajectory)s.")
        % {"library": library.name, "trajectory": trajectory.name},
        url=reverse("learning:group-detail", args=[group.pk]),
        reference=f"learning-group:{group.pk}",
    )
    return group


@transaction.atomic
def accept_group(*, user, group: Group, first_meeting: datetime.datetime) -> Group:
    """The POI adviser accepts the sign-up and plans it: one meeting per meeting component of
    the trajectory, spread evenly over the duration, starting at `first_meeting`. The dates can
    be changed afterwards."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    if not selectors.advises_for(user, group):
        raise PermissionDenied(_("Alleen een adviseur van de POI kan deze aanmelding accepteren."))
    if group.state != GroupState.REQUESTED:
        raise ValidationError(_("Deze groep is al geaccepteerd."))
    components = list(group.trajectory.components.filter(kind=ComponentKind.MEETING))
    if components:
        weeks = group.trajectory.duration_weeks
        step = datetime.timedelta(weeks=weeks / len(components)) if len(components) > 1 else None
        for index, component in enumerate(components):
            starts_at = first_meeting + (step * index if step else datetime.timedelta(0))
            # Keep the time of day of the first meeting.
            starts_at = starts_at.replace(
                hour=first_meeting.hour, minute=first_meeting.minute, second=0, microsecond=0
            )
            Meeting.objects.create(
                group=group,
                component=component,
                title=component.title,
                starts_at=starts_at,
                planned_minutes=component.planned_minutes,
            )
    group.state = GroupState.PLANNED
    group.accepted_by = user
    group.accepted_at = timezone.now()
    group.save(update_fields=["state", "accepted_by", "accepted_at"])
    if group.requested_by_id:
        notifications.notify(
            [group.requested_by],
            _("De POI heeft %(group)s geaccepteerd en gepland.") % {"group": group.name},
            url=reverse("learning:group-detail", args=[group.pk]),
            reference=f"learning-group:{group.pk}",
        )
    return group


@transaction.atomic
def complete_group(*, user, group: Group) -> Group:
    if not selectors.can_manage_group(user, group):
        raise PermissionDenied(_("Je mag deze groep niet wijzigen."))
    if group.state not in (GroupState.PLANNED, GroupState.RUNNING):
        raise ValidationError(_("Alleen een geplande of lopende groep kan worden afgerond."))
    group.state = GroupState.COMPLETED
    group.completed_at = timezone.now()
    group.save(update_fields=["state", "completed_at"])
    return group


def _require_manager(user, group: Group) -> None:
    if not selectors.can_manage_group(user, group):
        raise PermissionDenied(_("Je mag deze groep niet wijzigen."))
    if group.state == GroupState.REQUESTED:
        raise ValidationError(_("Deze groep is nog niet geaccepteerd door de POI."))


@transaction.atomic
def add_participant(
    *, user, group: Group, name: str, role: str, joined_on, email: str = "", account=None
) -> Participant:
    _require_manager(user, group)
    if group.participants.filter(name__iexact=name.strip()).exists():
        raise ValidationError(_("Er is al een deelnemer met deze naam in de groep."))
    if account is not None and group.participants.filter(user=account).exists():
        raise ValidationError(_("Deze collega doet al mee in de groep."))
    if group.participants.count() >= group.trajectory.group_max:
        raise ValidationError(
            _("De groep is vol: het maximum is %(max)s deelnemers.")
            % {"max": group.trajectory.group_max}
        )
    return Participant.objects.create(
        group=group, name=name.strip(), role=role, joined_on=joined_on, email=email, user=account
    )


@transaction.atomic
def save_meeting(*, user, group: Group, meeting: Meeting | None = None, **values) -> Meeting:
    _require_manager(user, group)
    if meeting is None:
        meeting = Meeting(group=group)
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.save()
    return meeting


# --- Progress -------------------------------------------------------------------------------


@transaction.atomic
def register_attendance(*, user, meeting: Meeting, statuses: dict) -> list[Certificate]:
    """Store the register of one meeting: {participant_id: status or ""}. An empty status
    removes a registration. Returns the certificates this issued."""
    group = meeting.group
    _require_manager(user, group)
    allowed = {p.pk: p for p in selectors.counted_participants(meeting)}
    unknown = set(statuses) - set(allowed)
    if unknown:
        raise ValidationError(_("Niet alle deelnemers horen bij deze bijeenkomst."))
    for participant_id, status in statuses.items():
        if not status:
            Attendance.objects.filter(meeting=meeting, participant_id=participant_id).delete()
            continue
        if status not in AttendanceStatus.values:
            raise ValidationError(_("Kies aanwezig, afwezig of afwezig met bericht."))
        Attendance.objects.update_or_create(
            meeting=meeting,
            participant_id=participant_id,
            defaults={"status": status, "recorded_by": user},
        )
    if group.state == GroupState.PLANNED and any(statuses.values()):
        group.state = GroupState.RUNNING
        group.save(update_fields=["state"])
    touched = [allowed[pk] for pk, status in statuses.items() if status]
    return check_certificates(touched)


def _check_completion_allowed(user, participant: Participant) -> str:
    """The source to record: the participant themself, or a manager of the group."""
    if participant.user_id is not None and participant.user_id == user.pk:
        if participant.group.state == GroupState.REQUESTED:
            raise ValidationError(_("Deze groep is nog niet geaccepteerd door de POI."))
        return CompletionSource.SELF
    _require_manager(user, participant.group)
    return CompletionSource.STAFF


@transaction.atomic
def record_completion(
    *, user, participant: Participant, component: Component, completed_on
) -> Certificate | None:
    source = _check_completion_allowed(user, participant)
    if component.trajectory_id != participant.group.trajectory_id or not component.completable:
        raise ValidationError(_("Dit onderdeel hoort niet bij het traject van deze groep."))
    if completed_on > timezone.localdate():
        raise ValidationError(_("De datum mag niet in de toekomst liggen."))
    ModuleCompletion.objects.get_or_create(
        participant=participant,
        component=component,
        defaults={"completed_on": completed_on, "source": source, "recorded_by": user},
    )
    issued = check_certificates([participant])
    return issued[0] if issued else None


@transaction.atomic
def undo_completion(*, user, participant: Participant, component: Component) -> None:
    _check_completion_allowed(user, participant)
    ModuleCompletion.objects.filter(participant=participant, component=component).delete()


# --- CSV import of e-learning completions ---------------------------------------------------

DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


@dataclass
class ImportResult:
    errors: list[str]
    stored: int = 0
    skipped: int = 0
    certificates: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _parse_date(value: str):
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


@transaction.atomic
def import_completions(*, user, group: Group, rows: list[dict]) -> ImportResult:
    """Store the completions of an e-learning export, all or nothing. `rows` are the parsed CSV
    rows ({"naam", "module", "datum"} plus "line"); every bad row gets its own Dutch message
    and then nothing is stored."""
    _require_manager(user, group)
    participants = {p.name.casefold(): p for p in group.participants.all()}
    by_email = {p.email.casefold(): p for p in group.participants.all() if p.email}
    modules = {c.title.casefold(): c for c in group.trajectory.components.all() if c.completable}
    today = timezone.localdate()
    errors, valid = [], []
    for row in rows:
        line = row["line"]
        name, module, day = row.get("naam", ""), row.get("module", ""), row.get("datum", "")
        participant = participants.get(name.strip().casefold()) or by_email.get(
            name.strip().casefold()
        )
        component = modules.get(module.strip().casefold())
        completed_on = _parse_date(day)
        if participant is None:
            errors.append(
                _("Regel %(line)s: de naam “%(name)s” kennen we niet in deze groep.")
                % {"line": line, "name": name}
            )
        if component is None:
            errors.append(
                _("Regel %(line)s: de module “%(module)s” hoort niet bij dit traject.")
                % {"line": line, "module": module}
            )
        if completed_on is None:
            errors.append(
                _(
                    "Regel %(line)s: de datum “%(date)s” klopt niet. "
                    "Schrijf de datum zo: 2026-03-15 of 15-03-2026."
                )
                % {"line": line, "date": day}
            )
        elif completed_on > today:
            errors.append(
                _("Regel %(line)s: de datum %(date)s ligt in de toekomst.")
                % {"line": line, "date": day}
            )
        if participant and component and completed_on and completed_on <= today:
            valid.append((participant, component, completed_on))
    if errors:
        return ImportResult(errors=errors)
    result = ImportResult(errors=[])
    touched = {}
    for participant, component, completed_on in valid:
        _completion, created = ModuleCompletion.objects.get_or_create(
            participant=participant,
            component=component,
            defaults={
                "completed_on": completed_on,
                "source": CompletionSource.IMPORT,
                "recorded_by": user,
            },
        )
        if created:
            result.stored += 1
            touched[participant.pk] = participant
        else:
            result.skipped += 1
    result.certificates = len(check_certificates(list(touched.values())))
    return result


# --- Learning questions ---------------------------------------------------------------------


@transaction.atomic
def add_question(*, user, group: Group, text: str, participant=None) -> LearningQuestion:
    own = participant is not None and participant.user_id == user.pk
    if not own:
        _require_manager(user, group)
    if not text.strip():
        raise ValidationError(_("Schrijf je leervraag op."))
    return LearningQuestion.objects.create(group=group, participant=participant, text=text.strip())


@transaction.atomic
def revisit_question(*, user, question: LearningQuestion, reflection: str) -> LearningQuestion:
    own = question.participant is not None and question.participant.user_id == user.pk
    if not own:
        _require_manager(user, question.group)
    question.reflection = reflection.strip()
    question.revisited_at = timezone.now()
    question.save(update_fields=["reflection", "revisited_at"])
    return question


# --- Knowledge events and theme groups ------------------------------------------------------
# The capacity is checked with the event's row locked: two people cannot take the last place.


@transaction.atomic
def create_event(*, user, organiser: Organisation, **values) -> KnowledgeEvent:
    if not selectors.organiser_organisations(user).filter(pk=organiser.pk).exists():
        raise PermissionDenied(_("Alleen de KB en de POI's zetten bijeenkomsten op de kalender."))
    group = values.get("theme_group")
    if group is not None and group.organiser_id != organiser.pk:
        raise ValidationError(_("Deze themagroep hoort bij een andere organisator."))
    return KnowledgeEvent.objects.create(organiser=organiser, **values)


@transaction.atomic
def sign_up(*, user, event: KnowledgeEvent) -> EventRegistration:
    event = KnowledgeEvent.objects.select_for_update().get(pk=event.pk)
    organisation = selectors.home_organisation(user)
    if organisation is None:
        raise PermissionDenied(_("Je hebt geen rol bij een organisatie in het netwerk."))
    if event.starts_at < timezone.now():
        raise ValidationError(_("Deze bijeenkomst is al geweest."))
    existing = event.registrations.filter(user=user).first()
    if existing:
        return existing
    if event.registrations.count() >= event.capacity:
        raise ValidationError(_("Deze bijeenkomst is vol."))
    return EventRegistration.objects.create(event=event, user=user, organisation=organisation)


@transaction.atomic
def cancel(*, user, event: KnowledgeEvent) -> bool:
    deleted, _count = EventRegistration.objects.filter(event=event, user=user).delete()
    return bool(deleted)


@transaction.atomic
def join_theme_group(*, user, group: ThemeGroup) -> ThemeGroupMember:
    organisation = selectors.home_organisation(user)
    if organisation is None:
        raise PermissionDenied(_("Je hebt geen rol bij een organisatie in het netwerk."))
    member, _created = ThemeGroupMember.objects.get_or_create(
        theme_group=group, user=user, defaults={"organisation": organisation}
    )
    return member


@transaction.atomic
def leave_theme_group(*, user, group: ThemeGroup) -> None:
    ThemeGroupMember.objects.filter(theme_group=group, user=user).delete()


# --- Trajectory definitions (KB and POI) ------------------------------------------------------


@dataclass
class ComponentData:
    """One row of the components form: an existing component (id) or a new one (id None)."""

    kind: str
    title: str
    required: bool = True
    planned_minutes: int = 60
    position: int = 0
    description: str = ""
    id: int | None = None
    delete: bool = False


TRAJECTORY_FIELDS = (
    "name",
    "description",
    "audience",
    "owner",
    "issuer",
    "attendance_percentage",
    "excused_counts_as_attended",
    "group_min",
    "group_max",
    "duration_weeks",
    "price_per_group",
    "validity_months",
    "is_active",
)


def _require_owner(user, owner: Organisation) -> None:
    if not selectors.organiser_organisations(user).filter(pk=owner.pk).exists():
        raise PermissionDenied(
            _("Alleen de KB en de POI's beschrijven leertrajecten, elk de eigen.")
        )


@transaction.atomic
def save_trajectory(
    *, user, values: dict, components: list[ComponentData], trajectory: Trajectory | None = None
) -> Trajectory:
    """Create or change a trajectory definition with its components. Only people of the owning
    KB or POI may; a component that groups already use (completions, meetings) cannot be
    removed, because that would change participants' progress behind their backs."""
    if trajectory is not None:
        trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
        _require_owner(user, trajectory.owner)
    else:
        trajectory = Trajectory()
    _require_owner(user, values["owner"])
    for name in TRAJECTORY_FIELDS:
        if name in values:
            setattr(trajectory, name, values[name])
    trajectory.full_clean()
    trajectory.save()

    existing = {c.pk: c for c in trajectory.components.all()}
    kept = []
    for position, row in enumerate(components):
        component = existing.get(row.id) if row.id is not None else None
        if row.id is not None and component is None:
            raise ValidationError(_("Een onderdeel hoort niet bij dit leertraject."))
        if row.delete:
            if component is None:
                continue
            if component.completions.exists() or component.meetings.exists():
                raise ValidationError(
                    _(
                        "Het onderdeel ‘%(title)s’ wordt al gebruikt door een groep en kan niet "
                        "weg. Zet het op ‘niet verplicht’ als het niet meer meetelt."
                    )
                    % {"title": component.title}
                )
            component.delete()
            continue
        component = component or Component(trajectory=trajectory)
        component.kind = row.kind
        component.title = row.title.strip()
        component.required = row.required
        component.planned_minutes = row.planned_minutes
        component.description = row.description
        component.position = row.position or position + 1
        kept.append(component)
    if not kept:
        raise ValidationError(_("Een leertraject heeft minstens één onderdeel."))
    titles = [(c.kind, c.title.lower()) for c in kept]
    if len(set(titles)) != len(titles):
        raise ValidationError(_("Twee onderdelen van dezelfde soort hebben dezelfde titel."))
    # Titles may swap between rows: clear them first so the unique constraint never trips.
    for component in kept:
        if component.pk:
            Component.objects.filter(pk=component.pk).update(title=f"~{component.pk}")
    for component in kept:
        component.full_clean(exclude=["trajectory"], validate_unique=False)
        component.save()
    return trajectory
