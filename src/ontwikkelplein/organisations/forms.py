"""Staff forms for locations. The conventions every back-office form follows (StaffFormMixin:
Utrecht CSS classes, Dutch messages, an error summary that links to fields) are in core/forms.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import CHECKBOX_CLASS, StaffFormMixin, date_input, time_input
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location, LocationKind, Weekday
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
