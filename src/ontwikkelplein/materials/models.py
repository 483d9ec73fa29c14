"""The catalogue of learning materials (leermiddelen, the "productencatalogus"): the online
programmes, methods, workbooks, easy-reading collections, apps and trainings that staff and
volunteers choose from when they help someone learn. A material without an organisation is on
the national list, kept by the KB and the POIs; a library's own material (organisation set) is
seen by its own staff only (materials/selectors.py). Offers and course runs that use a material
are linked from the material's side (materials imports catalogue and courses, not the other way
round); their pages show the materials through panels (core.menu)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Offer, Taxonomy, TaxonomyTerm
from ontwikkelplein.core.models import TimestampedModel
from ontwikkelplein.courses.models import Run
from ontwikkelplein.organisations.models import Organisation


class Kind(models.TextChoices):
    PROGRAMME = "programme", _("Online oefenprogramma")
    METHOD = "method", _("Lesmethode")
    WORKBOOK = "workbook", _("Werkboek")
    COLLECTION = "collection", _("Collectie makkelijk lezen")
    APP = "app", _("App")
    TRAINING = "training", _("Training voor medewerkers en vrijwilligers")
    SCREENING = "screening", _("Test of screening")


class Form(models.TextChoices):
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Online en in de les (blended)")
    PAPER = "paper", _("Op papier")


class Cost(models.TextChoices):
    """What using it costs the library and the learner."""

    FREE = "free", _("Gratis")
    NATIONAL = "national", _("Landelijk ingekocht (gratis voor bibliotheken)")
    LIBRARY_LICENCE = "library_licence", _("Licentie van de bibliotheek")
    PAID = "paid", _("Betaald (per deelnemer of per exemplaar)")
    ASK = "ask", _("Navragen bij de aanbieder")


FREE_COSTS = (Cost.FREE, Cost.NATIONAL)


class Material(TimestampedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Empty: on the national list (KB and POIs). Set: the library's own addition.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="materials",
        verbose_name=_("eigen materiaal van"),
    )
    name = models.CharField(_("naam"), max_length=150)
    summary = models.CharField(
        _("korte omschrijving"), max_length=250, help_text=_("Eén zin: wat is het, voor wie.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    provider = models.CharField(
        _("aanbieder"), max_length=150, help_text=_("Wie het maakt of uitgeeft.")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    form = models.CharField(_("vorm"), max_length=20, choices=Form.choices)
    cost = models.CharField(_("kosten"), max_length=20, choices=Cost.choices)
    cost_note = models.CharField(
        _("uitleg over kosten en licentie"),
        max_length=250,
        blank=True,
        help_text=_("Bijv. 'Licentie via de KB; aanvragen bij de POI'."),
    )
    website = models.URLField(_("website van de aanbieder"), blank=True)
    themes = models.ManyToManyField(
        TaxonomyTerm,
        related_name="materials_by_theme",
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME, "is_active": True},
        verbose_name=_("thema's"),
        blank=True,
    )
    target_groups = models.ManyToManyField(
        TaxonomyTerm,
        related_name="materials_by_target_group",
        limit_choices_to={"taxonomy__slug": Taxonomy.TARGET_GROUP, "is_active": True},
        verbose_name=_("doelgroepen"),
        blank=True,
    )
    levels = models.ManyToManyField(
        TaxonomyTerm,
        related_name="materials_by_level",
        limit_choices_to={"taxonomy__slug": Taxonomy.LEVEL, "is_active": True},
        verbose_name=_("niveaus"),
        blank=True,
        help_text=_("Taalniveau (1F, 2F; A0 tot B1) of digitaal niveau, waar dat past."),
    )
    offers = models.ManyToManyField(
        Offer, related_name="materials", verbose_name=_("gebruikt in aanbod"), blank=True
    )
    runs = models.ManyToManyField(
        Run, related_name="materials", verbose_name=_("gebruikt in uitvoeringen"), blank=True
    )
    is_active = models.BooleanField(
        _("in gebruik"), default=True, help_text=_("Uit: niet meer te vinden of te kiezen.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("leermiddel")
        verbose_name_plural = _("leermiddelen")

    def __str__(self) -> str:
        return self.name

    @property
    def is_national(self) -> bool:
        return self.organisation_id is None

    @property
    def is_free(self) -> bool:
        return self.cost in FREE_COSTS
