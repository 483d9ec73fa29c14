"""Open data: HSDS import runs (with their progress and report) and the taxonomy terms of other
publishers that an import brought in, kept so a KB-beheerder can map them onto ours."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Offer, TaxonomyTerm
from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.organisations.models import Organisation


class ImportStatus(models.TextChoices):
    WAITING = "waiting", _("Wacht op start")
    QUEUED = "queued", _("In de wachtrij")
    CHECKING = "checking", _("Bezig met controleren")
    SAVING = "saving", _("Bezig met opslaan")
    DONE = "done", _("Klaar")
    REJECTED = "rejected", _("Afgewezen: er is niets opgeslagen")
    FAILED = "failed", _("Mislukt: er is niets opgeslagen")


class ImportRun(models.Model):
    """One import of an HSDS file. The counters are written while the import runs (outside its
    transaction), so the progress page and the terminal can show how far it is."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("importeren voor"),
    )
    file_name = models.CharField(_("bestand"), max_length=255)
    # Where the uploaded file waits until the import starts; emptied when it has run.
    stored_path = models.CharField(max_length=500, blank=True)
    file_format = models.CharField(_("soort bestand"), max_length=20, blank=True)
    publish = models.BooleanField(_("publiceren"), default=False)
    dry_run = models.BooleanField(_("alleen controleren"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.WAITING
    )
    total = models.PositiveIntegerField(_("records"), default=0)
    processed = models.PositiveIntegerField(_("verwerkt"), default=0)
    created = models.PositiveIntegerField(_("nieuw"), default=0)
    changed = models.PositiveIntegerField(_("gewijzigd"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    warnings = models.JSONField(_("meldingen"), default=list, blank=True)
    records = models.JSONField(_("records"), default=list, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    started_at = models.DateTimeField(_("gestart"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        """Started: waiting in the queue for a worker, or running in one."""
        return self.status in (ImportStatus.QUEUED, ImportStatus.CHECKING, ImportStatus.SAVING)

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.REJECTED, ImportStatus.FAILED)

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.is_finished else 0
        return min(100, round(100 * self.processed / self.total))


class ExternalTerm(TimestampedModel):
    """A taxonomy term of another publisher (an HSDS taxonomy_term we do not have). Kept with
    its HSDS id; once a KB-beheerder maps it onto one of our terms, the offers get that term."""

    id = models.UUIDField(primary_key=True, editable=False)
    taxonomy = models.CharField(_("taxonomie"), max_length=200, blank=True)
    taxonomy_id = models.UUIDField(_("id van de taxonomie"), null=True, blank=True)
    code = models.CharField(_("code"), max_length=200, blank=True)
    name = models.CharField(_("naam"), max_length=300)
    description = models.TextField(_("beschrijving"), blank=True)
    parent_id = models.UUIDField(_("id van de bovenliggende term"), null=True, blank=True)
    language = models.CharField(_("taal"), max_length=20, blank=True)
    term_uri = models.URLField(_("adres van de term"), max_length=500, blank=True)
    mapped_to = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="external_terms",
        verbose_name=_("hoort bij onze term"),
    )
    offers = models.ManyToManyField(
        Offer, blank=True, related_name="external_terms", verbose_name=_("aanbod")
    )

    class Meta:
        ordering = ["taxonomy", "name"]
        verbose_name = _("externe term")
        verbose_name_plural = _("externe termen")

    def __str__(self) -> str:
        return f"{self.name} ({self.taxonomy})" if self.taxonomy else self.name


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("In de wachtrij")
    RUNNING = "running", _("Bezig met maken")
    DONE = "done", _("Klaar om te downloaden")
    FAILED = "failed", _("Mislukt")


class ExportRun(models.Model):
    """A download of many organisations' offers (the whole catalogue, a region), made by a
    worker instead of inside the request (docs/exports.md, docs/background-work.md). The file
    is kept through Django's storage for a day, for its maker only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("door")
    )
    file_format = models.CharField(_("bestandsformaat"), max_length=20)
    scope = models.CharField(_("aanbod van"), max_length=50)
    # The organisations to export, decided when it was asked; null: the whole catalogue.
    organisation_ids = models.JSONField(null=True, blank=True)
    file_name = models.CharField(_("bestand"), max_length=255, blank=True)
    stored_name = models.CharField(max_length=500, blank=True)
    size = models.PositiveBigIntegerField(_("grootte"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    error = models.CharField(_("fout"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.file_name or self.file_format} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)


class DuplicateStatus(models.TextChoices):
    OPEN = "open", _("Nog beslissen")
    MERGED = "merged", _("Samengevoegd")
    KEPT = "kept", _("Allebei gehouden")


class LikelyDuplicate(CreatedAtModel):
    """An imported offer that looks like one we already had under another id: the same
    organisation, the same place and the same or a very similar title (docs/hsds-import.md,
    "Likely duplicates"). Staff merge it into ours (ours keeps its id and takes the imported
    content; later imports of that id update ours) or keep both (never reported again)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("import"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )
    ours = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="+", verbose_name=_("ons aanbod")
    )
    imported_id = models.UUIDField(_("id uit het bestand"))
    imported_title = models.CharField(_("titel uit het bestand"), max_length=150)
    score = models.PositiveSmallIntegerField(_("gelijkenis van de titel"))
    status = models.CharField(
        _("status"), max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besloten door"),
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("waarschijnlijk dubbel aanbod")
        verbose_name_plural = _("waarschijnlijk dubbel aanbod")
        constraints = [
            models.UniqueConstraint(fields=["ours", "imported_id"], name="opendata_duplicate_pair")
        ]

    def __str__(self) -> str:
        return f"{self.imported_title} ≈ {self.ours_id}"
