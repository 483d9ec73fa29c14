"""The Taalhuis quality framework (reports.md "Taalhuis quality framework"): a library's
self-evaluation against the norms of the certification (quality/norms.py), its own text, score
and documents per norm, and the dates of the certification's steps."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.quality import norms

# The steps of the certification, in order, with the field of their date.
STEPS = (
    ("intake", "intake_on", _("Intake")),
    ("self_evaluation", "self_evaluation_on", _("Zelfevaluatie")),
    ("audit", "audit_on", _("Audit")),
    ("report", "report_on", _("Rapport")),
    ("certificate", "certified_on", _("Certificaat")),
)


class SelfEvaluation(TimestampedModel):
    """One library organisation's (the Taalhuis's) quality file. Written by the library's
    specialists and team leaders; read by the POI of its region and the KB."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="quality_evaluation",
        verbose_name=_("bibliotheekorganisatie"),
    )
    year = models.PositiveSmallIntegerField(
        _("cijfers over het jaar"),
        help_text=_("Het jaar waarover het platform de cijfers bij de normen invult."),
    )
    intake_on = models.DateField(_("intake"), null=True, blank=True)
    self_evaluation_on = models.DateField(_("zelfevaluatie klaar"), null=True, blank=True)
    audit_on = models.DateField(_("audit"), null=True, blank=True)
    report_on = models.DateField(_("rapport"), null=True, blank=True)
    certified_on = models.DateField(_("certificaat"), null=True, blank=True)
    valid_until = models.DateField(
        _("certificaat geldig tot"),
        null=True,
        blank=True,
        help_text=_("Leeg: vier jaar na de datum van het certificaat."),
    )
    auditor = models.CharField(
        _("auditor of certificeringsorganisatie"), max_length=200, blank=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("zelfevaluatie kwaliteitskader")
        verbose_name_plural = _("zelfevaluaties kwaliteitskader")

    def __str__(self) -> str:
        return str(self.organisation)

    def step_dates(self) -> list[tuple[str, str, object]]:
        """(step, label, date) for each step, in order."""
        return [(step, label, getattr(self, field)) for step, field, label in STEPS]

    def current_step(self, today) -> str:
        """The last step whose date has come ("" before the intake)."""
        current = ""
        for step, _label, day in self.step_dates():
            if day is not None and day <= today:
                current = step
        return current

    def current_step_label(self, today) -> str:
        labels = {step: label for step, _field, label in STEPS}
        step = self.current_step(today)
        return str(labels[step]) if step else ""


class Score(models.TextChoices):
    NOT_YET = "not_yet", _("Nog niet")
    PARTLY = "partly", _("Deels")
    IN_ORDER = "in_order", _("Op orde")


class NormAnswer(TimestampedModel):
    """The Taalhuis's own text and score for one norm."""

    evaluation = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="answers")
    norm = models.CharField(_("norm"), max_length=40, choices=norms.CODES)
    text = models.TextField(_("toelichting van het Taalhuis"), blank=True)
    score = models.CharField(_("eigen oordeel"), max_length=20, choices=Score.choices, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "norm"], name="quality_one_answer_per_norm"
            )
        ]
        verbose_name = _("antwoord op een norm")
        verbose_name_plural = _("antwoorden op normen")

    def __str__(self) -> str:
        return f"{self.evaluation} – {self.norm}"


class Attachment(CreatedAtModel):
    """A document the Taalhuis attaches to a norm (a plan, an agreement, a report). The file is
    kept in Django's storage (MEDIA_ROOT is never served) and downloaded through a view that
    checks who may read the self-evaluation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, related_name="attachments"
    )
    norm = models.CharField(_("norm"), max_length=40, choices=norms.CODES)
    title = models.CharField(_("titel"), max_length=200)
    file_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["norm", "created_at"]
        verbose_name = _("document bij het kwaliteitskader")
        verbose_name_plural = _("documenten bij het kwaliteitskader")

    def __str__(self) -> str:
        return self.title
