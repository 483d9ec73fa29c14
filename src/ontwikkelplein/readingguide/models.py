"""The leeswijzer ("welk boek voor welke leeftijd"): a table of age and reading-level labels.

There is one national table (organisation empty), kept by the KB, and a library may have its own
(a copy of the national one that it changed). A library without its own table uses the national
one (selectors.table_for)."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import TimestampedModel
from ontwikkelplein.core.translations import (
    DEFAULT_LANGUAGE,
    TRANSLATED_LANGUAGES,
    active_language,
    translated,
    translation_columns,
)
from ontwikkelplein.organisations.models import Organisation

# The AVI reading levels in the order children reach them: Start, then M (midden) and E (eind)
# of groups 3 to 7 of primary school, then Plus.
AVI_LEVELS = ("Start", "M3", "E3", "M4", "E4", "M5", "E5", "M6", "E6", "M7", "E7", "Plus")


class LabelTable(TimestampedModel):
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reading_label_table",
        verbose_name=_("bibliotheek"),
        help_text=_("Leeg: de landelijke tabel, die de KB bijhoudt."),
    )
    # True for the one national table (no organisation); a constraint keeps it single.
    national = models.BooleanField(_("landelijk"), default=False, editable=False)
    source = models.TextField(
        _("bron"), blank=True, help_text=_("Waar de codes en leeftijden vandaan komen.")
    )

    class Meta:
        verbose_name = _("labeltabel")
        verbose_name_plural = _("labeltabellen")
        constraints = [
            models.CheckConstraint(
                condition=Q(national=True, organisation__isnull=True)
                | Q(national=False, organisation__isnull=False),
                name="readingguide_national_has_no_library",
            ),
            models.UniqueConstraint(
                fields=["national"],
                condition=Q(national=True),
                name="readingguide_one_national_table",
            ),
        ]

    def __str__(self) -> str:
        return self.organisation.name if self.organisation_id else str(_("Landelijke tabel"))


@dataclass(frozen=True)
class LabelTexts:
    """A label's texts in one language; `dutch` names the fields shown in Dutch (no translation),
    for the template's lang="nl"."""

    name: str
    meaning: str
    place: str
    tips: str
    dutch: frozenset = frozenset()


class Label(models.Model):
    """One code on the spine of a book (AP, E, B …): for which age, what it means for a parent,
    which AVI levels it holds and where it stands in the library."""

    table = models.ForeignKey(
        LabelTable, on_delete=models.CASCADE, related_name="labels", verbose_name=_("tabel")
    )
    code = models.CharField(_("code"), max_length=6)
    name = models.CharField(_("naam"), max_length=100)
    age_from = models.PositiveSmallIntegerField(_("vanaf leeftijd (jaar)"), default=0)
    age_to = models.PositiveSmallIntegerField(
        _("tot en met leeftijd (jaar)"), null=True, blank=True, help_text=_("Leeg: geen grens.")
    )
    avi_levels = models.CharField(
        _("AVI-niveaus"),
        max_length=100,
        blank=True,
        help_text=_("Met spaties ertussen, bijvoorbeeld: Start M3 E3."),
    )
    meaning = models.TextField(_("wat betekent het voor een ouder (B1)"))
    place = models.CharField(_("waar staat het in de bibliotheek"), max_length=200, blank=True)
    tips = models.TextField(_("tips voor de ouder (B1)"), blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # The texts in the other resident languages (core/translations.py); empty: the Dutch text.
    # The code and the AVI levels are the same in every language.
    name_en, name_ar, name_tr, name_uk, name_pl = translation_columns(
        100, _("naam"), TRANSLATED_LANGUAGES
    )
    meaning_en, meaning_ar, meaning_tr, meaning_uk, meaning_pl = translation_columns(
        None, _("wat betekent het voor een ouder"), TRANSLATED_LANGUAGES
    )
    place_en, place_ar, place_tr, place_uk, place_pl = translation_columns(
        200, _("waar staat het in de bibliotheek"), TRANSLATED_LANGUAGES
    )
    tips_en, tips_ar, tips_tr, tips_uk, tips_pl = translation_columns(
        None, _("tips voor de ouder"), TRANSLATED_LANGUAGES
    )

    # The fields with a column per language.
    TRANSLATED_FIELDS = ("name", "meaning", "place", "tips")

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        constraints = [
            models.UniqueConstraint(fields=["table", "code"], name="readingguide_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    @property
    def avi_list(self) -> list[str]:
        return [level for level in AVI_LEVELS if level.lower() in self.avi_levels.lower().split()]

    def texts(self, language: str | None = None) -> "LabelTexts":
        """The name, meaning, place and tips in `language` (default: the active language), each
        the Dutch text where that language's column is empty."""
        code = active_language(language)
        shown = {field: translated(self, field, code) for field in self.TRANSLATED_FIELDS}
        dutch = frozenset(
            field
            for field in self.TRANSLATED_FIELDS
            if code != DEFAULT_LANGUAGE and shown[field] == getattr(self, field)
        )
        return LabelTexts(**shown, dutch=dutch)

    def fits_age(self, age: int) -> bool:
        return self.age_from <= age and (self.age_to is None or age <= self.age_to)
