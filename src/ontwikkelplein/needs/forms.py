"""The note form of the needs page. It only checks input; services.save_note does the work."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.forms import StaffFormMixin, date_input
from ontwikkelplein.needs.models import NOTE_MAX_LENGTH
from ontwikkelplein.needs.services import NoteError, check_text

_BAD_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


class NoteForm(StaffFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Wat hoorde je?"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat de buurt nodig heeft, in een paar zinnen. Geen namen, adressen, telefoonnummers "
            "of andere gegevens van personen."
        ),
    )
    noted_on = forms.DateField(label=_("Datum van het gesprek"), widget=date_input())
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=None,
        required=False,
        empty_label=_("De hele bibliotheek"),
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        empty_label=_("Geen thema"),
    )

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        from ontwikkelplein.places.models import Municipality

        self.fields["municipality"].queryset = Municipality.objects.filter(
            pk__in=[m.pk for m in municipalities]
        ).order_by("name")
        self.fields["theme"].queryset = TaxonomyTerm.objects.filter(
            taxonomy__slug=Taxonomy.THEME, is_active=True
        ).order_by("position", "name")
        if not self.is_bound and "noted_on" not in self.initial:
            self.initial["noted_on"] = timezone.localdate()

    def clean_text(self):
        value = self.cleaned_data["text"]
        if _BAD_CHARACTERS.search(value):
            raise forms.ValidationError(_("Deze tekst bevat een teken dat niet kan."))
        try:
            return check_text(value)
        except NoteError as error:
            raise forms.ValidationError(error.message) from error

    def clean_noted_on(self):
        value = self.cleaned_data["noted_on"]
        today = timezone.localdate()
        if value > today:
            raise forms.ValidationError(_("Een gesprek ligt niet in de toekomst."))
        if value.year < today.year - 10:
            raise forms.ValidationError(
                _("Kies een datum na %(year)s.") % {"year": today.year - 10}
            )
        return value
