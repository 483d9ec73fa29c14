from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.verification.models import SuggestionField

MAX_PROPOSED = 2000


class ChangeForm(forms.Form):
    """ "Dit moet anders": which part, and how it should be. The view checks the honeypot."""

    field = forms.ChoiceField(
        label=_("Wat klopt er niet?"),
        choices=SuggestionField.choices,
        widget=forms.RadioSelect(attrs={"class": "op-choice-list"}),
        error_messages={
            "required": _("Kies wat er niet klopt."),
            "invalid_choice": _("Kies wat er niet klopt."),
        },
    )
    proposed = forms.CharField(
        label=_("Hoe moet het zijn?"),
        help_text=_("Schrijf op wat er moet staan. Bijvoorbeeld: Op dinsdag van 10:00 tot 12:00."),
        max_length=MAX_PROPOSED,
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 5}
        ),
        error_messages={
            "required": _("Schrijf op hoe het moet zijn."),
            "max_length": _("Schrijf het korter: hooguit %(limit_value)d tekens."),
        },
    )

    honeypot_name = "website"

    def clean_proposed(self):
        value = self.cleaned_data["proposed"]
        # No control characters (NUL and the like) in what the library reads.
        value = "".join(c for c in value if c in "\n\t" or c.isprintable()).strip()
        if not value:
            raise forms.ValidationError(_("Schrijf op hoe het moet zijn."))
        return value


MAX_INTERVAL_MONTHS = 24


class IntervalForm(StaffFormMixin, forms.Form):
    """A team leader's choice: how often the contacts of the organisation's offers are asked."""

    interval_months = forms.IntegerField(
        label=_("Om de hoeveel maanden vragen we de contactpersonen?"),
        help_text=_("Van 1 tot en met %(max)s maanden. Standaard: 6.")
        % {"max": MAX_INTERVAL_MONTHS},
        min_value=1,
        max_value=MAX_INTERVAL_MONTHS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Vul een aantal maanden in."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Vul een aantal van 1 tot en met 24 in."),
            "max_value": _("Vul een aantal van 1 tot en met 24 in."),
        },
    )
