"""The KB's forms for the content of "Herkennen en doorverwijzen": one per kind of row. Text is
cleaned of control characters and surrounding space; a link must be a full https address."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.desk.models import CheckQuestion, HelpRoute, SelfTest, Signal
from ontwikkelplein.organisations.models import PartnerSector

# Control characters (tabs and line breaks included: every text here is one line) and the
# unpaired surrogates a browser can send but no database stores.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MAX_POSITION = 32767


def clean_line(value: str) -> str:
    return " ".join(_CONTROL.sub(" ", value or "").split())


class ContentForm(StaffFormMixin, forms.ModelForm):
    """What every content form does: one-line texts without control characters, a sane order."""

    text_fields: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        position = self.fields["position"]
        position.min_value = 0
        position.max_value = _MAX_POSITION
        position.widget.attrs.update({"min": 0, "max": _MAX_POSITION})
        position.error_messages.update(
            {
                "invalid": _("Vul een heel getal in."),
                "min_value": _("Vul 0 of hoger in."),
                "max_value": _("Vul een getal tot en met %(limit_value)s in."),
            }
        )
        for name in self.text_fields:
            self.fields[name].strip = True
            limit = self.fields[name].max_length
            if limit:
                self.fields[name].error_messages["max_length"] = _(
                    "Dit mag hoogstens %(limit_value)s tekens lang zijn (nu %(show_value)s)."
                )

    def clean(self):
        data = super().clean()
        for name in self.text_fields:
            if name in data and isinstance(data[name], str):
                data[name] = clean_line(data[name])
                if name in self.required_fields and not data[name]:
                    self.add_error(name, _("Vul dit in."))
        return data


class SignalForm(ContentForm):
    text_fields = ("text", "text_en")
    required_fields = ("text",)

    class Meta:
        model = Signal
        fields = ["group", "text", "text_en", "position", "is_active"]


class CheckQuestionForm(ContentForm):
    text_fields = ("text", "text_en", "hint", "hint_en")
    required_fields = ("text",)

    class Meta:
        model = CheckQuestion
        fields = ["text", "text_en", "hint", "hint_en", "position", "is_active"]


class ThemesField(forms.ModelMultipleChoiceField):
    """Any value that is not one of the listed themes (not even an id) gets one Dutch message."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except ValidationError as error:
            raise ValidationError(
                _("Kies een thema uit de lijst."), code="invalid_choice"
            ) from error


class HelpRouteForm(ContentForm):
    text_fields = ("title", "title_en", "listen_for", "listen_for_en", "colleague", "colleague_en")
    required_fields = ("title", "colleague")

    themes = ThemesField(
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        label=_("Thema's van het aanbod"),
        help_text=_("De knop ‘Aanbod in de buurt’ zoekt in de catalogus op deze thema's."),
        widget=forms.CheckboxSelectMultiple,
    )
    partner_sectors = forms.MultipleChoiceField(
        choices=PartnerSector.choices,
        required=False,
        label=_("Soorten partners"),
        help_text=_(
            "Partners van deze soorten in het werkgebied van de medewerker worden getoond."
        ),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = HelpRoute
        fields = [
            "title",
            "title_en",
            "listen_for",
            "listen_for_en",
            "colleague",
            "colleague_en",
            "colleague_role",
            "themes",
            "partner_sectors",
            "position",
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = TaxonomyTerm.objects.filter(
            taxonomy__slug=Taxonomy.THEME, is_active=True
        ).order_by("position", "name")
        self.fields["themes"].error_messages["invalid_choice"] = _("Kies een thema uit de lijst.")
        self.fields["themes"].error_messages["invalid_pk_value"] = _("Kies een thema uit de lijst.")
        self.fields["partner_sectors"].error_messages["invalid_choice"] = _(
            "Kies een soort partner uit de lijst."
        )
        self.fields["colleague_role"].error_messages["invalid_choice"] = _(
            "Kies een collega uit de lijst."
        )


class SelfTestForm(ContentForm):
    text_fields = ("name", "provider", "description", "description_en")
    required_fields = ("name", "provider")

    url = forms.URLField(label=_("adres (https)"), max_length=300, assume_scheme="https")

    class Meta:
        model = SelfTest
        fields = [
            "name",
            "provider",
            "url",
            "kind",
            "description",
            "description_en",
            "position",
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["url"].error_messages["invalid"] = _(
            "Vul een volledig webadres in, zoals https://oefenen.nl/."
        )
        self.fields["url"].help_text = _("Alleen een link: we nemen de test zelf nooit over.")
        self.fields["kind"].error_messages["invalid_choice"] = _("Kies een soort uit de lijst.")

    def clean_url(self):
        url = (self.cleaned_data.get("url") or "").strip()
        if _CONTROL.search(url) or not url.lower().startswith("https://"):
            raise ValidationError(
                _("Gebruik een beveiligd adres dat begint met https://."), code="https"
            )
        return url
