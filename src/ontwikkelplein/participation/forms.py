from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin, date_input
from ontwikkelplein.participation.models import Participation
from ontwikkelplein.places.models import Municipality


class ParticipationForm(StaffFormMixin, forms.ModelForm):
    """A participation of one library; its locations are the library's own, the SPUK
    municipality one it serves."""

    class Meta:
        model = Participation
        fields = [
            "scheme",
            "status",
            "started_on",
            "ends_on",
            "locations",
            "municipality",
            "certification_step",
            "amount",
            "accounting_due_on",
            "note",
        ]
        widgets = {
            "started_on": date_input(),
            "ends_on": date_input(),
            "accounting_due_on": date_input(),
            "locations": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "locations": _("Bij het IDO: op welke locaties het IDO is."),
            "municipality": _("Bij het IDO: de gemeente die de SPUK-uitkering aanvroeg."),
            "certification_step": _("Bij het Taalhuis: waar de certificering staat."),
            "amount": _("Bij een subsidie."),
            "accounting_due_on": _(
                "Bij een subsidie. De teamleiders en de POI krijgen een melding 30 dagen ervoor."
            ),
        }

    fieldsets = [
        (_("Deelname"), ["scheme", "status", "started_on", "ends_on"]),
        (_("IDO en Taalhuis"), ["locations", "municipality", "certification_step"]),
        (_("Subsidie"), ["amount", "accounting_due_on"]),
        (_("Toelichting"), ["note"]),
    ]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["locations"].queryset = organisation.locations.order_by("name")
        served = organisation.municipalities.all()
        self.fields["municipality"].queryset = (
            served if served.exists() else Municipality.objects.all()
        ).order_by("name")
        self.fields["amount"].localize = True
        self.fields["amount"].widget.is_localized = True

    def clean(self):
        data = super().clean()
        started, ends = data.get("started_on"), data.get("ends_on")
        if started and ends and ends < started:
            self.add_error("ends_on", _("Deze datum ligt voor de startdatum."))
        amount = data.get("amount")
        if amount is not None and amount < 0:
            self.add_error("amount", _("Vul 0 of meer in."))
        return data


class ProposalForm(StaffFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Wat moet er anders in het register?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: 'Ons Taalhuis is op 3 maart 2026 gecertificeerd.'"),
    )
