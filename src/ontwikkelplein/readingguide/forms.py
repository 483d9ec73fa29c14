import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.core.translations import (
    LANGUAGE_NAMES,
    TRANSLATED_LANGUAGES,
    column,
    translation_form_fields,
)
from ontwikkelplein.readingguide.models import AVI_LEVELS, Label

_CODE = re.compile(r"^[A-Z0-9]{1,6}$")


DUTCH_FIELDS = ("code", "name", "age_from", "age_to", "avi_levels", "meaning", "place", "tips")
# The translation columns of Label, with the form's label and length (None: a text area).
TRANSLATABLE = (
    ("name", _("Naam"), 100),
    ("meaning", _("Wat betekent het voor een ouder"), None),
    ("place", _("Waar staat het in de bibliotheek"), 200),
    ("tips", _("Tips voor de ouder"), None),
)


class LabelForm(StaffFormMixin, forms.ModelForm):
    """A label of a table: the Dutch texts, then (optional) the texts in each resident language,
    one fieldset per language. An empty translation shows the Dutch text on that language's
    resident page."""

    fieldsets = [(_("Nederlands"), list(DUTCH_FIELDS))] + [
        (LANGUAGE_NAMES[code], [column(field, code) for field, _label, _length in TRANSLATABLE])
        for code in TRANSLATED_LANGUAGES
    ]

    class Meta:
        model = Label
        fields = DUTCH_FIELDS + tuple(
            column(field, code)
            for code in TRANSLATED_LANGUAGES
            for field, _label, _length in TRANSLATABLE
        )
        widgets = {
            "meaning": forms.Textarea(attrs={"rows": 3}),
            "tips": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, table, **kwargs):
        self.table = table
        super().__init__(*args, **kwargs)
        self.fields["age_from"].max_value = 99
        self.fields["age_from"].widget.attrs["max"] = 99
        self.fields["age_to"].widget.attrs["max"] = 99
        self.fields["avi_levels"].help_text = _("Kies uit: %(levels)s. Met spaties ertussen.") % {
            "levels": " ".join(AVI_LEVELS)
        }

    def clean_code(self):
        code = (self.cleaned_data.get("code") or "").strip().upper()
        if not _CODE.match(code):
            raise forms.ValidationError(_("Een code is 1 tot 6 letters of cijfers, zoals AP of E."))
        others = Label.objects.filter(table=self.table, code__iexact=code)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("Deze code staat al in de tabel."))
        return code

    def clean_age_from(self):
        value = self.cleaned_data.get("age_from")
        if value is not None and value > 99:
            raise forms.ValidationError(_("Vul een leeftijd van 0 tot 99 jaar in."))
        return value

    def clean_age_to(self):
        value = self.cleaned_data.get("age_to")
        if value is not None and value > 99:
            raise forms.ValidationError(_("Vul een leeftijd van 0 tot 99 jaar in, of laat leeg."))
        return value

    def clean_avi_levels(self):
        words = (self.cleaned_data.get("avi_levels") or "").replace(",", " ").split()
        known = {level.lower(): level for level in AVI_LEVELS}
        unknown = [w for w in words if w.lower() not in known]
        if unknown:
            raise forms.ValidationError(
                _("Onbekend AVI-niveau: %(words)s. Kies uit: %(levels)s.")
                % {"words": ", ".join(unknown[:3]), "levels": " ".join(AVI_LEVELS)}
            )
        chosen = {known[w.lower()] for w in words}
        return " ".join(level for level in AVI_LEVELS if level in chosen)

    def clean(self):
        data = super().clean()
        age_from, age_to = data.get("age_from"), data.get("age_to")
        if age_from is not None and age_to is not None and age_to < age_from:
            self.add_error("age_to", _("De leeftijd tot en met is kleiner dan de leeftijd vanaf."))
        return data


# The translation fields typed in their own language (`lang`, `dir="auto"`), in place of the
# model's plain ones.
LabelForm.base_fields.update(
    {
        name: form_field
        for field, label, length in TRANSLATABLE
        for name, form_field in translation_form_fields(
            field, label, length, TRANSLATED_LANGUAGES
        ).items()
    }
)
