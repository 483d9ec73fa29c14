"""The neighbourhood's needs (docs/community.md, "De behoeften in de buurt"): the notes staff
take from conversations (NeedNote) and open public figures per municipality loaded from a data
file with their source and licence (PublicFigure). The other signals are read from the apps
that own them (needs/selectors.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.models import TimestampedModel
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.places.models import Municipality

NOTE_MAX_LENGTH = 600


class NeedNote(TimestampedModel):
    """What staff heard in a conversation about a need in the neighbourhood, in a few words.
    Never about one person: the text is checked for personal data (core.privacy)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="need_notes",
        verbose_name=_("bibliotheek"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemeente"),
    )
    theme = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME},
        verbose_name=_("thema"),
    )
    text = models.TextField(_("wat je hoorde"), max_length=NOTE_MAX_LENGTH)
    noted_on = models.DateField(_("datum van het gesprek"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geschreven door"),
    )

    class Meta:
        ordering = ["-noted_on", "-created_at"]
        verbose_name = _("notitie over een behoefte")
        verbose_name_plural = _("notities over behoeften")

    def __str__(self) -> str:
        return f"{self.noted_on}: {self.text[:40]}"


class Indicator(models.TextChoices):
    """The public figures the page knows; the value is the word in the data file."""

    LOW_LITERACY = "laaggeletterdheid", _("Geschat aandeel laaggeletterden (16 tot 65 jaar)")
    LOW_DIGITAL = "digitaal_laagvaardig", _("Geschat aandeel met weinig digitale vaardigheden")
    LOW_NUMERACY = "gecijferdheid", _("Geschat aandeel met moeite met rekenen")


class PublicFigure(models.Model):
    """One open figure (a percentage) for a municipality and year, with where it comes from and
    under which licence it may be shown (manage.py load_public_figures)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    indicator = models.CharField(_("cijfer"), max_length=40, choices=Indicator.choices)
    year = models.PositiveSmallIntegerField(_("jaar"))
    value = models.DecimalField(_("waarde (%)"), max_digits=5, decimal_places=1)
    source = models.CharField(_("bron"), max_length=300)
    licence = models.CharField(_("licentie"), max_length=100)

    class Meta:
        ordering = ["municipality__name", "indicator", "-year"]
        verbose_name = _("openbaar cijfer")
        verbose_name_plural = _("openbare cijfers")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "indicator", "year"], name="needs_public_figure_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.indicator} {self.year}: {self.value}"
