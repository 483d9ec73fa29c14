from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.boekstart.models import Kind, Via
from ontwikkelplein.boekstart.services import clean_postcode_area
from ontwikkelplein.core.forms import StaffFormMixin


class LocationField(forms.ModelChoiceField):
    """A location; anything that is not one of the choices (also text that is no id) gets the
    same Dutch message."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from error


class RegistrationForm(StaffFormMixin, forms.Form):
    """One BoekStart registration. The kind comes from the button pressed (`wat`), so one tap
    registers; the rest has sensible defaults (today, the desk's location)."""

    location = LocationField(queryset=None, label=_("Locatie"))
    wat = forms.ChoiceField(label=_("Wat registreer je?"), choices=Kind.choices)
    via = forms.ChoiceField(
        label=_("Waardebon gekregen via"),
        choices=Via.choices,
        initial=Via.UNKNOWN,
        required=False,
        help_text=_("Alleen bij een waardebon."),
    )
    postcode = forms.CharField(
        label=_("Postcode van het gezin (4 cijfers)"),
        required=False,
        help_text=_("Alleen de cijfers, bijvoorbeeld 3811. Geen naam. Leeg laten mag."),
    )
    datum = forms.DateField(
        label=_("Datum"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 07-12-2026.")},
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["location"].error_messages["invalid_choice"] = _(
            "Kies een locatie van je eigen bibliotheek."
        )
        self.fields["wat"].error_messages["invalid_choice"] = _(
            "Kies wat je registreert: waardebon, koffertje of lidmaatschap."
        )
        self.fields["postcode"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off", "maxlength": 7}
        )
        self.fields["datum"].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]

    def clean_postcode(self):
        return clean_postcode_area(self.cleaned_data.get("postcode"))

    def clean_via(self):
        return self.cleaned_data.get("via") or Via.UNKNOWN
