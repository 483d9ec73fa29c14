"""Reads of the learning app: the certification rule (progress per participant), who may see
and do what (through organisations.scoping), and the overviews.

The rule: every required module/assignment completed, and at least N% of the meetings planned
for the participant attended. A participant's planned meetings are the group's meetings on or
after the day they joined. An attendance counts when it is "aanwezig", or "afwezig met
bericht" if the trajectory says so. A meeting without a registration can still be attended;
so "can no longer reach" is true as soon as attended + unregistered meetings < N%.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import formatting
from ontwikkelplein.core.figures.cells import is_small, small_display
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import SMALL_TEXT
from ontwikkelplein.learning.models import (
    Attendance,
    AttendanceStatus,
    Certificate,
    ComponentKind,
    Group,
    GroupState,
    KnowledgeEvent,
    ModuleCompletion,
    Participant,
    ThemeGroup,
    Trajectory,
)
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, Role

# Aggregates shown above one library (per POI, national) hide counts from 1 to 4.

ON_TRACK, AT_RISK, UNREACHABLE, CERTIFIED = "on_track", "at_risk", "unreachable", "certified"
STATUS_LABELS = {
    ON_TRACK: _("Op schema"),
    AT_RISK: _("Loopt risico"),
    UNREACHABLE: _("Haalt de aanwezigheidseis niet meer"),
    CERTIFIED: _("Gecertificeerd"),
}


@dataclass
class Progress:
    """Where one participant stands against the trajectory's rule."""

    participant: Participant
    percentage: int
    planned: int  # meetings that count for this participant
    attended: int
    missed: int  # registered absences that do not count as attended
    open: int  # counted meetings without a registration yet
    required_modules: list = field(default_factory=list)
    completed_ids: set = field(default_factory=set)
    has_meetings_component: bool = True
    certificate: Certificate | None = None

    @property
    def missing_modules(self) -> list:
        return [c for c in self.required_modules if c.pk not in self.completed_ids]

    @property
    def modules_done(self) -> bool:
        return not self.missing_modules

    def _enough(self, attended: int) -> bool:
        if self.planned == 0:
            # No meetings planned yet: the rule cannot be met while the trajectory has
            # meetings, or a group without a schedule would certify on modules alone.
            return not self.has_meetings_component
        return attended * 100 >= self.percentage * self.planned

    @property
    def attendance_met(self) -> bool:
        return self._enough(self.attended)

    @property
    def can_still_reach(self) -> bool:
        return self.planned == 0 or self._enough(self.attended + self.open)

    @property
    def rule_met(self) -> bool:
        return self.modules_done and self.attendance_met

    @property
    def needed(self) -> int:
        """Meetings to attend (of those planned) to meet the percentage; ceil without floats."""
        return -(-self.percentage * self.planned // 100)

    @property
    def status(self) -> str:
        if self.certificate is not None or self.rule_met:
            return CERTIFIED
        if not self.can_still_reach:
            return UNREACHABLE
        # At risk: one more absence and the percentage can no longer be reached, or every
        # meeting is registered and modules are still missing.
        no_slack = self.planned > 0 and not self._enough(self.attended + self.open - 1)
        all_registered = self.planned > 0 and self.open == 0
        if (no_slack and not self.attendance_met) or (all_registered and not self.modules_done):
            return AT_RISK
        return ON_TRACK

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def progress(participant: Participant) -> Progress:
    return progress_for_group(participant.group, [participant])[0]


def progress_for_group(group: Group, participants=None) -> list[Progress]:
    """Progress of the given participants (default: all) of one group, in a few queries."""
    trajectory = group.trajectory
    if participants is None:
        participants = list(group.participants.all())
    components = list(trajectory.components.all())
    required = [c for c in components if c.completable and c.required]
    has_meetings = any(c.kind == ComponentKind.MEETING for c in components)
    meetings = list(group.meetings.all())
    counted_statuses = {AttendanceStatus.PRESENT}
    if trajectory.excused_counts_as_attended:
        counted_statuses.add(AttendanceStatus.EXCUSED)

    ids = [p.pk for p in participants]
    attendance = {}
    for participant_id, meeting_id, status in Attendance.objects.filter(
        participant_id__in=ids
    ).values_list("participant_id", "meeting_id", "status"):
        attendance[(participant_id, meeting_id)] = status
    completed = {}
    for participant_id, component_id in ModuleCompletion.objects.filter(
        participant_id__in=ids
    ).values_list("participant_id", "component_id"):
        completed.setdefault(participant_id, set()).add(component_id)
    certificates = {c.participant_id: c for c in Certificate.objects.filter(participant_id__in=ids)}

    results = []
    for participant in participants:
        counted = [m for m in meetings if _local_date(m.starts_at) >= participant.joined_on]
        attended = missed = open_ = 0
        for meeting in counted:
            status = attendance.get((participant.pk, meeting.pk))
            if status is None:
                open_ += 1
            elif status in counted_statuses:
                attended += 1
            else:
                missed += 1
        results.append(
            Progress(
                participant=participant,
                percentage=trajectory.attendance_percentage,
                planned=len(counted),
                attended=attended,
                missed=missed,
                open=open_,
                required_modules=required,
                completed_ids=completed.get(participant.pk, set()),
                has_meetings_component=has_meetings,
                certificate=certificates.get(participant.pk),
            )
        )
    return results


def _local_date(moment):
    return timezone.localdate(moment)


def completion_date(certificate: Certificate):
    """The day the holder completed the trajectory: the day the rule was met, i.e. the later
    of the last required module or assignment completed and the meeting at which the
    attendance percentage was reached. Never later than the day the certificate was issued
    (attendance is often registered days after a meeting, so the issue date alone is late)."""
    participant = certificate.participant
    issued_on = _local_date(certificate.issued_at)
    state = progress(participant)
    completed_on = dict(
        ModuleCompletion.objects.filter(participant=participant).values_list(
            "component_id", "completed_on"
        )
    )
    days = [completed_on[c.pk] for c in state.required_modules if c.pk in completed_on]
    if state.planned and state.needed:
        counted_statuses = {AttendanceStatus.PRESENT}
        if participant.group.trajectory.excused_counts_as_attended:
            counted_statuses.add(AttendanceStatus.EXCUSED)
        attended = sorted(
            day
            for day in (
                _local_date(starts_at)
                for starts_at in Attendance.objects.filter(
                    participant=participant, status__in=counted_statuses
                ).values_list("meeting__starts_at", flat=True)
            )
            if day >= participant.joined_on
        )
        if len(attended) >= state.needed:
            days.append(attended[state.needed - 1])
    return min(max(days), issued_on) if days else issued_on


def counted_participants(meeting) -> list[Participant]:
    """Participants for whom the meeting counts (joined on or before its day)."""
    day = _local_date(meeting.starts_at)
    return list(meeting.group.participants.filter(joined_on__lte=day))


# --- Who may see and do what ---------------------------------------------------------------


def is_team_leader(user, organisation_id) -> bool:
    return scoping.is_team_leader(user, organisation_id)


def manages_library(user, organisation_id) -> bool:
    """Team leaders and specialists (the teachers) run the library's groups."""
    return scoping.has_role_in(user, organisation_id, Role.TEAM_LEADER, Role.SPECIALIST)


def advises_for(user, group: Group) -> bool:
    """A POI adviser of the POI that supports the group accepts and plans it."""
    return scoping.is_poi_adviser(user, group.poi_id)


def can_sign_up(user) -> QuerySet[Organisation]:
    """Libraries the user may sign up for a trajectory: where they are team leader."""
    return scoping.team_led_organisations(user).filter(kind=OrganisationKind.LIBRARY)


def visible_groups(user) -> QuerySet[Group]:
    """Groups whose participants the user may see: their library's (team leader, specialist),
    the POI's groups and the region's (POI adviser). Front-desk staff and volunteers only see
    their own progress (my_participations)."""
    managed = scoping.organisation_ids_with_role(user, Role.TEAM_LEADER, Role.SPECIALIST)
    pois = scoping.poi_ids(user)
    region = scoping.region_organisations(user).values("pk")
    return (
        Group.objects.filter(Q(library_id__in=managed) | Q(poi_id__in=pois) | Q(library__in=region))
        .select_related("trajectory", "library", "poi")
        .distinct()
    )


def groups_to_plan(user) -> QuerySet[Group]:
    """Groups a POI adviser has to accept and plan: requested from the adviser's POIs, the
    oldest request first (the list "Aanmeldingen om te accepteren" on the groups page)."""
    pois = [m.organisation_id for m in scoping.memberships(user) if m.role == Role.POI_ADVISER]
    return (
        Group.objects.filter(poi_id__in=pois, state=GroupState.REQUESTED)
        .select_related("trajectory", "library", "poi")
        .order_by("requested_at")
    )


def can_manage_group(user, group: Group) -> bool:
    """Add participants, schedule meetings, register attendance and completions."""
    return manages_library(user, group.library_id) or advises_for(user, group)


def my_participations(user) -> QuerySet[Participant]:
    if not getattr(user, "is_authenticated", False):
        return Participant.objects.none()
    return Participant.objects.filter(user=user).select_related(
        "group", "group__trajectory", "group__library"
    )


def can_see_participant(user, participant: Participant) -> bool:
    if participant.user_id is not None and participant.user_id == user.pk:
        return True
    return visible_groups(user).filter(pk=participant.group_id).exists()


def candidate_pois(library: Organisation) -> QuerySet[Organisation]:
    """POIs whose provinces hold the library's municipalities or locations; all POIs when the
    library has no known area."""
    pois = Organisation.objects.filter(kind=OrganisationKind.POI)
    near = pois.filter(
        Q(provinces__municipalities__organisations=library)
        | Q(provinces__municipalities__locations__organisation=library)
    ).distinct()
    return near if near.exists() else pois


def active_trajectories() -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(is_active=True).select_related("owner", "issuer")


# --- Overviews ------------------------------------------------------------------------------


def library_certifications(library_ids) -> QuerySet[Certificate]:
    """Who is certified for which trajectory and role, per library."""
    return (
        Certificate.objects.filter(participant__group__library_id__in=library_ids)
        .select_related("participant", "participant__group__library")
        .order_by("participant__group__library__name", "trajectory_name", "holder_name")
    )


@dataclass
class GroupFigures:
    label: str
    groups: int
    participants: str  # as shown: "<5" above a single library
    certificates: str
    cost: Decimal
    cost_per_participant: Decimal | None
    n_participants: int = 0
    n_certificates: int = 0
    hidden: bool = False  # the participant count is hidden

    @property
    def participants_export(self) -> int | str:
        return SMALL_TEXT if self.hidden else self.n_participants

    @property
    def certificates_export(self) -> int | str:
        return SMALL_TEXT if self.suppressed_certificates else self.n_certificates

    suppressed_certificates: bool = False


def groups_in(scope: Scope, window=None) -> QuerySet[Group]:
    """Groups of a figures scope (organisations/figures.py): of its libraries, or organised by
    its POIs; with a window, those requested on its days."""
    groups = Group.objects.all()
    if scope.organisation_ids is not None:
        groups = groups.filter(
            Q(library_id__in=scope.organisation_ids) | Q(poi_id__in=scope.organisation_ids)
        )
    if window is not None:
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(window.start, datetime.time.min, tz)
        end = datetime.datetime.combine(
            window.end + datetime.timedelta(days=1), datetime.time.min, tz
        )
        groups = groups.filter(requested_at__gte=start, requested_at__lt=end)
    return groups


def group_figures(groups: QuerySet[Group], by: str, *, suppress: bool = True) -> list[GroupFigures]:
    """Counts of groups, participants and certificates with costs, grouped by `by`
    ("trajectory", "library" or "poi"). With `suppress` (overviews above a single library)
    participant and certificate counts of 1 to 4 are shown as "<5" (core/figures)."""
    key = {"trajectory": "trajectory__name", "library": "library__name", "poi": "poi__name"}[by]
    rows = (
        groups.values(key)
        .annotate(
            n_groups=Count("pk", distinct=True),
            n_participants=Count("participants", distinct=True),
            n_certificates=Count("participants__certificate", distinct=True),
        )
        .order_by(key)
    )
    costs = {}
    for name, price in groups.values_list(key, "price"):
        costs[name] = costs.get(name, Decimal(0)) + price
    result = []
    for row in rows:
        cost = costs.get(row[key], Decimal(0))
        participants, certificates = row["n_participants"], row["n_certificates"]
        hidden = suppress and is_small(participants)
        per = None
        if participants and not hidden:
            # Per participant only where the count itself is shown.
            per = (cost / participants).quantize(Decimal("0.01"), ROUND_HALF_UP)
        shown = small_display if suppress else formatting.number
        result.append(
            GroupFigures(
                label=row[key] or "–",
                groups=row["n_groups"],
                participants=shown(participants),
                certificates=shown(certificates),
                cost=cost,
                cost_per_participant=per,
                n_participants=participants,
                n_certificates=certificates,
                hidden=hidden,
                suppressed_certificates=suppress and is_small(certificates),
            )
        )
    return result


def team_leader_libraries(user) -> QuerySet[Organisation]:
    """The libraries whose own overview the user sees: those where the user is team leader."""
    return scoping.team_led_organisations(user).filter(kind=OrganisationKind.LIBRARY)


# --- Verification ---------------------------------------------------------------------------


def normalise_code(raw: str) -> str:
    """Accept a code typed with or without dashes, spaces or lower case."""
    letters = "".join(ch for ch in raw.upper() if ch.isalnum())
    if len(letters) != 12:
        return ""
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def find_certificate(raw_code: str) -> Certificate | None:
    code = normalise_code(raw_code)
    if not code:
        return None
    return Certificate.objects.filter(code=code).first()


def same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- Knowledge events and theme groups ------------------------------------------------------

# Organisations that organise trajectories, events and theme groups (SPN can be registered as
# either kind by the KB-beheerder).
ORGANISER_KINDS = {OrganisationKind.KB, OrganisationKind.POI}


def organiser_organisations(user) -> QuerySet[Organisation]:
    """KB and POI organisations in which the user may put events on the calendar: where they are
    POI adviser (of a POI) or KB-beheerder (of the KB)."""
    return Organisation.objects.filter(
        pk__in=scoping.organisation_ids_with_role(user, Role.POI_ADVISER, Role.KB_ADMIN)
    )


def organises(user, event_or_group) -> bool:
    return organiser_organisations(user).filter(pk=event_or_group.organiser_id).exists()


def home_organisation(user) -> Organisation | None:
    """The organisation a sign-up is counted for: the user's first membership."""
    return scoping.primary_organisation(user)


def upcoming_events(now=None) -> QuerySet[KnowledgeEvent]:
    now = now or timezone.now()
    return (
        KnowledgeEvent.objects.filter(starts_at__gte=now)
        .select_related("organiser", "theme_group")
        .annotate(taken=Count("registrations"))
        .order_by("starts_at")
    )


def places_left(event: KnowledgeEvent) -> int:
    return max(event.capacity - event.registrations.count(), 0)


def theme_group_history(group: ThemeGroup, now=None):
    now = now or timezone.now()
    events = group.events.all()
    return (
        events.filter(starts_at__lt=now).order_by("-starts_at"),
        events.filter(starts_at__gte=now).order_by("starts_at"),
    )


def may_see_members(user, group: ThemeGroup) -> bool:
    return organises(user, group) or group.memberships.filter(user=user).exists()
