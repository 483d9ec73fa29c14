"""Staff forms for locations and an organisation's branding. The conventions every back-office
form follows (StaffFormMixin: Utrecht CSS classes, Dutch messages, an error summary that links to
fields) are in core/forms.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import CHECKBOX_CLASS, StaffFormMixin, date_input, time_input
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations import services as branding_services
from ontwikkelplein.organisations.models import BrandingScope, Location, LocationKind, Weekday
from ontwikkelplein.organisations.services import LOCATION_FIELDS
from ontwikkelplein.places.geo import normalise_postcode
from ontwikkelplein.places.models import Municipality

# Rough bounding box of the Netherlands (with the Wadden islands and south Limburg).
NL_LATITUDE = (50.7, 53.6)
NL_LONGITUDE = (3.3, 7.3)


class LocationForm(StaffFormMixin, forms.ModelForm):
    class Meta:
        model = Location
        fields = ["organisation", *LOCATION_FIELDS]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "accessibility": forms.Textarea(attrs={"rows": 3}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }
        labels = {"house_number": _("Huisnummer en toevoeging")}
        help_texts = {
            "postcode": _("Bijvoorbeeld 3811 AB."),
            "latitude": _("Mag leeg blijven: dan gebruiken we het midden van het postcodegebied."),
            "longitude": _("Mag leeg blijven: dan gebruiken we het midden van het postcodegebied."),
        }

    fieldsets = [
        (_("Wat voor plek"), ["organisation", "name", "kind", "description", "accessibility"]),
        (_("Adres"), ["street", "house_number", "postcode", "city", "municipality"]),
        (_("Coördinaten (niet verplicht)"), ["latitude", "longitude"]),
        (_("Hier kun je altijd terecht"), ["has_ido", "has_taalhuis"]),
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = scoping.editable_organisations(user)
        self.fields["organisation"].queryset = organisations
        several = organisations.count() > 1
        self.fields["organisation"].empty_label = _("Kies een organisatie") if several else None
        self.fields["kind"].choices = [("", _("Kies een soort plek")), *LocationKind.choices]
        municipality = self.fields["municipality"]
        municipality.queryset = Municipality.objects.select_related("province").order_by("name")
        municipality.label_from_instance = lambda m: f"{m.name} ({m.province.name})"
        for name in ("latitude", "longitude"):
            self.fields[name].widget = forms.NumberInput(
                attrs={"step": "any", "class": "utrecht-textbox utrecht-textbox--html-input"}
            )
            self.fields[name].localize = False

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data.get("postcode", ""))
        if not postcode or len(postcode) != 7:
            raise forms.ValidationError(
                _("Vul een geldige postcode in: vier cijfers en twee letters, zoals 3811 AB."),
                code="invalid",
            )
        return postcode

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None) and not (
            self.has_error("latitude") or self.has_error("longitude")
        ):
            self.add_error(
                "longitude" if longitude is None else "latitude",
                _("Vul beide coördinaten in, of laat ze allebei leeg."),
            )
        if latitude is not None and not NL_LATITUDE[0] <= latitude <= NL_LATITUDE[1]:
            self.add_error("latitude", _("Deze breedtegraad ligt niet in Nederland."))
        if longitude is not None and not NL_LONGITUDE[0] <= longitude <= NL_LONGITUDE[1]:
            self.add_error("longitude", _("Deze lengtegraad ligt niet in Nederland."))
        return cleaned


class OpeningHoursForm(StaffFormMixin, forms.Form):
    """One row of opening hours. An empty row is ignored; a half-filled one is an error."""

    weekday = forms.TypedChoiceField(
        label=_("Dag"),
        choices=[("", _("Kies een dag")), *Weekday.choices],
        coerce=int,
        required=False,
    )
    opens_at = forms.TimeField(label=_("Open vanaf"), required=False, widget=time_input())
    closes_at = forms.TimeField(label=_("Open tot"), required=False, widget=time_input())

    def clean(self):
        cleaned = super().clean()
        if self.has_error("weekday") or self.has_error("opens_at") or self.has_error("closes_at"):
            return cleaned
        values = [
            cleaned.get("weekday") not in (None, ""),
            cleaned.get("opens_at"),
            cleaned.get("closes_at"),
        ]
        if any(values) and not all(values):
            for name, present in zip(("weekday", "opens_at", "closes_at"), values, strict=True):
                if not present:
                    self.add_error(name, _("Vul de dag en beide tijden in, of maak de regel leeg."))
        elif all(values) and cleaned["closes_at"] <= cleaned["opens_at"]:
            self.add_error("closes_at", _("De sluitingstijd moet na de openingstijd liggen."))
        return cleaned

    def row(self):
        """(weekday, opens_at, closes_at), or None for an empty or deleted row."""
        data = getattr(self, "cleaned_data", None) or {}
        if data.get("DELETE") or data.get("weekday") in (None, "") or not data.get("opens_at"):
            return None
        return data["weekday"], data["opens_at"], data["closes_at"]


OpeningHoursFormSet = forms.formset_factory(OpeningHoursForm, extra=3, can_delete=True)


def opening_hours_formset(data=None, location=None):
    initial = []
    if location is not None:
        initial = [
            {"weekday": h.weekday, "opens_at": h.opens_at, "closes_at": h.closes_at}
            for h in location.opening_hours.all()
        ]
    formset = OpeningHoursFormSet(data=data, initial=initial, prefix="openingstijden")
    for form in formset.forms:
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Deze regel verwijderen")
            form.fields["DELETE"].widget.attrs["class"] = CHECKBOX_CLASS
    return formset


def opening_hours_rows(formset) -> list[tuple]:
    return [row for form in formset.forms if (row := form.row()) is not None]


# Dates far outside any plan are typing errors (year 20026); refused in words.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def _check_year(form, name, value) -> None:
    if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        form.add_error(name, _("Kies een datum tussen 2000 en 2100."))


class ClosureForm(StaffFormMixin, forms.Form):
    """One closed day or period of a location. An empty row is ignored."""

    start_date = forms.DateField(label=_("Gesloten vanaf"), required=False, widget=date_input())
    end_date = forms.DateField(
        label=_("Tot en met"),
        required=False,
        widget=date_input(),
        help_text=_("Leeg laten bij één dag."),
    )
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=100,
        help_text=_("Bijvoorbeeld: zomersluiting. Dit zien inwoners."),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        _check_year(self, "start_date", start)
        _check_year(self, "end_date", end)
        if self.has_error("start_date") or self.has_error("end_date"):
            return cleaned
        if not start and (end or (cleaned.get("reason") or "").strip()):
            self.add_error("start_date", _("Vul de eerste gesloten dag in, of maak de regel leeg."))
        elif start and end and end < start:
            self.add_error("end_date", _("De laatste dag moet op of na de eerste dag liggen."))
        return cleaned

    def row(self):
        """(start_date, end_date, reason), or None for an empty or deleted row."""
        data = getattr(self, "cleaned_data", None) or {}
        if data.get("DELETE") or not data.get("start_date"):
            return None
        start = data["start_date"]
        return start, data.get("end_date") or start, (data.get("reason") or "").strip()


class SpecialHoursForm(StaffFormMixin, forms.Form):
    """Opening hours on one date that replace the weekly hours. An empty row is ignored."""

    date = forms.DateField(label=_("Datum"), required=False, widget=date_input())
    opens_at = forms.TimeField(label=_("Open vanaf"), required=False, widget=time_input())
    closes_at = forms.TimeField(label=_("Open tot"), required=False, widget=time_input())

    def clean(self):
        cleaned = super().clean()
        _check_year(self, "date", cleaned.get("date"))
        if any(self.has_error(name) for name in ("date", "opens_at", "closes_at")):
            return cleaned
        values = [cleaned.get("date"), cleaned.get("opens_at"), cleaned.get("closes_at")]
        if any(values) and not all(values):
            for name, present in zip(("date", "opens_at", "closes_at"), values, strict=True):
                if not present:
                    self.add_error(
                        name, _("Vul de datum en beide tijden in, of maak de regel leeg.")
                    )
        elif all(values) and cleaned["closes_at"] <= cleaned["opens_at"]:
            self.add_error("closes_at", _("De sluitingstijd moet na de openingstijd liggen."))
        return cleaned

    def row(self):
        data = getattr(self, "cleaned_data", None) or {}
        if data.get("DELETE") or not data.get("date") or not data.get("opens_at"):
            return None
        return data["date"], data["opens_at"], data["closes_at"]


ClosureFormSet = forms.formset_factory(ClosureForm, extra=2, can_delete=True)
SpecialHoursFormSet = forms.formset_factory(SpecialHoursForm, extra=2, can_delete=True)


def _label_delete(formset):
    for form in formset.forms:
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Deze regel verwijderen")
            form.fields["DELETE"].widget.attrs["class"] = CHECKBOX_CLASS
    return formset


def closures_formset(data=None, location=None):
    initial = []
    if location is not None:
        initial = [
            {
                "start_date": c.start_date,
                "end_date": c.end_date if c.end_date != c.start_date else None,
                "reason": c.reason,
            }
            for c in location.closures.all()
        ]
    return _label_delete(ClosureFormSet(data=data, initial=initial, prefix="sluitingsdagen"))


def special_hours_formset(data=None, location=None):
    initial = []
    if location is not None:
        initial = [
            {"date": h.date, "opens_at": h.opens_at, "closes_at": h.closes_at}
            for h in location.special_hours.all()
        ]
    return _label_delete(SpecialHoursFormSet(data=data, initial=initial, prefix="afwijkend"))


def formset_rows(formset) -> list[tuple]:
    return [row for form in formset.forms if (row := form.row()) is not None]


class BrandingForm(StaffFormMixin, forms.Form):
    """An organisation's branding (docs/public-site.md, "Own branding and address"). The checks
    are the service's own (services.validate_branding, process_logo), so the page names each
    mistake at its field; the service checks again when it saves."""

    display_name = forms.CharField(
        label=_("Naam op de pagina's"),
        max_length=120,
        help_text=_(
            "Zo heet de organisatie bovenaan elke pagina, bijvoorbeeld Bibliotheek Eemland."
        ),
    )
    slug = forms.CharField(
        label=_("Korte naam in het webadres"),
        max_length=50,
        help_text=_(
            "Kleine letters, cijfers en streepjes. Bijvoorbeeld bibliotheek-eemland voor "
            "/b/bibliotheek-eemland/."
        ),
    )
    primary_colour = forms.CharField(
        label=_("Hoofdkleur"),
        max_length=20,
        help_text=_(
            "Zoals #1a4a8a. De kopbalk en de knoppen krijgen deze kleur met witte tekst, en links "
            "op wit ook: daarvoor moet hij donker genoeg zijn (contrast minstens 4,5 : 1 met wit)."
        ),
        widget=forms.TextInput(attrs={"size": 8, "autocomplete": "off", "spellcheck": "false"}),
    )
    accent_colour = forms.CharField(
        label=_("Tweede kleur"),
        max_length=20,
        help_text=_(
            "Zoals #ffd200. Een band onder de kopbalk; die moet goed verschillen van de "
            "hoofdkleur (contrast minstens 3 : 1). De tekst erop wordt zwart of wit, wat het "
            "best leesbaar is."
        ),
        widget=forms.TextInput(attrs={"size": 8, "autocomplete": "off", "spellcheck": "false"}),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_(
            "Een PNG-, JPEG- of WebP-bestand van hoogstens 1 MB (geen SVG). We maken het "
            "hoogstens 400 bij 160 beeldpunten en slaan het op als PNG."
        ),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Logo weghalen"), required=False)
    logo_alt = forms.CharField(
        label=_("Tekst bij het logo"),
        max_length=120,
        required=False,
        help_text=_(
            "Voor wie het logo niet ziet, bijvoorbeeld 'Bibliotheek Eemland'. Verplicht als er "
            "een logo is."
        ),
    )
    scope = forms.ChoiceField(
        label=_("Welk aanbod"),
        choices=BrandingScope.choices,
        widget=forms.RadioSelect,
        help_text=_("Voor de zoekbox op de eigen website van de organisatie."),
    )
    host = forms.CharField(
        label=_("Eigen webadres (niet verplicht)"),
        max_length=253,
        required=False,
        help_text=_(
            "Bijvoorbeeld hulp.bibliotheekeemland.nl. Dit werkt pas als de beheerder van deze "
            "installatie het adres heeft ingesteld. Leeg laten als jullie dat niet hebben."
        ),
    )

    fieldsets = [
        (_("Naam en webadres"), ["display_name", "slug", "host"]),
        (_("Kleuren"), ["primary_colour", "accent_colour"]),
        (_("Logo"), ["logo", "remove_logo", "logo_alt"]),
        (_("Aanbod"), ["scope"]),
    ]

    def __init__(self, *args, has_logo=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_logo = has_logo
        if not has_logo:
            del self.fields["remove_logo"]

    @staticmethod
    def _service_check(value, check):
        """The service's check of one value, its refusal as this field's error."""
        try:
            return check(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from error

    def clean_slug(self):
        return self._service_check(self.cleaned_data["slug"], branding_services.clean_slug)

    def clean_host(self):
        return self._service_check(self.cleaned_data["host"], branding_services.clean_host)

    def clean_primary_colour(self):
        value = self.cleaned_data["primary_colour"]
        return self._service_check(value, branding_services.clean_colour)

    def clean_accent_colour(self):
        value = self.cleaned_data["accent_colour"]
        return self._service_check(value, branding_services.clean_colour)

    def clean_logo(self):
        """The uploaded bytes, once the service could read them as a logo (None: no upload)."""
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        if upload.size > branding_services.LOGO_MAX_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is te groot. Een logo mag hoogstens 1 MB zijn.")
            )
        data = upload.read()
        self._service_check(data, branding_services.process_logo)
        return data

    def clean(self):
        cleaned = super().clean()
        primary, accent = cleaned.get("primary_colour"), cleaned.get("accent_colour")
        if primary:
            try:
                branding_services.check_primary_colour(primary)
            except forms.ValidationError as error:
                self.add_error("primary_colour", error.messages)
                primary = None
        if primary and accent:
            try:
                branding_services.check_accent_colour(accent, primary)
            except forms.ValidationError as error:
                self.add_error("accent_colour", error.messages)
        keeps_logo = (self.has_logo and not cleaned.get("remove_logo")) or cleaned.get("logo")
        if keeps_logo and not (cleaned.get("logo_alt") or "").strip():
            self.add_error(
                "logo_alt", _("Beschrijf het logo, bijvoorbeeld met de naam van de bibliotheek.")
            )
        return cleaned
