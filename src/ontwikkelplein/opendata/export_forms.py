"""The form of the export page (opendata.views.exports)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.opendata.selectors import ALL, REGION, ExportScope

FORMAT_CHOICES = [
    ("xlsx", _("Excel (.xlsx): één regel per aanbod per plek")),
    ("csv", _("CSV (.csv, met puntkomma's): één regel per aanbod per plek")),
    ("json", _("HSDS JSON (.json): voor andere systemen")),
    ("datapackage", _("HSDS-datapakket (.zip met CSV-bestanden): voor andere systemen")),
]


class ExportForm(StaffFormMixin, forms.Form):
    scope = forms.ChoiceField(
        label=_("Aanbod van"),
        help_text=_("Alleen gepubliceerd aanbod dat nog niet is afgelopen."),
        error_messages={"invalid_choice": _("Kies aanbod dat je mag downloaden.")},
    )
    format = forms.ChoiceField(
        label=_("Bestandsformaat"),
        choices=FORMAT_CHOICES,
        initial="xlsx",
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Kies een bestandsformaat uit de lijst."),
        },
    )

    def __init__(self, *args, scope: ExportScope, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if scope.everything:
            choices.append((ALL, _("De hele catalogus (alle organisaties)")))
        if scope.region:
            choices.append((REGION, _("Mijn regio (alle organisaties in het werkgebied)")))
        choices += [(str(o.pk), o.name) for o in scope.organisations]
        self.fields["scope"].choices = choices
        if len(choices) == 1:
            self.fields["scope"].initial = choices[0][0]
