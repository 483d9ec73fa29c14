"""BoekStart at the library: what the desk hands out and registers, and the births to set it
against. Anonymous: a registration holds no name, only the four-digit postcode area of the
baby's home when the parent gives it."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel
from ontwikkelplein.organisations.models import Location, Organisation
from ontwikkelplein.places.models import Municipality


class Kind(models.TextChoices):
    VOUCHER = "voucher", _("Waardebon ingeleverd")
    CASE = "case", _("BoekStart-koffertje meegegeven")
    MEMBERSHIP = "membership", _("Baby lid gemaakt")


class Via(models.TextChoices):
    """Where the parents got the voucher (waardebon)."""

    MUNICIPALITY = "municipality", _("Gemeente")
    CLINIC = "clinic", _("Consultatiebureau")
    OTHER = "other", _("Anders")
    UNKNOWN = "unknown", _("Onbekend")


class Registration(CreatedAtModel):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="boekstart_registrations",
        verbose_name=_("bibliotheek"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="boekstart_registrations",
        verbose_name=_("locatie"),
    )
    kind = models.CharField(_("wat"), max_length=12, choices=Kind.choices)
    via = models.CharField(
        _("waardebon gekregen via"),
        max_length=12,
        choices=Via.choices,
        default=Via.UNKNOWN,
    )
    day = models.DateField(_("datum"))
    postcode_area = models.CharField(
        _("postcodegebied (4 cijfers)"),
        max_length=4,
        blank=True,
        help_text=_("Alleen de vier cijfers van de postcode van het gezin. Leeg laten mag."),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-day", "-created_at"]
        verbose_name = _("BoekStart-registratie")
        verbose_name_plural = _("BoekStart-registraties")
        indexes = [models.Index(fields=["organisation", "day"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.day:%d-%m-%Y}"


class Births(models.Model):
    """Live births in a municipality in a year, from an open data file (load_births)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    count = models.PositiveIntegerField(_("levend geboren"), validators=[MinValueValidator(0)])
    source = models.CharField(_("bron"), max_length=300)

    class Meta:
        ordering = ["municipality__name", "-year"]
        verbose_name = _("geboorten")
        verbose_name_plural = _("geboorten")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="boekstart_births_once")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.count}"
