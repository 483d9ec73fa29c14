"""Course and activity runs (uitvoeringen) of catalogue offers: sessions, enrolment with a waiting
list, attendance and head counts.

Personal data (Person) belongs to the organisation running the course and is erased after the
retention period; enrolments and attendance stay as anonymous records for the figures, and
`person_key` (a random id, no personal data) keeps "unique people" countable after erasure.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.organisations.models import Location, Organisation


class RunKind(models.TextChoices):
    SERIES = "series", _("Vaste reeks bijeenkomsten")
    RECURRING = "recurring", _("Terugkerende activiteit")


class RunStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")
    CANCELLED = "cancelled", _("Geannuleerd")


class Run(TimestampedModel):
    """One run of an offer: where, when (its sessions), for how many, with whom."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="runs", verbose_name=_("aanbod")
    )
    # The organisation that runs it and owns its participants' data (normally the offer's).
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="runs", verbose_name=_("organisatie")
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="runs",
        verbose_name=_("locatie"),
        help_text=_("Een vestiging of een plek buiten de bibliotheek, zoals een buurthuis."),
    )
    name = models.CharField(
        _("naam van de uitvoering"), max_length=200, blank=True, help_text=_("Bijv. 'Voorjaar'.")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=RunKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.DRAFT
    )
    # Empty capacity: no limit (a walk-in activity).
    capacity = models.PositiveSmallIntegerField(_("aantal plaatsen"), null=True, blank=True)
    intake_required = models.BooleanField(_("intake nodig"), default=False)
    # Walk-in: no enrolment; attendance is a head count per session.
    walk_in = models.BooleanField(_("vrije inloop (alleen tellen)"), default=False)
    sign_up_opens = models.DateField(_("aanmelden vanaf"), null=True, blank=True)
    sign_up_closes = models.DateField(_("aanmelden tot en met"), null=True, blank=True)
    notes = models.TextField(_("interne notities"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitvoering")
        verbose_name_plural = _("uitvoeringen")
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return f"{self.offer} {self.name}".strip()


class RunHelper(models.Model):
    """A teacher or volunteer of a run; a staff account is optional (volunteers often have none)."""

    class Role(models.TextChoices):
        TEACHER = "teacher", _("Docent")
        VOLUNTEER = "volunteer", _("Vrijwilliger")

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="helpers")
    name = models.CharField(_("naam"), max_length=100)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self):
        return self.name


class Session(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(_("eindtijd"))
    room = models.CharField(_("ruimte"), max_length=100, blank=True)
    cancelled = models.BooleanField(_("gaat niet door"), default=False)
    # Staff chose this time although the location is not open then (organisations/calendar.py).
    outside_opening_hours = models.BooleanField(_("ook buiten openingstijden"), default=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.run} {self.date}"


class Person(CreatedAtModel):
    """A participant's personal data, held by the organisation that runs the course: minimal,
    with consent as shown, erased after the retention period."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=100)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    consent_text = models.TextField(_("toestemmingstekst"))
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent_recorded_at = models.DateTimeField()

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")

    def __str__(self):
        return self.name


class EnrolmentStatus(models.TextChoices):
    INTAKE = "intake", _("Wacht op intake")
    ENROLLED = "enrolled", _("Ingeschreven")
    WAITING = "waiting", _("Op de wachtlijst")
    OFFERED = "offered", _("Plaats aangeboden")
    CANCELLED = "cancelled", _("Afgemeld")
    DECLINED = "declined", _("Niet geplaatst")


# Statuses that hold a place (count against capacity).
HOLDS_PLACE = {EnrolmentStatus.INTAKE, EnrolmentStatus.ENROLLED, EnrolmentStatus.OFFERED}


class Enrolment(CreatedAtModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="enrolments"
    )
    # Random and stable per person; survives erasure so unique people stay countable.
    person_key = models.UUIDField(default=uuid.uuid4)
    status = models.CharField(_("status"), max_length=20, choices=EnrolmentStatus.choices)
    source = models.CharField(
        _("via"),
        max_length=20,
        choices=[("resident", _("Inwoner zelf")), ("staff", _("Medewerker"))],
    )
    # A short code for the resident (confirmation, cancellation by phone).
    reference = models.CharField(_("code"), max_length=12, unique=True)
    # Hash of the secret in the resident's cancel/accept link.
    token_hash = models.CharField(max_length=128, blank=True)
    offer_expires_at = models.DateTimeField(_("aanbod geldig tot"), null=True, blank=True)
    # The language of the page the resident signed up on (settings.LANGUAGES): every e-mail to
    # them is written in it. Dutch when staff enrolled them.
    language = models.CharField(_("taal"), max_length=8, default="nl")
    status_changed_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        indexes = [models.Index(fields=["run", "status"])]

    def __str__(self):
        return self.reference


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Aanwezig")
    ABSENT = "absent", _("Afwezig")
    # "Afgemeld" is also an enrolment status; in a register it means excused (English differs).
    EXCUSED = "excused", pgettext_lazy("attendance", "Afgemeld")


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="one_attendance_per_session"
            )
        ]

    def __str__(self):
        return f"{self.session} {self.status}"


class HeadCount(models.Model):
    """Walk-in activities: how many people came, nothing about who."""

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, primary_key=True, related_name="head_count"
    )
    count = models.PositiveSmallIntegerField(_("aantal bezoekers"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.session} {self.count}"
