"""The programme register: which library organisation takes part in which national programme,
convenant, pilot or subsidy, kept by the KB and the POIs (reports.md "Programme register")."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.organisations.models import Location, Organisation
from ontwikkelplein.places.models import Municipality


class SchemeKind(models.TextChoices):
    PROGRAMME = "programme", _("Programma")
    CONVENANT = "convenant", _("Convenant")
    PILOT = "pilot", _("Pilot")
    SUBSIDY = "subsidy", _("Subsidie")


class Scheme(models.Model):
    """A national programme, convenant, pilot or subsidy scheme libraries take part in. The
    national ones come with a migration; the KB adds others in the Django admin."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    kind = models.CharField(_("soort"), max_length=20, choices=SchemeKind.choices)
    description = models.TextField(_("toelichting"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")

    def __str__(self) -> str:
        return self.name


class ParticipationStatus(models.TextChoices):
    PREPARING = "preparing", _("In voorbereiding")
    ACTIVE = "active", _("Doet mee")
    ENDED = "ended", _("Gestopt")


class CertificationStep(models.TextChoices):
    """The steps of the Taalhuis certification (reports.md)."""

    INTAKE = "intake", _("Intake")
    SELF_EVALUATION = "self_evaluation", _("Zelfevaluatie")
    AUDIT = "audit", _("Audit")
    REPORT = "report", _("Rapport")
    CERTIFICATE = "certificate", _("Certificaat")


class Participation(TimestampedModel):
    """One library organisation's part in one scheme. The fields below `status` are used where
    they apply: the IDO's locations and SPUK municipality, the Taalhuis's certification step,
    a subsidy's amount and accounting deadline."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("bibliotheekorganisatie"),
    )
    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, related_name="participations", verbose_name=_("regeling")
    )
    status = models.CharField(
        _("stand"), max_length=20, choices=ParticipationStatus.choices, default="active"
    )
    started_on = models.DateField(_("sinds"), null=True, blank=True)
    ends_on = models.DateField(_("geldig of loopt tot"), null=True, blank=True)
    locations = models.ManyToManyField(
        Location, blank=True, related_name="participations", verbose_name=_("locaties")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente van de SPUK-aanvraag"),
    )
    certification_step = models.CharField(
        _("stap in de certificering"), max_length=20, choices=CertificationStep.choices, blank=True
    )
    amount = models.DecimalField(
        _("bedrag (euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    accounting_due_on = models.DateField(_("verantwoorden uiterlijk"), null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    note = models.TextField(_("toelichting"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["scheme__order", "scheme__name", "-started_on"]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")

    def __str__(self) -> str:
        return f"{self.organisation} – {self.scheme}"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Nog te bekijken")
    HANDLED = "handled", _("Verwerkt")
    DISMISSED = "dismissed", _("Niet overgenomen")


class Proposal(CreatedAtModel):
    """A library's proposed change to its own register, for the KB or its POI to handle."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="participation_proposals"
    )
    text = models.TextField(_("wat moet er anders"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
