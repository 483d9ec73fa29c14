"""Forms of the reports. They only check input; the services do the work."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.places.models import Municipality
from ontwikkelplein.reports import selectors, services
from ontwikkelplein.reports.models import Subject

SUBJECT_LABELS = {
    Subject.NATION: _("Kwartaalrapportage voor heel Nederland (%(name)s)"),
    Subject.REGION: _("Kwartaalrapportage voor de regio van %(name)s"),
    Subject.LIBRARY: _("Jaarverslag van %(name)s"),
    Subject.MUNICIPALITY: _("Jaarverslag van %(name)s aan één gemeente"),
}


class NewReportForm(StaffFormMixin, forms.Form):
    owner = forms.ChoiceField(label=_("Rapportage"))
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    quarter = forms.TypedChoiceField(
        label=_("Kwartaal"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("(geen: jaarverslag)"))] + [(q, f"Q{q}") for q in range(1, 5)],
        help_text=_("Alleen voor een kwartaalrapportage."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("Alleen voor een jaarverslag aan één gemeente."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.pairs = {
            f"{subject}:{organisation.pk}": (subject, organisation)
            for subject, organisation in selectors.writable_subjects(user)
        }
        self.fields["owner"].choices = [
            (key, SUBJECT_LABELS[subject] % {"name": organisation.name})
            for key, (subject, organisation) in self.pairs.items()
        ]
        today = timezone.localdate()
        self.fields["year"].choices = [
            (y, str(y)) for y in range(today.year, services.FIRST_YEAR - 1, -1)
        ]
        libraries = {o.pk for s, o in self.pairs.values() if s == Subject.MUNICIPALITY}
        self.fields["municipality"].queryset = (
            (
                Municipality.objects.filter(organisations__in=libraries)
                | Municipality.objects.filter(locations__organisation__in=libraries)
            )
            .distinct()
            .order_by("name")
        )

    def clean_owner(self):
        return self.pairs[self.cleaned_data["owner"]]


class TextForm(StaffFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Tekst"),
        required=False,
        max_length=services.MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Gewone tekst; een witregel begint een nieuwe alinea. Geen namen, e-mailadressen of "
            "telefoonnummers van personen: een gepubliceerde rapportage is openbaar."
        ),
    )
