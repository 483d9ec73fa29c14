"""Quarterly and yearly reports (docs/reports.md "Quarterly and yearly reports").

A Report is the draft: its subject (the nation, a POI's region, a library or a library in one
municipality), its period and a text per theme (ReportText). Its figures are computed live while
it is a draft. Publishing makes a ReportVersion: the texts and the figures as they were, stored as
data, so a published version never changes when the live data does. The report's token gives the
public link to its latest version; older versions stay readable under their number."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.places.models import Municipality

TOKEN_BYTES = 24  # 32 characters of URL-safe base64: not to be guessed


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class Subject(models.TextChoices):
    NATION = "nation", _("Heel Nederland")
    REGION = "region", _("Regio (POI)")
    LIBRARY = "library", _("Bibliotheek")
    MUNICIPALITY = "municipality", _("Gemeente")


class Frequency(models.TextChoices):
    QUARTER = "quarter", _("Kwartaalrapportage")
    YEAR = "year", _("Jaarverslag")


# Which report a subject gets: the KB and the POIs steer per quarter; a library accounts to its
# municipality per year.
FREQUENCY_OF = {
    Subject.NATION: Frequency.QUARTER,
    Subject.REGION: Frequency.QUARTER,
    Subject.LIBRARY: Frequency.YEAR,
    Subject.MUNICIPALITY: Frequency.YEAR,
}


class Report(TimestampedModel):
    """One report about one subject and period. `organisation` is who writes it: the KB for the
    nation, the POI for its region, the library for itself or one of its municipalities."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("organisatie"),
    )
    subject = models.CharField(_("onderwerp"), max_length=20, choices=Subject.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    quarter = models.PositiveSmallIntegerField(_("kwartaal"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # One report per organisation, subject, municipality and period: services.create_report
    # (a unique constraint cannot say it on SQLite, where NULLs are always distinct).
    class Meta:
        ordering = ["-year", "-quarter", "organisation__name"]
        verbose_name = _("rapportage")
        verbose_name_plural = _("rapportages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quarter__isnull=True) | models.Q(quarter__gte=1, quarter__lte=4),
                name="reports_quarter_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_subject_display()} {self.period_label}"

    @property
    def frequency(self) -> str:
        return FREQUENCY_OF[self.subject]

    @property
    def period_label(self) -> str:
        if self.quarter:
            return _("%(year)s kwartaal %(quarter)s") % {"year": self.year, "quarter": self.quarter}
        return str(self.year)


class ReportText(TimestampedModel):
    """The text of one theme of a draft report, written by KB, POI or library staff."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="texts")
    theme = models.CharField(_("thema"), max_length=40)
    text = models.TextField(_("tekst"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("tekst bij een thema")
        verbose_name_plural = _("teksten bij thema's")
        constraints = [
            models.UniqueConstraint(fields=["report", "theme"], name="reports_one_text_per_theme")
        ]


class ReportVersion(CreatedAtModel):
    """A published version: title, texts and figures frozen as data. Never changed afterwards."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=300)
    subtitle = models.CharField(_("ondertitel"), max_length=300, blank=True)
    content = models.JSONField(_("inhoud"))  # {"texts": {theme: text}, "figures": {...}}
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("gepubliceerde versie")
        verbose_name_plural = _("gepubliceerde versies")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="reports_one_version_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"
