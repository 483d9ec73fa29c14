"""The HSDS import upload form (back office)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.importer import MAX_FILE_BYTES
from ontwikkelplein.organisations import scoping

MAX_MB = MAX_FILE_BYTES // 1024 // 1024


class ImportForm(StaffFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "HSDS 3.1 als JSON, of een zip-bestand met datapackage.json en CSV-bestanden, of "
            "de G!DS-export (CSV of Excel) met dezelfde kolommen. Hoogstens %(max)s MB."
        )
        % {"max": MAX_MB},
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".json,.zip,.csv,.xlsx,application/json,application/zip,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Importeren voor"),
        queryset=None,
        help_text=_("Al het aanbod en alle locaties uit het bestand komen bij deze organisatie."),
    )
    publish = forms.BooleanField(
        label=_("Actief aanbod meteen publiceren"),
        required=False,
        help_text=_(
            "Alleen als je voor deze organisatie mag publiceren. Anders wordt het een concept."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Alleen controleren, niets opslaan"),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = services.importable_organisations(user)
        if scoping.is_kb_admin(user):
            field.required = False
            field.empty_label = _("Volgens het bestand (nieuwe organisaties worden partners)")
            field.widget.attrs.pop("aria-required", None)
        else:
            field.empty_label = None
        self.fields["file"].widget.attrs.setdefault(
            "class", "utrecht-textbox utrecht-textbox--html-input"
        )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot: %(size)s MB. Het mag hoogstens %(max)s MB zijn."),
                params={"size": round(uploaded.size / 1024 / 1024, 1), "max": MAX_MB},
            )
        return uploaded
