"""Staff learning trajectories: a definition (Trajectory with its Components), a run of it for
one library (Group), the people in it (Participant), what they did (Attendance at a Meeting,
ModuleCompletion, LearningQuestion) and the Certificate issued when the trajectory's rule is met.

The rule lives on the trajectory (all required modules and at least N% of the planned meetings)
and is evaluated in learning.selectors; services issue the certificate."""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel
from ontwikkelplein.organisations.models import Organisation


class Trajectory(CreatedAtModel):
    """A learning trajectory as defined by the KB or a POI, e.g. "De publieksservice en de
    educatief maatschappelijke Bibliotheek"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=200, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    audience = models.CharField(_("voor wie"), max_length=300, blank=True)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="defined_trajectories",
        verbose_name=_("eigenaar (KB of POI)"),
    )
    issuer = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="issued_trajectories",
        verbose_name=_("organisatie die het certificaat geeft"),
    )
    attendance_percentage = models.PositiveSmallIntegerField(
        _("minimaal percentage bijeenkomsten"),
        default=75,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Van de geplande bijeenkomsten na de startdatum van de deelnemer."),
    )
    excused_counts_as_attended = models.BooleanField(
        _("afwezig met bericht telt als aanwezig"), default=False
    )
    group_min = models.PositiveSmallIntegerField(_("minimale groepsgrootte"), default=1)
    group_max = models.PositiveSmallIntegerField(_("maximale groepsgrootte"), default=20)
    duration_weeks = models.PositiveSmallIntegerField(_("looptijd in weken"), default=13)
    price_per_group = models.DecimalField(
        _("prijs per groep (euro)"), max_digits=9, decimal_places=2, default=0
    )
    validity_months = models.PositiveSmallIntegerField(
        _("geldigheid in maanden"),
        null=True,
        blank=True,
        help_text=_("Leeg: het certificaat blijft geldig."),
    )
    is_active = models.BooleanField(_("open voor aanmelding"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("leertraject")
        verbose_name_plural = _("leertrajecten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attendance_percentage__lte=100),
                name="learning_trajectory_percentage_max_100",
            ),
            models.CheckConstraint(
                condition=models.Q(group_min__lte=models.F("group_max")),
                name="learning_trajectory_group_min_le_max",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ComponentKind(models.TextChoices):
    MODULE = "module", _("E-learning")
    MEETING = "meeting", _("Bijeenkomst")
    ASSIGNMENT = "assignment", _("Opdracht")


class Component(models.Model):
    """One part of a trajectory: an e-learning module, a meeting (with its planned length) or
    an assignment. Required modules and assignments count for the certificate; meetings count
    through the attendance percentage."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="components", verbose_name=_("traject")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ComponentKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    required = models.BooleanField(_("verplicht"), default=True)
    planned_minutes = models.PositiveSmallIntegerField(_("geplande duur in minuten"), default=60)

    class Meta:
        ordering = ["trajectory", "position", "pk"]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "kind", "title"], name="learning_component_unique_title"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def completable(self) -> bool:
        return self.kind in (ComponentKind.MODULE, ComponentKind.ASSIGNMENT)


class GroupState(models.TextChoices):
    REQUESTED = "requested", _("Aangevraagd")
    PLANNED = "planned", _("Geaccepteerd en gepland")
    RUNNING = "running", _("Lopend")
    COMPLETED = "completed", _("Afgerond")


class Group(models.Model):
    """A trajectory run for one library, supported by a POI. The library's team leader signs
    up (requested); a POI adviser accepts and plans (planned); the first registered attendance
    makes it running; the team leader or the POI closes it (completed)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="groups", verbose_name=_("traject")
    )
    library = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="learning_groups",
        verbose_name=_("bibliotheek"),
    )
    poi = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="supported_learning_groups",
        verbose_name=_("POI"),
    )
    name = models.CharField(_("naam van de groep"), max_length=200)
    state = models.CharField(
        _("status"), max_length=20, choices=GroupState.choices, default=GroupState.REQUESTED
    )
    preferred_start = models.DateField(_("gewenste startdatum"), null=True, blank=True)
    expected_participants = models.PositiveSmallIntegerField(
        _("verwacht aantal deelnemers"), null=True, blank=True
    )
    notes = models.TextField(_("toelichting"), blank=True)
    # The price at sign-up: a later change of the trajectory's price does not change this run.
    price = models.DecimalField(_("prijs (euro)"), max_digits=9, decimal_places=2, default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")

    def __str__(self) -> str:
        return self.name


class ParticipantRole(models.TextChoices):
    FRONT_DESK = "baliemedewerker", _("Baliemedewerker")
    IDO_STAFF = "ido_medewerker", _("IDO-medewerker")
    IDO_LEAD = "ido_kartrekker", _("IDO-kartrekker")
    LANGUAGE_VOLUNTEER = "taalvrijwilliger", _("Taalvrijwilliger")
    OTHER = "anders", _("Anders")


class Participant(CreatedAtModel):
    """A staff member or volunteer in a group. Volunteers often have no account: user is
    optional. Meetings before joined_on do not count for them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="participants", verbose_name=_("groep")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_participations",
        verbose_name=_("account"),
    )
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    role = models.CharField(
        _("rol"), max_length=30, choices=ParticipantRole.choices, default=ParticipantRole.FRONT_DESK
    )
    joined_on = models.DateField(_("doet mee vanaf"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=models.Q(user__isnull=False),
                name="learning_participant_once_per_group",
            ),
            models.UniqueConstraint(fields=["group", "name"], name="learning_participant_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    """A planned meeting of a group; each planned meeting counts for the attendance rule."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("groep")
    )
    component = models.ForeignKey(
        Component,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("onderdeel"),
    )
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("datum en tijd"))
    planned_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), default=90)
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    teachers = models.CharField(
        _("docenten"),
        max_length=300,
        blank=True,
        help_text=_("Specialisten van de bibliotheek, eventueel met een POI-adviseur."),
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Aanwezig")
    ABSENT = "absent", _("Afwezig")
    EXCUSED = "excused", _("Afwezig met bericht")


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("bijeenkomst")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("deelnemer"),
    )
    status = models.CharField(_("aanwezigheid"), max_length=20, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="learning_attendance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.meeting}: {self.get_status_display()}"


class CompletionSource(models.TextChoices):
    SELF = "self", _("Door de deelnemer")
    STAFF = "staff", _("Door de teamleider")
    IMPORT = "import", _("Uit een CSV-bestand")


class ModuleCompletion(models.Model):
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("deelnemer"),
    )
    component = models.ForeignKey(
        Component, on_delete=models.CASCADE, related_name="completions", verbose_name=_("onderdeel")
    )
    completed_on = models.DateField(_("afgerond op"))
    source = models.CharField(_("vastgelegd"), max_length=20, choices=CompletionSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("afgerond onderdeel")
        verbose_name_plural = _("afgeronde onderdelen")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "component"], name="learning_completion_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.component}"


class LearningQuestion(CreatedAtModel):
    """A learning question collected at the kick-off; at the closing meeting the group looks
    back on it (reflection)."""

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="questions", verbose_name=_("groep")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("deelnemer"),
    )
    text = models.TextField(_("leervraag"))
    reflection = models.TextField(_("terugblik"), blank=True)
    revisited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("leervraag")
        verbose_name_plural = _("leervragen")

    def __str__(self) -> str:
        return self.text[:80]


# No 0/O or 1/I/L: a code is read from paper and typed in again.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_verification_code() -> str:
    """12 random characters (about 59 bits) in three groups: XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Certificate(models.Model):
    """Issued once per participant when the rule is met. Name, trajectory and issuer are copied
    so the certificate stays as issued; the PDF is made on demand."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    participant = models.OneToOneField(
        Participant,
        on_delete=models.CASCADE,
        related_name="certificate",
        verbose_name=_("deelnemer"),
    )
    trajectory = models.ForeignKey(
        Trajectory,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("traject"),
    )
    code = models.CharField(
        _("verificatiecode"), max_length=14, unique=True, default=new_verification_code
    )
    holder_name = models.CharField(_("naam"), max_length=200)
    trajectory_name = models.CharField(_("traject"), max_length=200)
    issuer_name = models.CharField(_("uitgegeven door"), max_length=200)
    issued_at = models.DateTimeField(_("uitgegeven op"))
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")

    def __str__(self) -> str:
        return f"{self.trajectory_name} – {self.holder_name}"


# --- Knowledge events of the network (kennisdeelkalender) and theme groups -----------------


class ThemeGroup(CreatedAtModel):
    """A network theme group (themagroep) of the KB, SPN or a POI; it meets about four times a
    year. Its meetings are KnowledgeEvents linked to it: the past ones are its history."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=200, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="theme_groups",
        verbose_name=_("organisator"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ThemeGroupMember",
        related_name="theme_groups",
        verbose_name=_("leden"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("themagroep")
        verbose_name_plural = _("themagroepen")

    def __str__(self) -> str:
        return self.name


class ThemeGroupMember(models.Model):
    theme_group = models.ForeignKey(
        ThemeGroup, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="theme_group_memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )
    joined_on = models.DateField(_("lid sinds"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "user__first_name"]
        verbose_name = _("lid van een themagroep")
        verbose_name_plural = _("leden van themagroepen")
        constraints = [
            models.UniqueConstraint(fields=["theme_group", "user"], name="learning_theme_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.theme_group}"


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    THEME_GROUP = "theme_group", _("Bijeenkomst van een themagroep")
    VISIT = "visit", _("Inspiratiebezoek")
    OTHER = "other", _("Andere bijeenkomst")


class KnowledgeEvent(CreatedAtModel):
    """An event on the network's knowledge-sharing calendar, with sign-up and a capacity."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    description = models.TextField(_("beschrijving"), blank=True)
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="knowledge_events",
        verbose_name=_("organisator"),
    )
    theme_group = models.ForeignKey(
        ThemeGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("themagroep"),
    )
    starts_at = models.DateTimeField(_("datum en tijd"))
    planned_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), default=60)
    place = models.CharField(
        _("plaats"), max_length=200, blank=True, help_text=_("Een adres, of 'online'.")
    )
    capacity = models.PositiveSmallIntegerField(_("aantal plaatsen"), default=30)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("kennisbijeenkomst")
        verbose_name_plural = _("kennisbijeenkomsten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="learning_event_capacity_positive"
            )
        ]

    def __str__(self) -> str:
        return self.title


class EventRegistration(CreatedAtModel):
    event = models.ForeignKey(
        KnowledgeEvent, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="learning_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"
