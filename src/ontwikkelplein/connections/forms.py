"""The form of a planned action. It checks input; the service saves."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.connections.models import ConnectionAction
from ontwikkelplein.core.forms import StaffFormMixin, date_input

MAX_YEARS = 5


class ActionForm(StaffFormMixin, forms.ModelForm):
    class Meta:
        model = ConnectionAction
        fields = ["from_programme", "to_programme", "description", "owner", "due_on", "done"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "due_on": date_input(),
        }
        help_texts = {
            "description": _(
                "Bijvoorbeeld: 'Het IDO presenteren aan de teams van de dBos-scholen'."
            ),
        }

    def clean_description(self):
        return " ".join(self.cleaned_data["description"].split())

    def clean_owner(self):
        return " ".join(self.cleaned_data["owner"].split())

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        today = timezone.localdate()
        if abs((due_on - today).days) > MAX_YEARS * 366:
            raise forms.ValidationError(
                _("Kies een datum binnen %(years)s jaar van vandaag.") % {"years": MAX_YEARS}
            )
        return due_on

    def clean(self):
        data = super().clean()
        if data.get("from_programme") and data.get("from_programme") == data.get("to_programme"):
            self.add_error(
                "to_programme",
                _("Kies twee verschillende programma's: een verbinding heeft twee kanten."),
            )
        return data
