"""The wegwijzer ("Ik weet niet precies wat ik zoek"): versioned questions and answers that the
KB maintains, and the anonymous count of finished paths.

A Version is a draft, published or retired. Exactly one is published at a time; residents start
on it, and the version number travels in every step's address, so a resident halfway keeps
answering the version they started with after the KB publishes a new one (a retired version
stays answerable; only drafts are closed to residents).

PathCount holds no person, address, session or time of day: one row per day and combination
of answers (and the municipality or town of the place), with a counter that is incremented."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy
from ontwikkelplein.core.models import TimestampedModel
from ontwikkelplein.core.translations import (
    RESIDENT_ONLY_LANGUAGES,
    column,
    translated,
    translation_columns,
    untranslated_languages,
)


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")
    RETIRED = "retired", _("Vervangen")


class QuestionKind(models.TextChoices):
    NEED = "need", _("Waar wil je hulp bij?")
    FOR_WHOM = "for_whom", _("Voor wie?")
    HOW = "how", _("Hoe?")
    WHERE = "where", _("Waar?")


# The address parameter of each kind's answer: a public contract (docs/public-site.md).
PARAM_OF_KIND = {
    QuestionKind.NEED: "nodig",
    QuestionKind.FOR_WHOM: "voor",
    QuestionKind.HOW: "hoe",
    QuestionKind.WHERE: "waar",
}


def in_language(dutch: str, english: str) -> str:
    """The English text when the interface is English and there is one, else the Dutch (for
    texts that have only an English translation, such as the referrer's wording)."""
    if english and (get_language() or "").startswith("en"):
        return english
    return dutch


# The texts residents read, translated into every resident language (core/translations.py);
# the referrer's wording is for staff and has only English.
QUESTION_RESIDENT_FIELDS = ("text", "help_text")
ANSWER_RESIDENT_FIELDS = ("label",)
QUESTION_TRANSLATION_COLUMNS = tuple(
    column(field, code) for field in QUESTION_RESIDENT_FIELDS for code in RESIDENT_ONLY_LANGUAGES
)
ANSWER_TRANSLATION_COLUMNS = tuple(
    column(field, code) for field in ANSWER_RESIDENT_FIELDS for code in RESIDENT_ONLY_LANGUAGES
)


class Version(TimestampedModel):
    number = models.PositiveIntegerField(_("versienummer"), unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    retired_at = models.DateTimeField(_("vervangen op"), null=True, blank=True)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gemaakt van"),
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("wegwijzerversie")
        verbose_name_plural = _("wegwijzerversies")
        constraints = [
            models.UniqueConstraint(
                fields=["status"],
                condition=models.Q(status="published"),
                name="wayfinder_one_published_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Versie')} {self.number} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class Question(models.Model):
    version = models.ForeignKey(
        Version, on_delete=models.CASCADE, related_name="questions", verbose_name=_("versie")
    )
    kind = models.CharField(_("soort vraag"), max_length=12, choices=QuestionKind.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    text = models.CharField(_("vraag (B1)"), max_length=200)
    referrer_text = models.CharField(
        _("vraag voor de verwijzer"),
        max_length=200,
        help_text=_("Zo leest een baliemedewerker of partner de vraag."),
    )
    help_text = models.CharField(_("uitleg (B1)"), max_length=300, blank=True)
    icon = models.CharField(_("pictogram"), max_length=40, blank=True)
    text_en = models.CharField(_("vraag (Engels)"), max_length=200, blank=True)
    referrer_text_en = models.CharField(
        _("vraag voor de verwijzer (Engels)"), max_length=200, blank=True
    )
    help_text_en = models.CharField(_("uitleg (Engels)"), max_length=300, blank=True)
    text_ar, text_tr, text_uk, text_pl = translation_columns(200, _("vraag"))
    help_text_ar, help_text_tr, help_text_uk, help_text_pl = translation_columns(300, _("uitleg"))

    class Meta:
        ordering = ["version", "order", "pk"]
        verbose_name = _("wegwijzervraag")
        verbose_name_plural = _("wegwijzervragen")
        constraints = [
            models.UniqueConstraint(fields=["version", "kind"], name="wayfinder_one_kind"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def param(self) -> str:
        return PARAM_OF_KIND[self.kind]

    @property
    def display_text(self) -> str:
        return translated(self, "text")

    @property
    def display_referrer_text(self) -> str:
        return in_language(self.referrer_text, self.referrer_text_en)

    @property
    def display_help_text(self) -> str:
        return translated(self, "help_text")

    @property
    def untranslated_languages(self) -> list:
        return untranslated_languages(self, QUESTION_RESIDENT_FIELDS)


class Answer(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("vraag")
    )
    key = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("Korte code in het webadres, zoals 'lezen'. Kleine letters, cijfers en -."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    label = models.CharField(_("antwoord (B1)"), max_length=120)
    label_en = models.CharField(_("antwoord (Engels)"), max_length=120, blank=True)
    label_ar, label_tr, label_uk, label_pl = translation_columns(120, _("antwoord"))
    icon = models.CharField(_("pictogram"), max_length=40, blank=True)
    themes = models.ManyToManyField(
        "catalogue.TaxonomyTerm",
        blank=True,
        related_name="+",
        verbose_name=_("thema's"),
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME},
    )
    target_groups = models.ManyToManyField(
        "catalogue.TaxonomyTerm",
        blank=True,
        related_name="+",
        verbose_name=_("doelgroepen"),
        limit_choices_to={"taxonomy__slug": Taxonomy.TARGET_GROUP},
    )
    offer_types = models.ManyToManyField(
        "catalogue.TaxonomyTerm",
        blank=True,
        related_name="+",
        verbose_name=_("soorten aanbod"),
        limit_choices_to={"taxonomy__slug": Taxonomy.OFFER_TYPE},
    )

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("wegwijzerantwoord")
        verbose_name_plural = _("wegwijzerantwoorden")
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="wayfinder_answer_key"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def display_label(self) -> str:
        return translated(self, "label")

    @property
    def untranslated_languages(self) -> list:
        return untranslated_languages(self, ANSWER_RESIDENT_FIELDS)


class Channel(models.TextChoices):
    RESIDENT = "resident", _("Inwoner")
    REFERRER = "referrer", _("Verwijzer")


class PathCount(models.Model):
    """Finished paths per day and combination: no person, no address, no session, no time."""

    day = models.DateField(_("dag"))
    channel = models.CharField(_("wie"), max_length=10, choices=Channel.choices)
    version_number = models.PositiveIntegerField(_("versie"))
    need = models.CharField(_("hulp bij (antwoord)"), max_length=40)
    theme = models.CharField(_("thema"), max_length=60, blank=True)
    for_whom = models.CharField(_("voor wie (antwoord)"), max_length=40, blank=True)
    how = models.CharField(_("hoe (antwoord)"), max_length=40, blank=True)
    # The CBS code of the municipality when the place is known to lie in one, else "" (and the
    # town is the finest area recorded). A code, not a foreign key: the counts outlive any
    # change to the municipality table, and "" keeps the unique constraint simple.
    municipality_code = models.CharField(_("gemeente (CBS-code)"), max_length=6, blank=True)
    town = models.CharField(_("plaats"), max_length=100, blank=True)
    found_nearby = models.BooleanField(_("passend aanbod dichtbij"))
    count = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("aantal afgeronde wegwijzers")
        verbose_name_plural = _("aantallen afgeronde wegwijzers")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "day",
                    "channel",
                    "version_number",
                    "need",
                    "theme",
                    "for_whom",
                    "how",
                    "municipality_code",
                    "town",
                    "found_nearby",
                ],
                name="wayfinder_path_count_unique",
            ),
        ]
        indexes = [models.Index(fields=["day", "found_nearby"])]

    def __str__(self) -> str:
        return f"{self.day} {self.need}: {self.count}"
