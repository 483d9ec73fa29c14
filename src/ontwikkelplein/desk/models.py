"""Front-desk registration (balieregistratie): anonymous records of the questions visitors bring,
in the shape of the IDO registration. A Contact is one visitor at one moment; it holds one or more
Questions. There is no field for a name or contact details, on purpose."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Offer, Taxonomy, TaxonomyTerm
from ontwikkelplein.core.models import TimestampedModel
from ontwikkelplein.organisations.models import Location, Organisation


class Channel(models.TextChoices):
    DESK = "desk", _("Balie of inloop")
    APPOINTMENT = "appointment", _("Spreekuur of afspraak")
    PHONE = "phone", _("Telefoon")
    ONLINE = "online", _("E-mail of chat")
    OUTREACH = "outreach", _("Buitenlocatie")


class Category(models.TextChoices):
    DIGITAL_GOVERNMENT = "digital_government", _("Digitale overheid")
    LIBRARY = "library", _("Bibliotheekdienstverlening")
    OTHER = "other", _("Overig")


class HelpType(models.TextChoices):
    """The five kinds of help of the IDO regulation (Regeling specifieke uitkering IDO, art. 1)."""

    DIGITAL_CONTACT = "digital_contact", _("Hulp bij digitaal contact met een dienstverlener")
    COURSE = "course", _("Begeleiding naar een cursus digitale vaardigheden")
    DIGITAL_SOCIETY = "digital_society", _("Informatie over de digitale samenleving")
    PROVIDER_INFO = "provider_info", _("Algemene informatie over een dienstverlener")
    REFERRAL = "referral", _("Doorverwijzing")


class DurationBand(models.TextChoices):
    SHORT = "short", _("Korter dan 10 minuten")
    MEDIUM = "medium", _("10 tot 30 minuten")
    LONG = "long", _("Langer dan 30 minuten")


class ReferralTarget(models.TextChoices):
    """Whom a question was referred to (when help includes a referral)."""

    COLLEAGUE = "colleague", _("Collega of programma in de eigen bibliotheek")
    ORGANISATION = "organisation", _("Partnerorganisatie of dienstverlener")
    OFFER = "offer", _("Aanbod uit de catalogus")


class ColleagueRole(models.TextChoices):
    SPECIALIST = "specialist_basic_skills", _("Specialist basisvaardigheden")
    IDO = "ido", _("IDO-spreekuur")
    LANGUAGE_HOUSE = "taalhuis", _("Taalhuis")
    BOOKSTART = "boekstart", _("BoekStartcoach")
    TAX_HELP = "belastinghulp", _("Belastinghulp")
    OTHER = "other", _("Andere collega")


class Agency(models.Model):
    """The organisation a question concerns (Belastingdienst, UWV, gemeente ...); editable."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("dienstverlener")
        verbose_name_plural = _("dienstverleners")

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    """What a question is about (DigiD aanvragen, toeslagen ...): an editable list."""

    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    group = models.CharField(_("groep"), max_length=60, blank=True)
    # The catalogue theme a question about this topic asks for, so the neighbourhood's needs
    # (needs app) set desk questions beside the offers of that theme. Empty: no one theme.
    theme = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME},
        verbose_name=_("thema in de catalogus"),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")

    def __str__(self) -> str:
        return self.name


class Contact(TimestampedModel):
    """One visitor at one moment. Anonymous: no name, no contact details."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="desk_contacts",
        verbose_name=_("organisatie"),
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="desk_contacts", verbose_name=_("locatie")
    )
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    registered_at = models.DateTimeField(_("geregistreerd op"), db_index=True)
    # The local date, stored so figures group by day without time-zone arithmetic in SQL.
    date = models.DateField(_("datum"))
    note = models.CharField(_("notitie"), max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geregistreerd door"),
    )
    source = models.CharField(
        _("bron"), max_length=20, default="desk", help_text=_("desk (scherm) of api (kiosk, app)")
    )
    # Set by the browser (or the API client) so a registration sent twice is stored once.
    client_reference = models.UUIDField(_("referentie van het apparaat"), null=True, blank=True)
    is_removed = models.BooleanField(_("verwijderd"), default=False)

    class Meta:
        ordering = ["-registered_at"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        indexes = [models.Index(fields=["organisation", "date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "client_reference"], name="unique_contact_client_reference"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.get_channel_display()}"


class Question(models.Model):
    """One question of a visitor, registered the way the IDO registration counts it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="questions", verbose_name=_("contact")
    )
    category = models.CharField(_("soort vraag"), max_length=30, choices=Category.choices)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("over welke organisatie"),
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("onderwerp"),
    )
    help_types = models.JSONField(
        _("geboden hulp"), default=list, help_text=_("Waarden uit HelpType; minstens één.")
    )
    referral_target = models.CharField(
        _("doorverwezen naar"), max_length=20, choices=ReferralTarget.choices, blank=True
    )
    referred_role = models.CharField(
        _("collega of programma"), max_length=30, choices=ColleagueRole.choices, blank=True
    )
    referred_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    referred_offer = models.ForeignKey(
        Offer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanbod"),
    )
    duration = models.CharField(_("duur"), max_length=10, choices=DurationBand.choices, blank=True)
    low_literacy_signal = models.BooleanField(_("signaal laaggeletterdheid"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.topic or ''}"


class ContactChange(models.Model):
    """Append-only record of every change to a registration (made, corrected, removed)."""

    class Action(models.TextChoices):
        CREATED = "created", _("Geregistreerd")
        CHANGED = "changed", _("Gecorrigeerd")
        REMOVED = "removed", _("Verwijderd")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["at"]
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class DailyCount(models.Model):
    """Roll-up kept by the services in the same transaction as each registration: the number of
    questions (and contacts) per day and combination of dimensions. Figures read this table, so
    their cost grows with the number of distinct combinations, not with years of registrations."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    category = models.CharField(max_length=30, choices=Category.choices)
    # Agency and Topic ids, 0 for none: a plain integer keeps the unique constraint working on
    # SQLite, which cannot treat NULLs as equal in a unique constraint.
    agency_id = models.IntegerField(default=0)
    topic_id = models.IntegerField(default=0)
    referral_target = models.CharField(max_length=20, blank=True)
    questions = models.IntegerField(default=0)
    # A contact counts once per day and location however many questions it has: contacts is
    # filled on the row of the contact's first question only.
    contacts = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("dagtelling")
        verbose_name_plural = _("dagtellingen")
        indexes = [
            models.Index(fields=["organisation", "date"]),
            models.Index(fields=["date"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "organisation",
                    "location",
                    "date",
                    "channel",
                    "category",
                    "agency_id",
                    "topic_id",
                    "referral_target",
                ],
                name="unique_daily_count_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.questions}"


class DailyHelpCount(models.Model):
    """Roll-up of help given: a question may have several kinds of help, so these are counted
    apart from DailyCount (summing them would count such a question twice)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    help_type = models.CharField(max_length=20, choices=HelpType.choices)
    questions = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("dagtelling geboden hulp")
        verbose_name_plural = _("dagtellingen geboden hulp")
        indexes = [models.Index(fields=["organisation", "date"]), models.Index(fields=["date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "location", "date", "help_type"],
                name="unique_daily_help_count_cell",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.help_type} {self.questions}"


# --- Herkennen en doorverwijzen -----------------------------------------------------------------
# Guidance for desk staff and partners, maintained by the KB (docs/front-desk.md, "Herkennen en
# doorverwijzen"). National content, not owned by an organisation, and nothing about a visitor:
# these rows are what the page shows, never what someone saw.


class RecognitionContent(models.Model):
    """What every kind of guidance row has: its order and whether it is shown."""

    position = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lager staat eerder.")
    )
    is_active = models.BooleanField(
        _("tonen"), default=True, help_text=_("Zet uit om de regel niet meer te tonen.")
    )

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class SignalGroup(models.TextChoices):
    READING = "reading", _("Lezen en schrijven")
    DIGITAL = "digital", _("Digitaal")
    DAILY = "daily", _("Afspraken en papieren")


class Signal(RecognitionContent):
    """A sign that someone may find reading, writing or digital things hard."""

    group = models.CharField(_("groep"), max_length=20, choices=SignalGroup.choices)
    text = models.CharField(_("signaal"), max_length=300)
    text_en = models.CharField(_("signaal (Engels)"), max_length=300, blank=True)

    class Meta(RecognitionContent.Meta):
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")

    def __str__(self) -> str:
        return self.text


class CheckQuestion(RecognitionContent):
    """A polite question that lets someone tell without shame."""

    text = models.CharField(_("vraag"), max_length=300)
    text_en = models.CharField(_("vraag (Engels)"), max_length=300, blank=True)
    hint = models.CharField(
        _("wanneer"), max_length=300, blank=True, help_text=_("Wanneer de vraag goed past.")
    )
    hint_en = models.CharField(_("wanneer (Engels)"), max_length=300, blank=True)

    class Meta(RecognitionContent.Meta):
        verbose_name = _("vraag om te toetsen")
        verbose_name_plural = _("vragen om te toetsen")

    def __str__(self) -> str:
        return self.text


class HelpRoute(RecognitionContent):
    """Per situation: what you hear, the colleague who helps, the offers (catalogue themes) and
    the kind of partner to refer to."""

    title = models.CharField(_("situatie"), max_length=120)
    title_en = models.CharField(_("situatie (Engels)"), max_length=120, blank=True)
    listen_for = models.CharField(
        _("wat je hoort"),
        max_length=400,
        blank=True,
        help_text=_("Waaraan je de situatie herkent, in de woorden van bezoekers."),
    )
    listen_for_en = models.CharField(_("wat je hoort (Engels)"), max_length=400, blank=True)
    colleague = models.CharField(
        _("collega"),
        max_length=200,
        help_text=_("De rol in de bibliotheek, bijvoorbeeld: Taalhuis-coördinator."),
    )
    colleague_en = models.CharField(_("collega (Engels)"), max_length=200, blank=True)
    colleague_role = models.CharField(
        _("collega bij een doorverwijzing"),
        max_length=40,
        choices=ColleagueRole.choices,
        blank=True,
        help_text=_("Deze collega staat al ingevuld als je vanaf hier een doorverwijzing start."),
    )
    themes = models.ManyToManyField(
        "catalogue.TaxonomyTerm",
        blank=True,
        related_name="help_routes",
        verbose_name=_("thema's van het aanbod"),
    )
    partner_sectors = models.JSONField(_("soorten partners"), default=list, blank=True)

    class Meta(RecognitionContent.Meta):
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self) -> str:
        return self.title


class SelfTestKind(models.TextChoices):
    SELF_TEST = "self_test", _("Zelftest voor de bezoeker")
    SCREENING = "screening", _("Screening door een professional")
    PRACTICE = "practice", _("Oefenen en leren")
    FINDER = "finder", _("Aanbod vinden")
    REFERRER = "referrer", _("Voor jou als verwijzer")


class SelfTest(RecognitionContent):
    """A link to an official self-test, screening or tool. We link; we never copy them."""

    name = models.CharField(_("naam"), max_length=120)
    provider = models.CharField(_("van wie"), max_length=120)
    url = models.URLField(_("adres (https)"), max_length=300)
    kind = models.CharField(_("soort"), max_length=20, choices=SelfTestKind.choices)
    description = models.CharField(_("uitleg"), max_length=400, blank=True)
    description_en = models.CharField(_("uitleg (Engels)"), max_length=400, blank=True)

    class Meta(RecognitionContent.Meta):
        verbose_name = _("zelftest of hulpmiddel")
        verbose_name_plural = _("zelftests en hulpmiddelen")

    def __str__(self) -> str:
        return self.name
