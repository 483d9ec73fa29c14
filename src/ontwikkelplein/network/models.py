"""The library's network (community work, docs/community.md): its stakeholders and partners
(Stakeholder: an organisation on the platform or one that is not yet), the people to contact
there (ContactPerson, personal data with a retention rule and an access log), and the
cooperation agreements (Agreement) with their documents (AgreementDocument)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.organisations.models import Organisation


class StakeholderKind(models.TextChoices):
    SCHOOL = "school", _("School (basisschool, voortgezet onderwijs)")
    VOCATIONAL = "vocational", _("Mbo, ROC of volwassenenonderwijs")
    COMMUNITY_CENTRE = "community_centre", _("Buurthuis of wijkcentrum")
    WELFARE = "welfare", _("Welzijn en sociaal werk")
    HEALTH = "health", _("Zorg en gezondheid (GGD, huisarts, consultatiebureau)")
    MUNICIPALITY = "municipality", _("Gemeente")
    HOUSING = "housing", _("Woningcorporatie")
    EMPLOYER = "employer", _("Werkgever of bedrijf")
    VOLUNTEERS = "volunteers", _("Vrijwilligersorganisatie")
    NATIONAL_AGENCY = "national_agency", _("Rijksdienst of uitvoeringsorganisatie")
    CULTURE = "culture", _("Cultuur, kunst of erfgoed")
    OTHER = "other", _("Anders")


class Stage(models.TextChoices):
    """The relationship stage, in order (docs/community.md, "Van verkennen tot evalueren")."""

    EXPLORING = "exploring", _("Verkennen")
    FIRST_TALK = "first_talk", _("Eerste gesprek")
    INTENT = "intent", _("Intentieverklaring")
    AGREEMENT = "agreement", _("Samenwerkingsovereenkomst")
    EVALUATED = "evaluated", _("Geëvalueerd")


STAGE_ORDER = {value: index for index, value in enumerate(Stage.values)}


# The roles a stakeholder plays for the library: (code, model field, label).
ROLES = (
    ("finding", "finds_people", _("Mensen vinden")),
    ("referring", "refers", _("Doorverwijzen")),
    ("training", "trains", _("Trainen en scholen")),
    ("hosting", "hosts", _("Ruimte bieden")),
    ("funding", "funds", _("Financieren")),
)
ROLE_FIELDS = {code: field for code, field, _label in ROLES}
ROLE_LABELS = {code: label for code, _field, label in ROLES}


class Rating(models.IntegerChoices):
    LOW = 1, _("Laag")
    MEDIUM = 2, _("Redelijk")
    HIGH = 3, _("Hoog")


class Strength(models.IntegerChoices):
    """The strength of the tie as staff see it (beside the one computed from activity)."""

    WEAK = 1, _("Zwak")
    MEDIUM = 2, _("Gemiddeld")
    STRONG = 3, _("Sterk")


class Stakeholder(TimestampedModel):
    """One stakeholder or partner in a library organisation's network. Owned by the library:
    its specialists and team leaders write it, its front desk reads it; the region's POI and
    the KB see counts only (network/selectors.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="network_stakeholders",
        verbose_name=_("bibliotheekorganisatie"),
    )
    partner = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("organisatie op het platform"),
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=30, choices=StakeholderKind.choices)
    finds_people = models.BooleanField(_("mensen vinden"), default=False)
    refers = models.BooleanField(_("doorverwijzen"), default=False)
    trains = models.BooleanField(_("trainen en scholen"), default=False)
    hosts = models.BooleanField(_("ruimte bieden"), default=False)
    funds = models.BooleanField(_("financieren"), default=False)
    themes = models.ManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="+",
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME, "is_active": True},
        verbose_name=_("thema's"),
    )
    target_groups = models.ManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="+",
        limit_choices_to={"taxonomy__slug": Taxonomy.TARGET_GROUP, "is_active": True},
        verbose_name=_("doelgroepen"),
    )
    stage = models.CharField(
        _("fase van de relatie"), max_length=20, choices=Stage.choices, default=Stage.EXPLORING
    )
    next_step = models.CharField(_("volgende stap"), max_length=200, blank=True)
    next_step_on = models.DateField(_("volgende stap op"), null=True, blank=True)
    strength = models.PositiveSmallIntegerField(
        _("sterkte van de band (eigen inschatting)"),
        choices=Strength.choices,
        null=True,
        blank=True,
    )
    fit = models.PositiveSmallIntegerField(
        _("past bij de bibliotheek"), choices=Rating.choices, null=True, blank=True
    )
    added_value = models.PositiveSmallIntegerField(
        _("toegevoegde waarde"), choices=Rating.choices, null=True, blank=True
    )
    feasibility = models.PositiveSmallIntegerField(
        _("haalbaarheid"), choices=Rating.choices, null=True, blank=True
    )
    their_gain = models.TextField(_("wat levert het hen op?"), blank=True)
    our_gain = models.TextField(_("wat levert het ons op?"), blank=True)
    notes = models.TextField(_("aantekeningen"), blank=True)
    ended_on = models.DateField(
        _("samenwerking beëindigd op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang de relatie loopt."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("netwerkpartner")
        verbose_name_plural = _("netwerkpartners")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "partner"],
                condition=models.Q(partner__isnull=False),
                name="network_one_stakeholder_per_partner",
            )
        ]
        indexes = [models.Index(fields=["organisation", "stage"])]

    def __str__(self) -> str:
        return self.name

    def role_codes(self) -> list[str]:
        return [code for code, field, _label in ROLES if getattr(self, field)]

    def role_labels(self) -> list[str]:
        return [str(label) for _code, field, label in ROLES if getattr(self, field)]

    @property
    def stage_number(self) -> int:
        return STAGE_ORDER.get(self.stage, 0) + 1


class ContactPerson(TimestampedModel):
    """Someone to contact at a stakeholder. Personal data: only a name, what they do and,
    when they agree, an e-mail address or phone number; viewing, changing and erasing is
    written to ContactAccess; erased by the retention task (services.erase_expired_contacts)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("naam"), max_length=120)
    role = models.CharField(_("functie of rol"), max_length=120, blank=True)
    email = models.EmailField(_("e-mailadres"), max_length=254, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self) -> str:
        return self.name


class ContactAccess(models.Model):
    """Who viewed, changed or erased the contact people of a stakeholder, and when (the access
    log of personal data, as referrals keep one). Kept when the stakeholder is removed."""

    class Action(models.TextChoices):
        VIEW = "view", _("Bekeken")
        CHANGE = "change", _("Gewijzigd")
        ERASE = "erase", _("Gewist")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.SET_NULL, null=True, blank=True, related_name="accesses"
    )
    stakeholder_name = models.CharField(max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("inzage in contactpersonen")
        verbose_name_plural = _("inzage in contactpersonen")

    def __str__(self) -> str:
        return f"{self.stakeholder_name} {self.action}"


class AgreementKind(models.TextChoices):
    INTENT = "intent", _("Intentieverklaring")
    COOPERATION = "cooperation", _("Samenwerkingsovereenkomst")
    COVENANT = "covenant", _("Convenant")
    SUBSIDY = "subsidy", _("Subsidie- of financieringsafspraak")
    SPACE = "space", _("Afspraak over ruimte of locatie")
    OTHER = "other", _("Andere afspraak")


class Contribution(models.TextChoices):
    STAFF = "staff", _("Medewerkers en vrijwilligers")
    MONEY = "money", _("Geld")
    SPACE = "space", _("Ruimte")
    RECRUITMENT = "recruitment", _("Werving van deelnemers")
    EXPERTISE = "expertise", _("Kennis en training")
    MATERIALS = "materials", _("Materialen en promotie")


class Agreement(TimestampedModel):
    """A cooperation agreement with one stakeholder: its kind, period, what each side
    contributes, the evaluation date and documents. The library's specialists and team leaders
    get a notification three months before the end date and on the evaluation date, once per
    date (services.alert_agreements)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="agreements"
    )
    kind = models.CharField(_("soort afspraak"), max_length=20, choices=AgreementKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    starts_on = models.DateField(_("ingangsdatum"))
    ends_on = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("Leeg: voor onbepaalde tijd.")
    )
    evaluation_on = models.DateField(_("evaluatie op"), null=True, blank=True)
    library_gives = models.JSONField(_("de bibliotheek brengt in"), default=list, blank=True)
    library_gives_note = models.TextField(_("toelichting bibliotheek"), blank=True)
    partner_gives = models.JSONField(_("de partner brengt in"), default=list, blank=True)
    partner_gives_note = models.TextField(_("toelichting partner"), blank=True)
    # The date each alert was sent for: a new date re-arms it.
    end_alerted_for = models.DateField(null=True, blank=True, editable=False)
    evaluation_alerted_for = models.DateField(null=True, blank=True, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("samenwerkingsafspraak")
        verbose_name_plural = _("samenwerkingsafspraken")

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self):
        return self.stakeholder.organisation_id

    @staticmethod
    def _labels(codes) -> list[str]:
        labels = dict(Contribution.choices)
        return [str(labels[c]) for c in codes or [] if c in labels]

    @property
    def library_contributions(self) -> list[str]:
        return self._labels(self.library_gives)

    @property
    def partner_contributions(self) -> list[str]:
        return self._labels(self.partner_gives)

    def is_running(self, today) -> bool:
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)


class AgreementDocument(CreatedAtModel):
    """A document attached to an agreement (the signed agreement, an appendix). Kept in Django's
    storage (MEDIA_ROOT is never served), downloaded through a permission-checked view."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titel"), max_length=200)
    file_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("document bij een afspraak")
        verbose_name_plural = _("documenten bij afspraken")

    def __str__(self) -> str:
        return self.title
