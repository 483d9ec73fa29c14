"""Forms of the catalogue. Staff forms first, the public search form at the end."""

import unicodedata

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue import classification, selectors, services
from ontwikkelplein.catalogue.models import (
    LANGUAGE_CHOICES,
    Guidance,
    NeedLanguage,
    NeedPhrase,
    Offer,
    OfferStatus,
    OfferTemplate,
    Programme,
    Requirement,
    ScheduleKind,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
    language_names,
    translation_languages,
)
from ontwikkelplein.catalogue.search import ORDER_DISTANCE, ORDER_FIT, SearchParams, analyse
from ontwikkelplein.core.forms import StaffFormMixin, date_input, time_input
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location, Organisation, OrganisationKind, Weekday
from ontwikkelplein.places.geo import Place, find_place

# --- Staff forms (back office) ---
# Conventions (Utrecht classes, Dutch messages, error summary) come from StaffFormMixin.


def _terms(slug: str, current=()) -> QuerySet[TaxonomyTerm]:
    """Active terms of one taxonomy, plus the ones an offer already has (so that a term the
    KB has switched off is not silently dropped when the offer is saved)."""
    return TaxonomyTerm.objects.filter(
        Q(is_active=True) | Q(pk__in=[t.pk for t in current]), taxonomy__slug=slug
    ).order_by("position", "name")


# The widgets of what an offer and an offer template share.
CONTENT_WIDGETS = {
    "sign_up_instructions": forms.Textarea(attrs={"rows": 3}),
    "offer_type": forms.RadioSelect,
    "sign_up": forms.RadioSelect,
    "themes": forms.CheckboxSelectMultiple,
    "target_groups": forms.CheckboxSelectMultiple,
    "levels": forms.CheckboxSelectMultiple,
    "programme": forms.RadioSelect,
}


class _OfferContentForm(StaffFormMixin, forms.ModelForm):
    """What the forms of an offer and of an offer template share: who helps, what to bring, the
    languages, the choices of terms and programmes, and the rules for costs and signing up."""

    guidance = forms.MultipleChoiceField(
        choices=Guidance.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Wie helpt er?"),
    )
    requirements = forms.MultipleChoiceField(
        choices=Requirement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Wat neem je mee?"),
    )
    languages = forms.MultipleChoiceField(
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("In welke talen?"),
    )

    def _set_content_choices(self, item, existing: bool) -> None:
        for name, slug in (
            ("themes", Taxonomy.THEME),
            ("target_groups", Taxonomy.TARGET_GROUP),
            ("levels", Taxonomy.LEVEL),
        ):
            current = getattr(item, name).all() if existing else ()
            self.fields[name].queryset = _terms(slug, current)
        programme = self.fields["programme"]
        programme.queryset = Programme.objects.order_by("name")
        programme.empty_label = _("Hoort niet bij een programma")
        # Keep language codes that are not in our short list (entered through the API or admin).
        known = {code for code, _label in LANGUAGE_CHOICES}
        extra = [(code, code) for code in (item.languages or []) if code not in known]
        self.fields["languages"].choices = LANGUAGE_CHOICES + extra


class OfferForm(_OfferContentForm):
    """Create or change an offer. Only validates and offers the right choices; the service
    (services.create_offer / update_offer) checks rights and writes."""

    locations = forms.ModelMultipleChoiceField(
        queryset=Location.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Plekken"),
        help_text=_(
            "Waar is het aanbod? Nodig om te publiceren. Plekken van een partner zie je hier "
            "nadat je de partner hebt gekozen en het aanbod hebt opgeslagen."
        ),
    )
    computers = forms.IntegerField(
        label=_("Aantal computers"),
        required=False,
        min_value=0,
        max_value=999,
        help_text=_("Leeg of 0 als er geen computers zijn."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("Een pagina met meer informatie, bijvoorbeeld www.bibliotheek.nl/spreekuur."),
    )

    class Meta:
        model = Offer
        fields = list(services.OFFER_FORM_FIELDS)
        widgets = {
            **CONTENT_WIDGETS,
            "description": forms.Textarea(attrs={"rows": 6}),
            "partners": forms.CheckboxSelectMultiple,
            "contact_email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel"}),
            "valid_from": date_input(),
            "valid_to": date_input(),
        }
        help_texts = {
            "title": _("Kort en duidelijk, bijvoorbeeld: Spreekuur Digitale Overheid."),
            "description": _(
                "Wat gebeurt er, wat leer je, hoe gaat het? Schrijf in eenvoudige taal."
            ),
            "cost_amount": _("Alleen als het niet gratis is."),
            "valid_from": _("Leeg laten als het aanbod er nu al is."),
            "valid_to": _("Leeg laten als er geen einddatum is."),
            "season_start_month": _(
                "Alleen voor aanbod dat elk jaar terugkomt, zoals hulp bij de belastingaangifte"
                " in maart en april. Buiten het seizoen vinden mensen het nog wel, met"
                " “Weer vanaf maart”."
            ),
            "season_end_month": _(
                "De laatste maand van het seizoen. Mag vóór de eerste maand"
                " liggen: november tot en met februari."
            ),
        }
        error_messages = {
            "summary": {
                "max_length": _(
                    "Maak de korte zin korter: hoogstens %(limit_value)d tekens "
                    "(nu %(show_value)d)."
                )
            },
        }

    fieldsets = [
        (_("Wat"), ["organisation", "title", "summary", "description"]),
        (_("Voor wie"), ["target_groups", "levels", "languages"]),
        (_("Soort en thema"), ["offer_type", "themes", "programme"]),
        (_("Waar en met wie"), ["locations", "partners"]),
        (
            _("Meedoen en kosten"),
            [
                "sign_up",
                "sign_up_instructions",
                "capacity",
                "guidance",
                "is_free",
                "cost_amount",
                "cost_description",
                "membership_required",
            ],
        ),
        (_("Wat neem je mee"), ["requirements", "requirements_other"]),
        (_("Faciliteiten"), ["computers", "printer", "privacy_room"]),
        (_("Contact"), ["contact_name", "contact_email", "contact_phone", "website"]),
        (
            _("Geldigheid"),
            ["valid_from", "valid_to", "season_start_month", "season_end_month"],
        ),
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer = self.instance
        existing = offer.pk is not None
        editable = scoping.editable_organisations(user)
        organisation = self.fields["organisation"]
        organisation.queryset = editable
        if len(editable) == 1:
            organisation.empty_label = None
            organisation.initial = organisation.initial or editable[0].pk
        else:
            organisation.empty_label = _("Kies een organisatie")

        self.fields["offer_type"].queryset = _terms(Taxonomy.OFFER_TYPE)
        self._set_content_choices(offer, existing)

        partners = list(offer.partners.all()) if existing else []
        self.fields["partners"].queryset = Organisation.objects.filter(
            Q(kind__in=[OrganisationKind.PARTNER, OrganisationKind.LIBRARY])
            | Q(pk__in=[p.pk for p in partners])
        ).order_by("name")

        locations = self.fields["locations"]
        locations.queryset = (
            Location.objects.filter(
                Q(organisation__in=editable) | Q(organisation__in=[p.pk for p in partners])
            )
            .select_related("organisation")
            .order_by("organisation__name", "name")
        )
        several = len({loc.organisation_id for loc in locations.queryset}) > 1
        locations.label_from_instance = lambda loc: (
            f"{loc.name}, {loc.address_line}" + (f" ({loc.organisation.name})" if several else "")
        )
        if existing:
            locations.initial = [ol.location_id for ol in offer.offer_locations.all()]

    def clean_computers(self):
        return self.cleaned_data.get("computers") or 0

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        partners = list(cleaned.get("partners") or [])
        locations = list(cleaned.get("locations") or [])

        if organisation is not None and organisation in partners:
            self.add_error("partners", _("De aanbieder zelf kies je niet als partner."))
        if organisation is not None and locations:
            allowed = {organisation.pk, *(p.pk for p in partners)}
            wrong = [loc.name for loc in locations if loc.organisation_id not in allowed]
            if wrong:
                self.add_error(
                    "locations",
                    _("Deze plekken horen niet bij de aanbieder of een gekozen partner: %(names)s.")
                    % {"names": ", ".join(wrong)},
                )
        published = self.instance.pk and self.instance.is_published
        if published and not locations and not self.has_error("locations"):
            self.add_error(
                "locations",
                _("Dit aanbod is gepubliceerd. Het heeft daarom minstens één plek nodig."),
            )

        _clean_costs_and_sign_up(self, cleaned)
        valid_from, valid_to = cleaned.get("valid_from"), cleaned.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("De einddatum mag niet voor de begindatum liggen."))
        season = cleaned.get("season_start_month"), cleaned.get("season_end_month")
        if (season[0] is None) != (season[1] is None):
            missing = "season_end_month" if season[1] is None else "season_start_month"
            self.add_error(
                missing, _("Kies de eerste én de laatste maand van het seizoen, of geen van beide.")
            )
        return cleaned


class StaffOfferFilterForm(StaffFormMixin, forms.Form):
    """GET filters of the staff offer list. Invalid values are ignored, never an error page."""

    q = forms.CharField(label=_("Zoek op titel"), required=False, max_length=150)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alle statussen")), *OfferStatus.choices],
        required=False,
    )
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Alle organisaties"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = scoping.readable_organisations(user)

    def values(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "text": data.get("q", ""),
            "status": data.get("status") or None,
            "organisation": data.get("organisatie"),
        }


OUTSIDE_HOURS_LABEL = _("Ook buiten openingstijden")
OUTSIDE_HOURS_HELP = _(
    "Aanvinken als het ook kan als de locatie dicht is, bijvoorbeeld een avondles met "
    "vrijwilligers."
)


def outside_hours_field():
    return forms.BooleanField(
        label=OUTSIDE_HOURS_LABEL, help_text=OUTSIDE_HOURS_HELP, required=False
    )


class _ScheduleForm(StaffFormMixin, forms.Form):
    opens_at = forms.TimeField(label=_("Van"), widget=time_input())
    closes_at = forms.TimeField(label=_("Tot"), widget=time_input())
    notes = forms.CharField(
        label=_("Opmerking"),
        required=False,
        max_length=200,
        help_text=_("Bijvoorbeeld: in zaal 2, of: niet in de schoolvakanties."),
    )
    outside_opening_hours = outside_hours_field()

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("De eindtijd moet na de begintijd liggen."))
        return cleaned


class WeeklyScheduleForm(_ScheduleForm):
    """A time that comes back every week (a spreekuur)."""

    weekday = forms.TypedChoiceField(
        label=_("Dag"), choices=[("", _("Kies een dag")), *Weekday.choices], coerce=int
    )
    field_order = ["weekday", "opens_at", "closes_at", "notes", "outside_opening_hours"]


class DatedScheduleForm(_ScheduleForm):
    """One session on a date (a course meeting, an information meeting)."""

    date = forms.DateField(label=_("Datum"), widget=date_input())
    field_order = ["date", "opens_at", "closes_at", "notes", "outside_opening_hours"]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date < timezone.localdate():
            raise forms.ValidationError(
                _("Deze datum is al voorbij. Kies een datum vanaf vandaag."), code="past"
            )
        return date


# --- Public search form ---
# The public search form reads GET parameters that anyone can type into a URL, so it never fails
# as a whole: unknown values are dropped and only an unknown place is explained to the resident.

# GET codes of the day filter -> Weekday values (0 = Monday).
DAY_CODES = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}
DAY_CHOICES = [
    ("ma", _("maandag")),
    ("di", _("dinsdag")),
    ("wo", _("woensdag")),
    ("do", _("donderdag")),
    ("vr", _("vrijdag")),
    ("za", _("zaterdag")),
    ("zo", _("zondag")),
]
DISTANCE_CHOICES = [
    ("", _("Maakt niet uit")),
    ("2", _("Binnen 2 km")),
    ("5", _("Binnen 5 km")),
    ("10", _("Binnen 10 km")),
    ("25", _("Binnen 25 km")),
]
MAX_PAGE = 500
NEAREST_FIRST = "dichtstbij"  # volgorde=dichtstbij; the default (empty) is the best fit first
ORDER_CHOICES = [
    ("", _("Best passend eerst")),
    (NEAREST_FIRST, _("Dichtstbij eerst")),
]


class SearchTextField(forms.CharField):
    """Free text from a URL: control characters (NUL breaks PostgreSQL) become spaces,
    runs of white space collapse, and text that is too long is cut instead of refused."""

    def __init__(self, *, cut_at: int, **kwargs):
        self.cut_at = cut_at
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        cleaned = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in value)
        return " ".join(cleaned.split())[: self.cut_at].strip()

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": str(self.cut_at)}


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values (once, in the order given) and drops the rest, so an old link to a
    term that was removed still shows results."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        known = {str(key) for key, _label in self.choices}
        return list(dict.fromkeys(v for v in self.to_python(value) if v in known))


class LenientChoiceField(forms.ChoiceField):
    """An unknown value counts as "no choice" (for instance afstand=9999)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        value = self.to_python(value)
        return value if value in {str(key) for key, _label in self.choices} else ""


class PageField(forms.Field):
    """A page number; anything that is not one means page 1."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)

    def clean(self, value):
        try:
            page = int(str(value).strip())
        except (TypeError, ValueError):
            return 1
        return min(max(page, 1), MAX_PAGE)


class SearchForm(forms.Form):
    """GET form of /zoeken/. Parameter names are a public contract (links, bookmarks, tests):
    q, waar, afstand, volgorde, thema, doelgroep, soort, hulptaal, gratis, inloop, dag, pagina.
    (Not `taal`: that is the language of the page, see middleware.py.)"""

    q = SearchTextField(cut_at=200, label=_("Waar wil je hulp bij?"))
    waar = SearchTextField(
        cut_at=100,
        label=_("Postcode of plaats"),
        help_text=_("Bijvoorbeeld 3811 of Amersfoort. Je mag dit leeg laten."),
    )
    afstand = LenientChoiceField(
        choices=DISTANCE_CHOICES,
        label=_("Hoe ver mag het zijn?"),
        help_text=_("Dit werkt als je een postcode of plaats invult."),
    )
    volgorde = LenientChoiceField(
        choices=ORDER_CHOICES,
        label=_("Volgorde"),
        help_text=_("Dichtstbij eerst werkt als je een postcode of plaats invult."),
    )
    thema = LenientMultipleChoiceField(label=_("Onderwerp"))
    doelgroep = LenientMultipleChoiceField(label=_("Voor wie?"))
    soort = LenientMultipleChoiceField(label=_("Soort hulp"))
    hulptaal = LenientMultipleChoiceField(label=_("Hulp in een andere taal"))
    dag = LenientMultipleChoiceField(choices=DAY_CHOICES, label=_("Op welke dag?"))
    gratis = forms.BooleanField(required=False, label=_("Alleen gratis"))
    inloop = forms.BooleanField(required=False, label=_("Zonder afspraak (vrije inloop)"))
    pagina = PageField()

    def __init__(self, data=None, *, terms: dict[str, list], languages=(), **kwargs):
        """`terms`: active TaxonomyTerms by taxonomy slug (selectors.active_terms); `languages`:
        the codes to offer in "Hulp in een andere taal" (selectors.offer_languages)."""
        super().__init__(data, **kwargs)
        self.place: Place | None = None
        self.place_text = ""
        # A known place name close to an unknown `waar` ("Bedoel je Amersfoort?"), and what the
        # resident typed when a very close one was used instead ("We zoeken bij Amersfoort").
        self.place_suggestion = ""
        self.place_typed = ""
        self.fields["thema"].choices = _term_choices(terms, Taxonomy.THEME)
        self.fields["doelgroep"].choices = _term_choices(terms, Taxonomy.TARGET_GROUP)
        self.fields["soort"].choices = _term_choices(terms, Taxonomy.OFFER_TYPE)
        self.fields["hulptaal"].choices = sorted(
            zip(languages, language_names(languages), strict=True), key=lambda pair: pair[1]
        )

    def clean_waar(self):
        text = self.cleaned_data["waar"]
        self.place_text = text  # kept in links even when unknown, so the resident sees it again
        if text:
            match = find_place(text)
            self.place = match.place
            if match.corrected:
                # Links and the field carry the corrected name from now on.
                self.place_typed, self.place_text = text, match.place.label
            else:
                self.place_suggestion = match.suggestion
            if self.place is None:
                raise forms.ValidationError(
                    _(
                        "We kennen de plaats of postcode “%(waar)s” niet. "
                        "Probeer een andere schrijfwijze of laat het veld leeg."
                    ),
                    code="unknown_place",
                    params={"waar": text},
                )
        return text

    @property
    def values(self) -> dict:
        """Cleaned values of every field. Only `waar` can fail; the other fields still count."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return {**self.cleaned_data, "waar": self.place_text}

    @property
    def has_filters(self) -> bool:
        values = self.values
        return any(
            values[name]
            for name in ("thema", "doelgroep", "soort", "hulptaal", "dag", "gratis", "inloop")
        )

    def search_params(self, *, per_page: int, page: int | None = None) -> SearchParams:
        values = self.values
        origin = (self.place.latitude, self.place.longitude) if self.place else None
        return SearchParams(
            text=values["q"],
            themes=tuple(values["thema"]),
            target_groups=tuple(values["doelgroep"]),
            offer_types=tuple(values["soort"]),
            languages=tuple(values["hulptaal"]),
            free_only=values["gratis"],
            walk_in_only=values["inloop"],
            weekdays=tuple(DAY_CODES[code] for code in values["dag"]),
            origin=origin,
            radius_km=float(values["afstand"]) if origin and values["afstand"] else None,
            page=page or values["pagina"],
            per_page=per_page,
            order=ORDER_DISTANCE if values["volgorde"] == NEAREST_FIRST else ORDER_FIT,
        )

    def query_items(self, *, page: int = 1, **overrides) -> list[tuple[str, str]]:
        """The search as clean GET pairs (unknown values left out), for paging links, "clear
        filters" and the way back from an offer page. `overrides` replace whole fields."""
        values = {**self.values, **overrides}
        items: list[tuple[str, str]] = [
            (name, values[name]) for name in ("q", "waar", "afstand", "volgorde") if values[name]
        ]
        for name in ("thema", "doelgroep", "soort", "hulptaal", "dag"):
            items.extend((name, value) for value in values[name])
        items.extend((name, "1") for name in ("gratis", "inloop") if values[name])
        if page > 1:
            items.append(("pagina", str(page)))
        return items


def _term_choices(terms: dict[str, list], slug: str) -> list[tuple[str, str]]:
    return [(term.code, term.display_name) for term in terms.get(slug, [])]


# --- Offer templates (sjablonen) ---


def _clean_costs_and_sign_up(form, cleaned) -> None:
    """The rules for costs and signing up of an offer and of a template."""
    is_free, amount = cleaned.get("is_free"), cleaned.get("cost_amount")
    if is_free and amount:
        form.add_error(
            "cost_amount",
            _("Het aanbod is gratis. Maak het bedrag leeg, of haal het vinkje bij Gratis weg."),
        )
    elif not is_free and amount is None and not form.has_error("cost_amount"):
        form.add_error("cost_amount", _("Vul in wat het kost, of zet een vinkje bij Gratis."))
    elif not is_free and amount == 0:
        form.add_error("cost_amount", _("Kost het niets? Zet dan een vinkje bij Gratis."))
    if (
        cleaned.get("sign_up") in (SignUp.REGISTRATION, SignUp.INTAKE)
        and not cleaned.get("sign_up_instructions", "").strip()
    ):
        form.add_error(
            "sign_up_instructions",
            _("Schrijf op hoe iemand zich aanmeldt: telefoon, website of balie."),
        )
    elif (
        cleaned.get("sign_up") == SignUp.APPOINTMENT
        and not cleaned.get("sign_up_instructions", "").strip()
    ):
        form.add_error(
            "sign_up_instructions",
            _("Schrijf op hoe iemand een afspraak maakt: telefoon, website of balie."),
        )


class OfferTemplateForm(_OfferContentForm):
    """Create or change a template (KB-beheerder, POI adviser). Only validates; the service
    (services.create_template / update_template) checks rights, writes and versions."""

    class Meta:
        model = OfferTemplate
        fields = ["owner", *selectors.TEMPLATE_CONTENT_FIELDS]
        widgets = {**CONTENT_WIDGETS, "description": forms.Textarea(attrs={"rows": 8})}
        labels = {"owner": _("Sjabloon van")}
        help_texts = {
            "title": _("De naam van het aanbod, bijvoorbeeld: Taalcafé."),
            "summary": _("Eén zin in eenvoudige taal: wat heeft iemand eraan?"),
            "description": _(
                "Wat gebeurt er, wat leer je, hoe gaat het? Schrijf in eenvoudige taal (B1). "
                "Noem geen plaats of tijd: die vult de bibliotheek zelf in."
            ),
            "sign_up_instructions": _("Bij aanmelden: hoe (telefoon, website, balie)."),
            "cost_amount": _("Alleen als het niet gratis is."),
        }

    fieldsets = [
        (_("Wat"), ["owner", "title", "summary", "description"]),
        (_("Voor wie"), ["target_groups", "levels", "languages"]),
        (_("Soort en thema"), ["offer_type", "themes", "programme"]),
        (
            _("Meedoen en kosten"),
            [
                "sign_up",
                "sign_up_instructions",
                "guidance",
                "is_free",
                "cost_amount",
                "cost_description",
                "membership_required",
            ],
        ),
        (_("Wat neem je mee"), ["requirements", "requirements_other"]),
    ]

    def __init__(self, *args, owners, **kwargs):
        """`owners`: the organisations the user may write templates for. A template keeps its
        owner, so the field is only there when creating one."""
        super().__init__(*args, **kwargs)
        template = self.instance
        existing = template.pk is not None and not template._state.adding
        if existing:
            del self.fields["owner"]
        else:
            owner = self.fields["owner"]
            owner.queryset = owners
            if len(owners) == 1:
                owner.empty_label = None
                owner.initial = owners[0].pk
            else:
                owner.empty_label = _("Kies een organisatie")
        self.fields["offer_type"].queryset = _terms(
            Taxonomy.OFFER_TYPE, [template.offer_type] if template.offer_type_id else ()
        )
        self._set_content_choices(template, existing)

    def clean(self):
        cleaned = super().clean()
        _clean_costs_and_sign_up(self, cleaned)
        return cleaned


class AdoptTemplateForm(StaffFormMixin, forms.Form):
    """Adopt a template: only place, time and contact. The content comes from the template."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Voor welke organisatie?")
    )
    locations = forms.ModelMultipleChoiceField(
        queryset=Location.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Waar is het?"),
        help_text=_("Kies een of meer plekken."),
    )
    weekday = forms.TypedChoiceField(
        label=_("Elke week op"),
        choices=[("", _("Kies een dag")), *Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Kies een dag als het elke week is. Of vul hieronder een datum in."),
    )
    date = forms.DateField(
        label=_("Of op een datum"),
        required=False,
        widget=date_input(),
        help_text=_("Voor één keer. Meer tijden voeg je later toe bij Tijden."),
    )
    opens_at = forms.TimeField(label=_("Van"), widget=time_input())
    closes_at = forms.TimeField(label=_("Tot"), widget=time_input())
    outside_opening_hours = outside_hours_field()
    contact_name = forms.CharField(label=_("Contactpersoon"), required=False, max_length=120)
    contact_phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    fieldsets = [
        (_("Waar"), ["organisation", "locations"]),
        (_("Wanneer"), ["weekday", "date", "opens_at", "closes_at", "outside_opening_hours"]),
        (_("Contact"), ["contact_name", "contact_phone", "contact_email"]),
    ]

    def __init__(self, *args, organisations: list, **kwargs):
        """`organisations`: those the user may adopt this template for (at least one)."""
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        ).order_by("name")
        if len(organisations) == 1:
            organisation.initial = organisations[0].pk
            organisation.widget = forms.HiddenInput()
        else:
            organisation.empty_label = _("Kies een organisatie")
        locations = self.fields["locations"]
        locations.queryset = (
            Location.objects.filter(organisation__in=[o.pk for o in organisations])
            .select_related("organisation")
            .order_by("organisation__name", "name")
        )
        several = len(organisations) > 1
        locations.label_from_instance = lambda loc: (
            f"{loc.name}, {loc.address_line}" + (f" ({loc.organisation.name})" if several else "")
        )

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        locations = cleaned.get("locations") or []
        if organisation is not None:
            wrong = [loc.name for loc in locations if loc.organisation_id != organisation.pk]
            if wrong:
                self.add_error(
                    "locations",
                    _("Deze plekken horen niet bij %(organisation)s: %(names)s.")
                    % {"organisation": organisation.name, "names": ", ".join(wrong)},
                )
        weekday, date = cleaned.get("weekday"), cleaned.get("date")
        if not self.has_error("weekday") and not self.has_error("date"):
            if weekday is None and date is None:
                self.add_error("weekday", _("Kies een dag, of vul een datum in."))
            elif weekday is not None and date is not None:
                self.add_error("date", _("Kies een dag óf een datum, niet allebei."))
            elif date is not None and date < timezone.localdate():
                self.add_error("date", _("Deze datum is al voorbij. Kies een datum vanaf vandaag."))
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("De eindtijd moet na de begintijd liggen."))
        if (
            not self.has_error("contact_email")
            and not cleaned.get("contact_phone", "").strip()
            and not cleaned.get("contact_email")
        ):
            self.add_error(
                "contact_phone",
                _("Vul een telefoonnummer of e-mailadres in, zodat mensen je kunnen bereiken."),
            )
        return cleaned

    def schedule(self) -> dict:
        """add_schedule's keywords from the cleaned data."""
        data = self.cleaned_data
        if data.get("date") is not None:
            kind, extra = ScheduleKind.DATED, {"date": data["date"]}
        else:
            kind, extra = ScheduleKind.WEEKLY, {"weekday": data["weekday"]}
        return {
            "kind": kind,
            "opens_at": data["opens_at"],
            "closes_at": data["closes_at"],
            "outside_opening_hours": bool(data.get("outside_opening_hours")),
            **extra,
        }


# --- The needs vocabulary (behoeftewoordenlijst) ------------------------------------------------

MAX_NEED_WORDS_CHARS = 1000


class NeedPhraseFilterForm(StaffFormMixin, forms.Form):
    """GET filters of the vocabulary list. Invalid values are ignored, never an error page."""

    q = forms.CharField(label=_("Zoek in zinnen en woorden"), required=False, max_length=200)
    taal = forms.ChoiceField(
        label=_("Taal"), choices=[("", _("Alle talen")), *NeedLanguage.choices], required=False
    )

    def values(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"text": data.get("q", ""), "language": data.get("taal") or None}


class NeedPhraseForm(StaffFormMixin, forms.ModelForm):
    """A phrase of the needs vocabulary, as the KB writes it."""

    class Meta:
        model = NeedPhrase
        fields = ["phrase", "language", "words", "themes", "offer_types", "is_active"]
        widgets = {
            "words": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple,
            "offer_types": forms.CheckboxSelectMultiple,
            "language": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        existing = self.instance.pk is not None
        for name, slug in (("themes", Taxonomy.THEME), ("offer_types", Taxonomy.OFFER_TYPE)):
            current = getattr(self.instance, name).all() if existing else ()
            self.fields[name].queryset = _terms(slug, current)
        self.fields["words"].max_length = MAX_NEED_WORDS_CHARS

    def clean_phrase(self):
        phrase = " ".join((self.cleaned_data.get("phrase") or "").split())
        if not NeedPhrase.key_for(phrase):
            raise forms.ValidationError(_("Schrijf minstens één woord van twee letters of meer."))
        return phrase

    def clean_words(self):
        text = self.cleaned_data.get("words") or ""
        if len(text) > MAX_NEED_WORDS_CHARS:
            raise forms.ValidationError(
                _("Gebruik hoogstens %(max)s tekens.") % {"max": MAX_NEED_WORDS_CHARS}
            )
        items = [" ".join(item.split()) for item in text.split(",") if item.strip()]
        empty = [item for item in items if not analyse(item)]
        if empty:
            raise forms.ValidationError(
                _("Hier zoekt de zoekfunctie niet op, het zijn alleen kleine woorden: %(words)s.")
                % {"words": ", ".join(empty)}
            )
        return ", ".join(items)

    def clean(self):
        data = super().clean()
        phrase, language = data.get("phrase"), data.get("language")
        if phrase and language:
            duplicate = NeedPhrase.objects.filter(
                language=language, key=NeedPhrase.key_for(phrase)
            ).exclude(pk=self.instance.pk)
            if duplicate.exists():
                self.add_error("phrase", _("Deze zin staat al in de lijst, in dezelfde taal."))
        if (
            "words" in data
            and not data.get("words")
            and not data.get("themes")
            and not data.get("offer_types")
        ):
            self.add_error(
                "words",
                _("Vul woorden in het aanbod in, of kies een thema of een soort aanbod."),
            )
        return data


MAX_KEYWORDS_CHARS = 5000


class TermKeywordsForm(StaffFormMixin, forms.Form):
    """A term's word list for automatic classification (TaxonomyTerm.keywords)."""

    keywords = forms.CharField(
        label=_("Woorden voor automatisch indelen"),
        required=False,
        max_length=MAX_KEYWORDS_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Woorden of korte zinnen uit titels en beschrijvingen die over deze term gaan,"
            " gescheiden door komma's, bijvoorbeeld: taalcafé:3, nederlands praten:2, nt2."
            " Zet achter een woord :2 of :3 om het zwaarder te laten tellen (hoogstens 10)."
            " Meervouden en samenstellingen vindt het indelen zelf."
        ),
    )

    def clean_keywords(self):
        text = " ".join((self.cleaned_data.get("keywords") or "").replace("\x00", "").split())
        bad = classification.invalid_keywords(text)
        if bad:
            raise forms.ValidationError(
                _(
                    "Deze woorden tellen niet mee, want ze bestaan alleen uit stopwoorden:"
                    " %(words)s."
                )
                % {"words": ", ".join(bad)}
            )
        return text


# --- Translations of an offer's title and summary ---


class OfferTranslationsForm(StaffFormMixin, forms.Form):
    """A title and a summary per language of the resident pages (translation_languages()). The
    fields take the language's direction (dir="auto"), so Arabic is typed right to left."""

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        current = {t.language: t for t in offer.translations.all()}
        self.languages = []
        for code, name in translation_languages():
            existing = current.get(code)
            attrs = {"lang": code, "dir": "auto"}
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Titel"),
                max_length=150,
                required=False,
                initial=existing.title if existing else "",
                widget=forms.TextInput(attrs=attrs),
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Korte zin"),
                max_length=200,
                required=False,
                initial=existing.summary if existing else "",
                widget=forms.TextInput(attrs=attrs),
            )
            self.languages.append(
                {
                    "code": code,
                    "name": name,
                    "title": self[f"title_{code}"],
                    "summary": self[f"summary_{code}"],
                }
            )

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            code: (self.cleaned_data[f"title_{code}"], self.cleaned_data[f"summary_{code}"])
            for code, _name in translation_languages()
        }


# --- The embed's options ("Op uw website", views/embed_staff.py) ---


class EmbedOptionsForm(StaffFormMixin, forms.Form):
    """What a library may set in its embed snippet: the language, words to start with and a
    theme. A GET form; a bad value falls back to none (the snippet is then simply plainer)."""

    taal = forms.ChoiceField(label=_("Taal van het zoekvak"), required=False)
    zoek = forms.CharField(
        label=_("Begin met deze zoekwoorden"),
        required=False,
        max_length=100,
        help_text=_("Leeg laten: het zoekvak begint met al het aanbod."),
    )
    thema = forms.ChoiceField(label=_("Alleen dit onderwerp"), required=False)

    def __init__(self, data=None, *, languages, themes, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["taal"].choices = list(languages)
        self.fields["thema"].choices = [("", _("(alle onderwerpen)"))] + [
            (term.code, term.display_name) for term in themes
        ]

    def options(self) -> dict[str, str]:
        """The valid options; a field that did not validate counts as not set."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        zoek = " ".join(cleaned.get("zoek", "").split()) if "zoek" in cleaned else ""
        return {
            "taal": cleaned.get("taal") or "nl",
            "zoek": zoek,
            "thema": cleaned.get("thema") or "",
        }
