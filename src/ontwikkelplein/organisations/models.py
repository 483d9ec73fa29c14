import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.places.models import Municipality, Province

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", _("Vul een postcode in zoals 3811 AB.")
)


class OrganisationKind(models.TextChoices):
    KB = "kb", _("KB (nationale bibliotheek)")
    POI = "poi", _("Provinciale ondersteuningsinstelling (POI)")
    LIBRARY = "library", _("Bibliotheekorganisatie")
    PARTNER = "partner", _("Partnerorganisatie")


class PartnerSector(models.TextChoices):
    NATIONAL_AGENCY = "national_agency", _("Rijksdienst of uitvoeringsorganisatie")
    MUNICIPALITY = "municipality", _("Gemeente")
    WELFARE = "welfare", _("Welzijn en sociaal werk")
    EDUCATION = "education", _("Onderwijs (ROC, school)")
    CARE = "care", _("Zorg (consultatiebureau, kinderopvang)")
    VOLUNTEERS = "volunteers", _("Vrijwilligersorganisatie")
    OTHER = "other", _("Anders")


class Organisation(TimestampedModel):
    """Every organisation in the network: the KB, a POI, a library organisation or a partner.
    Each record of personal or operational data belongs to one of these (tenancy)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    sector = models.CharField(
        _("sector"),
        max_length=20,
        choices=PartnerSector.choices,
        blank=True,
        help_text=_("Alleen voor partnerorganisaties."),
    )
    description = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    isil = models.CharField(_("ISIL-code"), max_length=20, blank=True)
    provinces = models.ManyToManyField(
        Province,
        blank=True,
        related_name="support_organisations",
        verbose_name=_("provincies (werkgebied POI)"),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="organisations",
        verbose_name=_("gemeenten (werkgebied)"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name

    @property
    def is_library(self) -> bool:
        return self.kind == OrganisationKind.LIBRARY


class LocationKind(models.TextChoices):
    BRANCH = "branch", _("Vestiging")
    SERVICE_POINT = "service_point", _("Servicepunt")
    COMMUNITY_CENTRE = "community_centre", _("Buurthuis")
    CARE_CENTRE = "care_centre", _("Zorgcentrum")
    SCHOOL = "school", _("School")
    COMPANY = "company", _("Bedrijf")
    OFFICE = "office", _("Kantoor")
    OTHER = "other", _("Andere plek")


OUTREACH_KINDS = {
    LocationKind.COMMUNITY_CENTRE,
    LocationKind.CARE_CENTRE,
    LocationKind.SCHOOL,
    LocationKind.COMPANY,
}


class Location(TimestampedModel):
    """A place where an organisation works with the public: a library branch, a service
    point, or an outreach place such as a buurthuis (HSDS location)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="locations",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort plek"), max_length=20, choices=LocationKind.choices)
    description = models.TextField(_("beschrijving"), blank=True)
    street = models.CharField(_("straat"), max_length=200)
    house_number = models.CharField(_("huisnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    city = models.CharField(_("plaats"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="locations",
        verbose_name=_("gemeente"),
    )
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    accessibility = models.TextField(
        _("toegankelijkheid"), blank=True, help_text=_("Bijvoorbeeld: rolstoeltoegankelijk, lift.")
    )
    # The help points the public site names when a search finds nothing near by ("Hier kun je
    # altijd terecht"): a place is one when residents can walk in with such a question.
    has_ido = models.BooleanField(
        _("Informatiepunt Digitale Overheid (IDO)"),
        default=False,
        help_text=_(
            "Aanvinken als inwoners hier terecht kunnen met vragen over DigiD en de digitale "
            "overheid."
        ),
    )
    has_taalhuis = models.BooleanField(
        _("Taalhuis of Taalpunt"),
        default=False,
        help_text=_(
            "Aanvinken als inwoners hier terecht kunnen om beter te leren lezen, schrijven, "
            "rekenen of met de computer te werken."
        ),
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"

    @property
    def is_outreach(self) -> bool:
        return self.kind in OUTREACH_KINDS

    @property
    def address_line(self) -> str:
        return f"{self.street} {self.house_number}, {self.postcode} {self.city}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class OpeningHours(models.Model):
    """Regular opening hours of a location; a day may have several rows (a lunch break)."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("locatie")
    )
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    opens_at = models.TimeField(_("open vanaf"))
    closes_at = models.TimeField(_("open tot"))

    class Meta:
        ordering = ["weekday", "opens_at"]
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"


class ClosurePeriod(models.Model):
    """Days a location is closed besides the national holidays (calendar.py): one day (start
    and end the same) or a period, such as the summer weeks. Both dates count."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="closures", verbose_name=_("locatie")
    )
    start_date = models.DateField(_("gesloten vanaf"))
    end_date = models.DateField(_("gesloten tot en met"))
    reason = models.CharField(_("reden"), max_length=100, blank=True)

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="closure_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.start_date}-{self.end_date} {self.reason}".strip()


class SpecialOpeningHours(models.Model):
    """Opening hours on one date that replace the weekly ones (a late evening, a short day
    before Christmas, open on a national holiday). A date may have several rows."""

    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="special_hours", verbose_name=_("locatie")
    )
    date = models.DateField(_("datum"))
    opens_at = models.TimeField(_("open vanaf"))
    closes_at = models.TimeField(_("open tot"))

    class Meta:
        ordering = ["date", "opens_at"]
        verbose_name = _("afwijkende openingstijd")
        verbose_name_plural = _("afwijkende openingstijden")
        indexes = [models.Index(fields=["location", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="special_hours_close_after_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"


class Role(models.TextChoices):
    FRONT_DESK = "front_desk", _("Baliemedewerker")
    SPECIALIST = "specialist", _("Specialist")
    TEAM_LEADER = "team_leader", _("Teamleider")
    PARTNER_STAFF = "partner_staff", _("Partnermedewerker")
    POI_ADVISER = "poi_adviser", _("POI-adviseur")
    KB_ADMIN = "kb_admin", _("KB-beheerder")


class Membership(CreatedAtModel):
    """A user's role in one organisation. A person may work for several organisations."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("gebruiker"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisatie"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class BrandingScope(models.TextChoices):
    MUNICIPALITIES = "municipalities", _("Al het aanbod in onze gemeenten")
    OWN = "own", _("Alleen ons eigen aanbod")


class Branding(TimestampedModel):
    """How an organisation shows the resident pages as its own: on its own address (`/b/<slug>/`
    or a host name the installation maps) and in the embed on its website (docs/embedding.md).
    The logo is kept in the database, not in MEDIA_ROOT, which is never served (uploads are
    private): it is small, re-encoded on upload and served with a hashed name."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="branding"
    )
    slug = models.SlugField(
        _("korte naam in het webadres"),
        max_length=50,
        unique=True,
        help_text=_("Bijvoorbeeld bibliotheek-eemland voor /b/bibliotheek-eemland/."),
    )
    display_name = models.CharField(_("naam op de pagina's"), max_length=120)
    primary_colour = models.CharField(
        _("hoofdkleur"), max_length=7, default="#01689b", help_text=_("Bijvoorbeeld #01689B.")
    )
    accent_colour = models.CharField(
        _("tweede kleur"), max_length=7, default="#ffffff", help_text=_("Bijvoorbeeld #FFFFFF.")
    )
    logo = models.BinaryField(_("logo"), blank=True, default=b"", editable=False)
    logo_type = models.CharField(_("soort logo-bestand"), max_length=30, blank=True)
    logo_alt = models.CharField(_("tekst bij het logo"), max_length=120, blank=True)
    scope = models.CharField(
        _("welk aanbod"),
        max_length=20,
        choices=BrandingScope.choices,
        default=BrandingScope.MUNICIPALITIES,
    )
    host = models.CharField(
        _("eigen webadres (host)"),
        max_length=253,
        blank=True,
        help_text=_("Bijvoorbeeld hulp.bibliotheekeemland.nl. Leeg laten als u dat niet heeft."),
    )

    class Meta:
        verbose_name = _("huisstijl")
        verbose_name_plural = _("huisstijlen")
        constraints = [
            models.UniqueConstraint(
                fields=["host"], condition=~models.Q(host=""), name="branding_host_unique"
            )
        ]

    def __str__(self) -> str:
        return self.display_name
