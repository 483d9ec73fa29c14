"""The offer catalogue (aanbod), shaped to map one to one onto Open Referral HSDS 3.1:
Offer = service, OfferLocation = service_at_location, Schedule = schedule,
Taxonomy/TaxonomyTerm = taxonomy/taxonomy_term, Programme = program. Ids are UUIDs."""

import datetime
import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel, TimestampedModel
from ontwikkelplein.core.translations import translated, translation_columns
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind, Weekday


class Taxonomy(models.Model):
    """A controlled vocabulary. The four built-in ones (themes, target groups, offer types,
    levels) are identified by `slug`; KB-beheerders edit their terms in the admin."""

    THEME = "thema"
    TARGET_GROUP = "doelgroep"
    OFFER_TYPE = "aanbodsoort"
    LEVEL = "niveau"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("beschrijving"), blank=True)
    version = models.CharField(_("versie"), max_length=20, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("taxonomie")
        verbose_name_plural = _("taxonomieën")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, related_name="terms", verbose_name=_("taxonomie")
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("naam"), max_length=120)
    name_en = models.CharField(_("naam (Engels)"), max_length=120, blank=True)
    # The name in the other resident languages (core/translations.py).
    name_ar, name_tr, name_uk, name_pl = translation_columns(120, _("naam"))
    description = models.TextField(_("uitleg in eenvoudige woorden"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("valt onder"),
    )
    icon = models.CharField(
        _("pictogram"), max_length=40, blank=True, help_text=_("Naam van het pictogram (thema's).")
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)
    # The KB's words for automatic classification (catalogue/classification.py): comma-separated
    # words and short phrases, each optionally with ":<weight>".
    keywords = models.TextField(
        _("woorden voor automatisch indelen"),
        blank=True,
        help_text=_(
            "Woorden of korte zinnen uit titels en beschrijvingen die over deze term gaan,"
            " gescheiden door komma's. Zet achter een woord :2 of :3 om het zwaarder te laten"
            " tellen."
        ),
    )

    class Meta:
        ordering = ["taxonomy__slug", "position", "name"]
        verbose_name = _("term")
        verbose_name_plural = _("termen")
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_code")
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the interface language (terms live in the database, not the .po files),
        the Dutch name when the KB left that language empty."""
        return translated(self, "name")


class Programme(models.Model):
    """A national or local programme an offer belongs to: IDO, Taalhuis, BoekStart ..."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("beschrijving"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")

    def __str__(self) -> str:
        return self.name


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")
    ARCHIVED = "archived", _("Gearchiveerd")
    # Published, but nobody confirmed it in time (docs/offer-verification.md): hidden from
    # residents until someone confirms it, which makes it published again.
    UNCONFIRMED = "unconfirmed", _("Verborgen: niet bevestigd")


class SignUp(models.TextChoices):
    WALK_IN = "walk_in", _("Vrije inloop")
    REGISTRATION = "registration", _("Aanmelden")
    INTAKE = "intake", _("Eerst een intakegesprek")
    APPOINTMENT = "appointment", _("Op afspraak")


class Guidance(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    VOLUNTEER = "volunteer", _("Vrijwilliger")
    SELF_STUDY = "self_study", _("Zelfstudie")


class Requirement(models.TextChoices):
    """What to bring (HSDS required_document)."""

    DIGID = "digid", _("DigiD (inlognaam en wachtwoord of de app)")
    AUTHORISATION_CODE = "authorisation_code", _("Machtigingscode")
    ID = "id", _("Identiteitsbewijs")
    OWN_DEVICE = "own_device", _("Eigen laptop, tablet of telefoon")
    LETTER = "letter", _("De brief of het formulier waar het om gaat")
    LIBRARY_CARD = "library_card", _("Bibliotheekpas")


# Languages an offer can be given in (ISO 639-1), the ones Dutch libraries meet most.
LANGUAGE_CHOICES = [
    ("nl", _("Nederlands")),
    ("fy", _("Fries")),
    ("en", _("Engels")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("pl", _("Pools")),
    ("uk", _("Oekraïens")),
    ("ru", _("Russisch")),
    ("ti", _("Tigrinya")),
    ("so", _("Somalisch")),
    ("fa", _("Perzisch (Farsi, Dari)")),
    ("bg", _("Bulgaars")),
    ("ro", _("Roemeens")),
    ("de", _("Duits")),
    ("fr", _("Frans")),
    ("es", _("Spaans")),
    ("pt", _("Portugees")),
    ("zh", _("Chinees")),
]


def language_names(codes) -> list[str]:
    """ISO 639-1 codes as names in the language of the page ('ar' -> 'Arabisch'): the names
    staff choose from first, then Django's list, else the code itself."""
    ours = dict(LANGUAGE_CHOICES)
    names = []
    for code in codes or []:
        code = str(code).lower()
        if code in ours:
            names.append(str(ours[code]))
            continue
        try:
            names.append(str(get_language_info(code)["name_translated"]))
        except KeyError:
            names.append(code.upper())
    return names


class Offer(TimestampedModel):
    """An offer (aanbod) of a library or partner: a course, a spreekuur, a taalcafé ..."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="offers", verbose_name=_("aanbieder")
    )
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="partner_offers",
        verbose_name=_("samen met (partners)"),
    )
    title = models.CharField(_("titel"), max_length=150)
    summary = models.CharField(
        _("korte zin (B1)"),
        max_length=200,
        help_text=_("Eén zin in eenvoudige taal: wat heeft iemand eraan?"),
    )
    description = models.TextField(_("beschrijving"))
    offer_type = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.PROTECT,
        related_name="offers_of_type",
        limit_choices_to={"taxonomy__slug": Taxonomy.OFFER_TYPE, "is_active": True},
        verbose_name=_("soort aanbod"),
    )
    themes = models.ManyToManyField(
        TaxonomyTerm,
        related_name="offers_by_theme",
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME, "is_active": True},
        verbose_name=_("thema's"),
    )
    target_groups = models.ManyToManyField(
        TaxonomyTerm,
        related_name="offers_by_target_group",
        limit_choices_to={"taxonomy__slug": Taxonomy.TARGET_GROUP, "is_active": True},
        verbose_name=_("doelgroepen"),
    )
    levels = models.ManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="offers_by_level",
        limit_choices_to={"taxonomy__slug": Taxonomy.LEVEL, "is_active": True},
        verbose_name=_("niveaus"),
    )
    # One programme, as HSDS service.program_id allows exactly one.
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("programma"),
    )
    guidance = models.JSONField(
        _("begeleiding"), default=list, blank=True, help_text=_("Waarden uit Guidance.")
    )
    sign_up = models.CharField(
        _("meedoen"), max_length=20, choices=SignUp.choices, default=SignUp.WALK_IN
    )
    sign_up_instructions = models.TextField(
        _("zo meld je je aan"),
        blank=True,
        help_text=_("Bij aanmelden of op afspraak: hoe (telefoon, website, balie)."),
    )
    is_free = models.BooleanField(_("gratis"), default=True)
    cost_amount = models.DecimalField(
        _("kosten in euro"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_description = models.CharField(_("uitleg over de kosten"), max_length=200, blank=True)
    membership_required = models.BooleanField(_("lidmaatschap bibliotheek nodig"), default=False)
    requirements = models.JSONField(
        _("wat neem je mee"), default=list, blank=True, help_text=_("Waarden uit Requirement.")
    )
    requirements_other = models.CharField(_("ook meenemen"), max_length=200, blank=True)
    computers = models.PositiveSmallIntegerField(_("aantal computers"), default=0)
    printer = models.BooleanField(_("printer aanwezig"), default=False)
    privacy_room = models.BooleanField(_("aparte ruimte voor privacy"), default=False)
    languages = models.JSONField(
        _("talen"), default=list, blank=True, help_text=_("ISO 639-1 codes, bijvoorbeeld nl, en.")
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    # A season that comes back every year (tax help in March and April): both months or
    # neither; the end may come before the start (November to February runs over the new year).
    season_start_month = models.PositiveSmallIntegerField(
        _("seizoen van"), choices=list(MONTHS.items()), null=True, blank=True
    )
    season_end_month = models.PositiveSmallIntegerField(
        _("seizoen tot en met"), choices=list(MONTHS.items()), null=True, blank=True
    )
    last_verified_on = models.DateField(_("laatst gecontroleerd op"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("laatst gecontroleerd door"),
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    # Themes, target groups or offer type were chosen by catalogue.services.classify_offer (an
    # import without our taxonomy); cleared when staff confirm or correct them.
    auto_classified = models.BooleanField(_("automatisch ingedeeld"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        indexes = [
            models.Index(fields=["status", "organisation"]),
            models.Index(fields=["last_verified_on"]),
            models.Index(fields=["updated_at"]),
            # Covers what every search asks of each match (catalogue/search/query.py), so the
            # total of a broad word reads this index, not the offers' wide rows.
            models.Index(fields=["id", "status", "valid_to"], name="catalogue_offer_search_live"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == OfferStatus.PUBLISHED

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= today) and (
            self.valid_to is None or self.valid_to >= today
        )

    @property
    def has_season(self) -> bool:
        return self.season_start_month is not None and self.season_end_month is not None

    def in_season(self, day: datetime.date) -> bool:
        """Whether `day` lies in the offer's season (always, for an offer without one). The same
        rule as catalogue.search.query._available_sql."""
        if not self.has_season:
            return True
        start, end, month = self.season_start_month, self.season_end_month, day.month
        return start <= month <= end if start <= end else (month >= start or month <= end)

    def available_from(self, today=None) -> datetime.date | None:
        """The first day from today on that the offer is available (started and in season);
        None when that is today, or when it ends before its next season."""
        today = today or timezone.localdate()
        day = max(today, self.valid_from) if self.valid_from else today
        if not self.in_season(day):
            year = day.year if day.month < self.season_start_month else day.year + 1
            day = datetime.date(year, self.season_start_month, 1)
        if day == today or (self.valid_to is not None and day > self.valid_to):
            return None
        return day

    def availability_note(self, today=None) -> str:
        """What a resident reads when the offer is not available today: "Weer vanaf maart"
        (out of its season), "Vanaf 3 maart" (it starts later), "Nu niet beschikbaar" (its
        last season is over, though it has not ended); "" when it is available today."""
        today = today or timezone.localdate()
        if self.valid_to is not None and self.valid_to < today:
            return ""  # ended: the offer page has its own warning
        day = self.available_from(today)
        if day is None:
            if self.in_season(today) and (self.valid_from is None or self.valid_from <= today):
                return ""
            return _("Nu niet beschikbaar")
        starts_later = self.valid_from is not None and self.valid_from > today
        if self.has_season and not (starts_later and day == self.valid_from):
            return _("Weer vanaf %(month)s") % {"month": MONTHS[day.month]}
        shown = date_format(day, "j F" if day.year == today.year else "j F Y")
        return _("Vanaf %(date)s") % {"date": shown}

    def guidance_labels(self) -> list[str]:
        labels = dict(Guidance.choices)
        return [labels[g] for g in self.guidance if g in labels]

    def requirement_labels(self) -> list[str]:
        labels = dict(Requirement.choices)
        return [labels[r] for r in self.requirements if r in labels]


def translation_languages() -> list[tuple[str, str]]:
    """The languages of the resident pages an offer's title and summary may be translated into:
    every language of settings.LANGUAGES but Dutch, in which offers are written."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class OfferTranslation(TimestampedModel):
    """A library's own translation of an offer's title and summary, shown on the resident pages
    in that language (docs/public-site.md, "Talen"). The rest stays as written, in Dutch."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="translations", verbose_name=_("aanbod")
    )
    language = models.CharField(_("taal"), max_length=8)
    title = models.CharField(_("titel"), max_length=150)
    summary = models.CharField(_("korte zin (B1)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("vertaling van aanbod")
        verbose_name_plural = _("vertalingen van aanbod")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "language"], name="catalogue_offertranslation_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class OfferLocation(models.Model):
    """Where an offer takes place (HSDS service_at_location)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="offer_locations", verbose_name=_("aanbod")
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        related_name="offer_locations",
        verbose_name=_("locatie"),
    )
    description = models.CharField(
        _("bijzonderheden op deze plek"),
        max_length=300,
        blank=True,
        help_text=_("Bijv. 'in zaal 2'."),
    )

    class Meta:
        verbose_name = _("aanbod op locatie")
        verbose_name_plural = _("aanbod op locaties")
        constraints = [
            models.UniqueConstraint(fields=["offer", "location"], name="unique_offer_location")
        ]

    def __str__(self) -> str:
        return f"{self.offer} @ {self.location}"


class ScheduleKind(models.TextChoices):
    WEEKLY = "weekly", _("Elke week")
    DATED = "dated", _("Op een datum")


class Schedule(models.Model):
    """When an offer happens at a location (HSDS schedule): a weekly recurring spreekuur on a
    weekday, or one dated session of a course. `weekday` is stored for both kinds, so the
    "day of the week" filter is one indexed lookup."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    offer_location = models.ForeignKey(
        OfferLocation, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("plek")
    )
    kind = models.CharField(_("soort"), max_length=10, choices=ScheduleKind.choices)
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    date = models.DateField(_("datum"), null=True, blank=True)
    opens_at = models.TimeField(_("van"))
    closes_at = models.TimeField(_("tot"))
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    notes = models.CharField(_("opmerking"), max_length=200, blank=True)
    # Staff chose this time although the location is not open then (a volunteer-run evening
    # class); without it, a time outside the opening hours is refused (organisations/calendar.py).
    outside_opening_hours = models.BooleanField(_("ook buiten openingstijden"), default=False)

    class Meta:
        ordering = ["date", "weekday", "opens_at"]
        verbose_name = _("tijd")
        verbose_name_plural = _("tijden")
        indexes = [models.Index(fields=["weekday"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="schedule_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="weekly") | models.Q(date__isnull=False),
                name="dated_schedule_has_date",
            ),
        ]

    def __str__(self) -> str:
        when = self.date.isoformat() if self.date else self.get_weekday_display()
        return f"{when} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    def save(self, *args, **kwargs):
        if self.kind == ScheduleKind.DATED and self.date:
            self.weekday = self.date.weekday()
        super().save(*args, **kwargs)


class SynonymGroup(models.Model):
    """Words and phrases residents use for the same thing ("digid", "inloggen overheid").
    A search for any of them also finds the others."""

    terms = models.TextField(
        _("woorden"),
        help_text=_("Gescheiden door komma's. Een term mag uit meer woorden bestaan."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("synoniemengroep")
        verbose_name_plural = _("synoniemen")

    def __str__(self) -> str:
        return self.terms

    def term_list(self) -> list[str]:
        return [t.strip().lower() for t in self.terms.split(",") if t.strip()]


class NeedLanguage(models.TextChoices):
    """The languages residents search in: Dutch, English (the interface's second language) and
    the languages the resident pages are to offer."""

    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TURKISH = "tr", _("Turks")
    UKRAINIAN = "uk", _("Oekraïens")
    POLISH = "pl", _("Pools")


class NeedPhrase(TimestampedModel):
    """The needs vocabulary (behoeftewoordenlijst): a phrase as residents type it ("ik snap de
    brief niet", "geldzorgen", "help with reading") and what it means in the catalogue's terms:
    words the offers use, and themes and offer types. The KB keeps it in the back office; a
    single word in another language ("reading" -> "lezen") is a phrase too. How the search uses
    it: catalogue/search/planning.py and docs/public-site.md."""

    phrase = models.CharField(
        _("zo zeggen bewoners het"),
        max_length=200,
        help_text=_("Een woord of een korte zin, zoals bewoners het intypen."),
    )
    # The phrase's words, lower case, without accents, separated by a space: one phrase per
    # language (unique), whatever its capitals, accents or punctuation.
    key = models.CharField(max_length=200, editable=False)
    language = models.CharField(
        _("taal"), max_length=2, choices=NeedLanguage.choices, default=NeedLanguage.DUTCH
    )
    words = models.TextField(
        _("woorden in het aanbod"),
        blank=True,
        help_text=_(
            "Nederlandse woorden die in het aanbod staan, gescheiden door komma's. Een term mag"
            " uit meer woorden bestaan."
        ),
    )
    themes = models.ManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="need_phrases_as_theme",
        verbose_name=_("thema's"),
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME},
    )
    offer_types = models.ManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="need_phrases_as_offer_type",
        verbose_name=_("soorten aanbod"),
        limit_choices_to={"taxonomy__slug": Taxonomy.OFFER_TYPE},
    )
    is_active = models.BooleanField(
        _("in gebruik"),
        default=True,
        help_text=_("Een zin die niet in gebruik is, telt niet mee bij het zoeken."),
    )

    class Meta:
        ordering = ["language", "key"]
        verbose_name = _("zin uit de behoeftewoordenlijst")
        verbose_name_plural = _("behoeftewoordenlijst")
        constraints = [
            models.UniqueConstraint(fields=["language", "key"], name="unique_need_phrase")
        ]

    def __str__(self) -> str:
        return self.phrase

    def word_list(self) -> list[str]:
        return [t.strip() for t in self.words.split(",") if t.strip()]

    @staticmethod
    def key_for(phrase: str) -> str:
        from ontwikkelplein.catalogue.search.analysis import words  # the search imports models

        return " ".join(words(phrase or ""))[:200]

    def save(self, *args, **kwargs):
        self.key = self.key_for(self.phrase)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "key"}
        super().save(*args, **kwargs)


class UnmatchedSearch(models.Model):
    """A search phrase that found nothing, counted anonymously (no IP, no user, no time of
    day) so staff can add offers or synonyms for what residents look for. Only known words, and
    only once enough different visitors searched for them (catalogue/unmatched.py); `count` is
    the number of visitors (per day) who did."""

    phrase = models.CharField(_("zoekterm"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("aantal keer"), default=0)
    first_seen = models.DateField(_("eerst gezien"), auto_now_add=True)
    last_seen = models.DateField(_("laatst gezien"), auto_now=True)

    class Meta:
        ordering = ["-count", "phrase"]
        verbose_name = _("zoekterm zonder resultaat")
        verbose_name_plural = _("zoektermen zonder resultaat")

    def __str__(self) -> str:
        return f"{self.phrase} ({self.count})"


class UnmatchedSearchVisitor(models.Model):
    """One visitor (a keyed hash of address and day, unmatched.visitor_key) who searched for
    a phrase that found nothing, while the phrase waits for enough different visitors. Deleted
    after UNMATCHED_SEARCH_WINDOW_DAYS."""

    phrase = models.CharField(max_length=200)
    visitor = models.CharField(max_length=64)
    day = models.DateField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["phrase", "visitor"], name="unmatched_visitor_once")
        ]

    def __str__(self) -> str:
        return f"{self.phrase} ({self.day})"


# --- Offer templates (sjablonen) ---


class OfferTemplate(TimestampedModel):
    """A standard offer (sjabloon) described once by the KB (national) or a POI (for its region):
    the texts, themes, target groups and what to bring. A library adopts it and fills in only
    place, time and contact. Every save that changes the content makes a new `version`; the
    content of each version is kept in OfferTemplateVersion, so adopted offers can be compared
    with the version they took over."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="offer_templates",
        verbose_name=_("gemaakt door"),
    )
    version = models.PositiveIntegerField(_("versie"), default=1)
    title = models.CharField(_("titel"), max_length=150)
    summary = models.CharField(_("korte zin (B1)"), max_length=200)
    description = models.TextField(_("beschrijving"))
    offer_type = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"taxonomy__slug": Taxonomy.OFFER_TYPE, "is_active": True},
        verbose_name=_("soort aanbod"),
    )
    themes = models.ManyToManyField(TaxonomyTerm, related_name="+", verbose_name=_("thema's"))
    target_groups = models.ManyToManyField(
        TaxonomyTerm, related_name="+", verbose_name=_("doelgroepen")
    )
    levels = models.ManyToManyField(
        TaxonomyTerm, blank=True, related_name="+", verbose_name=_("niveaus")
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programma"),
    )
    guidance = models.JSONField(_("begeleiding"), default=list, blank=True)
    sign_up = models.CharField(
        _("meedoen"), max_length=20, choices=SignUp.choices, default=SignUp.WALK_IN
    )
    sign_up_instructions = models.TextField(_("zo meld je je aan"), blank=True)
    is_free = models.BooleanField(_("gratis"), default=True)
    cost_amount = models.DecimalField(
        _("kosten in euro"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    cost_description = models.CharField(_("uitleg over de kosten"), max_length=200, blank=True)
    membership_required = models.BooleanField(_("lidmaatschap bibliotheek nodig"), default=False)
    requirements = models.JSONField(_("wat neem je mee"), default=list, blank=True)
    requirements_other = models.CharField(_("ook meenemen"), max_length=200, blank=True)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("sjabloon")
        verbose_name_plural = _("sjablonen")

    def __str__(self) -> str:
        return self.title

    @property
    def is_national(self) -> bool:
        return self.owner.kind == OrganisationKind.KB

    def guidance_labels(self) -> list[str]:
        labels = dict(Guidance.choices)
        return [labels[g] for g in self.guidance if g in labels]

    def requirement_labels(self) -> list[str]:
        labels = dict(Requirement.choices)
        return [labels[r] for r in self.requirements if r in labels]


class OfferTemplateVersion(CreatedAtModel):
    """The content of one version of a template, as saved (see services.template_content)."""

    template = models.ForeignKey(
        OfferTemplate, on_delete=models.CASCADE, related_name="versions", verbose_name=_("sjabloon")
    )
    number = models.PositiveIntegerField(_("versie"))
    content = models.JSONField(_("inhoud"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["template", "-number"]
        verbose_name = _("sjabloonversie")
        verbose_name_plural = _("sjabloonversies")
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="unique_template_version")
        ]

    def __str__(self) -> str:
        return f"{self.template} v{self.number}"


class OfferTemplateAdoption(models.Model):
    """An offer made from a template: which version's content it last took over, and which
    newer version the library dismissed (no suggestion until the version after that). Kept
    beside Offer rather than on it, so the offer model (and its HSDS mapping) stays as it is."""

    offer = models.OneToOneField(
        Offer, on_delete=models.CASCADE, related_name="template_adoption", verbose_name=_("aanbod")
    )
    template = models.ForeignKey(
        OfferTemplate,
        on_delete=models.PROTECT,
        related_name="adoptions",
        verbose_name=_("sjabloon"),
    )
    version = models.PositiveIntegerField(_("overgenomen versie"))
    dismissed_version = models.PositiveIntegerField(_("genegeerde versie"), null=True, blank=True)
    adopted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("overgenomen sjabloon")
        verbose_name_plural = _("overgenomen sjablonen")

    def __str__(self) -> str:
        return f"{self.offer} ← {self.template} v{self.version}"
