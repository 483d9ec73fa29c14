"""Forms of the library's network. They only check input; the services do the work."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.forms import StaffFormMixin, date_input
from ontwikkelplein.core.uploads import DocumentFileField
from ontwikkelplein.network.models import (
    ROLES,
    Agreement,
    ContactPerson,
    Contribution,
    Stakeholder,
)
from ontwikkelplein.organisations.models import Organisation, OrganisationKind

# The documents of an agreement: the signed agreement, appendices, a scan.
EXTENSIONS = (".pdf", ".docx", ".xlsx", ".odt", ".png", ".jpg", ".jpeg")
# A phone number as people write it: digits, spaces, +, -, ( and ); 10 to 15 digits.
_PHONE = re.compile(r"^\+?[\d\s().\-]+$")
_BAD_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _no_control_characters(value: str) -> str:
    if value and _BAD_CHARACTERS.search(value):
        raise forms.ValidationError(_("Deze tekst bevat een teken dat niet kan."))
    return value


def _date_in_range(form, name, value, *, years_back=30, years_ahead=20):
    if value is None:
        return
    today = timezone.localdate()
    if not (today.year - years_back <= value.year <= today.year + years_ahead):
        form.add_error(
            name,
            _("Kies een datum tussen %(first)s en %(last)s.")
            % {"first": today.year - years_back, "last": today.year + years_ahead},
        )


def _terms(slug):
    return TaxonomyTerm.objects.filter(taxonomy__slug=slug, is_active=True).order_by(
        "position", "name"
    )


class CleanTextMixin:
    text_fields: tuple = ()

    def clean(self):
        data = super().clean()
        for name in self.text_fields:
            value = data.get(name)
            if isinstance(value, str):
                try:
                    _no_control_characters(value)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data


class StakeholderForm(CleanTextMixin, StaffFormMixin, forms.ModelForm):
    text_fields = ("name", "next_step", "their_gain", "our_gain", "notes")
    roles = forms.MultipleChoiceField(
        label=_("Rollen voor de bibliotheek"),
        choices=[(code, label) for code, _f, label in ROLES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Wat doet deze partner voor of met de bibliotheek?"),
    )

    class Meta:
        model = Stakeholder
        fields = [
            "partner",
            "name",
            "kind",
            "themes",
            "target_groups",
            "stage",
            "next_step",
            "next_step_on",
            "strength",
            "fit",
            "added_value",
            "feasibility",
            "their_gain",
            "our_gain",
            "notes",
            "ended_on",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "next_step_on": date_input(),
            "ended_on": date_input(),
            "their_gain": forms.Textarea(attrs={"rows": 3}),
            "our_gain": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "fit": forms.RadioSelect,
            "added_value": forms.RadioSelect,
            "feasibility": forms.RadioSelect,
            "strength": forms.RadioSelect,
        }
        help_texts = {
            "partner": _(
                "Staat de organisatie al op het platform? Kies haar dan: het platform telt dan "
                "de doorverwijzingen, uitvoeringen en aanbod die jullie samen hebben."
            ),
            "name": _("Leeg laten bij een organisatie op het platform: dan geldt haar naam."),
            "next_step": _("Bijvoorbeeld: kennismakingsgesprek met de teamleider wijkteam."),
            "strength": _(
                "Hoe sterk is de band volgens jullie? Het platform zet er de echte "
                "activiteit naast."
            ),
            "fit": _("Past de partner bij de missie en de doelgroepen van de bibliotheek?"),
            "added_value": _("Wat voegt de samenwerking toe aan wat jullie al doen?"),
            "feasibility": _("Is de samenwerking met de tijd en middelen die er zijn te doen?"),
            "their_gain": _("'What's in it for them': het antwoord voor de partner."),
            "our_gain": _("'What's in it for me': het antwoord voor de bibliotheek."),
        }

    fieldsets = [
        (_("Wie"), ["partner", "name", "kind"]),
        (_("Wat de partner doet en bereikt"), ["roles", "themes", "target_groups"]),
        (_("De relatie"), ["stage", "next_step", "next_step_on", "strength", "ended_on"]),
        (
            _("Afweging"),
            ["fit", "added_value", "feasibility", "their_gain", "our_gain", "notes"],
        ),
    ]

    def __init__(self, *args, library, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        # The partner organisations on the platform (a municipality, welfare, a school ...).
        self.fields["partner"].queryset = Organisation.objects.filter(
            kind=OrganisationKind.PARTNER
        ).order_by("name")
        self.fields["partner"].required = False
        self.fields["name"].required = False
        self.fields["themes"].queryset = _terms(Taxonomy.THEME)
        self.fields["target_groups"].queryset = _terms(Taxonomy.TARGET_GROUP)
        for name in ("fit", "added_value", "feasibility", "strength"):
            self.fields[name].choices = [
                ("", _("Nog niet ingeschat")),
                *self.fields[name].choices[1:],
            ]
        for name in ("their_gain", "our_gain", "notes"):
            self.fields[name].max_length = 5000
            self.fields[name].widget.attrs["maxlength"] = 5000
        if self.instance.pk:
            self.initial.setdefault("roles", self.instance.role_codes())

    def clean(self):
        data = super().clean()
        partner, name = data.get("partner"), (data.get("name") or "").strip()
        if not partner and not name and "name" not in self.errors:
            self.add_error("name", _("Vul een naam in, of kies een organisatie op het platform."))
        if partner:
            taken = Stakeholder.objects.filter(organisation=self.library, partner=partner)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("partner", _("Deze organisatie staat al in jullie netwerk."))
        data["name"] = name
        _date_in_range(self, "next_step_on", data.get("next_step_on"))
        _date_in_range(self, "ended_on", data.get("ended_on"))
        return data


class ContactForm(CleanTextMixin, StaffFormMixin, forms.ModelForm):
    text_fields = ("name", "role")

    class Meta:
        model = ContactPerson
        fields = ["name", "role", "email", "phone"]
        help_texts = {
            "name": _("Alleen wat nodig is: een naam en wat iemand doet."),
            "email": _("Niet verplicht. Alleen een werkadres."),
            "phone": _("Niet verplicht. Alleen een werknummer."),
        }

    def clean_phone(self):
        phone = (self.cleaned_data.get("phone") or "").strip()
        if not phone:
            return ""
        digits = re.sub(r"\D", "", phone)
        if not _PHONE.match(phone) or not 10 <= len(digits) <= 15:
            raise forms.ValidationError(
                _("Vul een telefoonnummer in met 10 tot 15 cijfers, zoals 033 123 45 67.")
            )
        return phone


class AgreementForm(CleanTextMixin, StaffFormMixin, forms.ModelForm):
    text_fields = ("title", "library_gives_note", "partner_gives_note")
    library_gives = forms.MultipleChoiceField(
        label=_("De bibliotheek brengt in"),
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partner_gives = forms.MultipleChoiceField(
        label=_("De partner brengt in"),
        choices=Contribution.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "starts_on",
            "ends_on",
            "evaluation_on",
            "library_gives",
            "library_gives_note",
            "partner_gives",
            "partner_gives_note",
        ]
        widgets = {
            "starts_on": date_input(),
            "ends_on": date_input(),
            "evaluation_on": date_input(),
            "library_gives_note": forms.Textarea(attrs={"rows": 3}),
            "partner_gives_note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "ends_on": _(
                "Drie maanden voor deze datum krijgen de specialisten en teamleiders een melding."
            ),
            "evaluation_on": _("Op deze datum krijgen zij een melding om te evalueren."),
        }

    fieldsets = [
        (_("De afspraak"), ["kind", "title", "starts_on", "ends_on", "evaluation_on"]),
        (_("Wat de bibliotheek inbrengt"), ["library_gives", "library_gives_note"]),
        (_("Wat de partner inbrengt"), ["partner_gives", "partner_gives_note"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("library_gives_note", "partner_gives_note"):
            self.fields[name].max_length = 5000
            self.fields[name].widget.attrs["maxlength"] = 5000

    def clean(self):
        data = super().clean()
        for name in ("starts_on", "ends_on", "evaluation_on"):
            _date_in_range(self, name, data.get(name))
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts and "ends_on" not in self.errors:
            self.add_error("ends_on", _("De einddatum ligt voor de ingangsdatum."))
        return data


class DocumentForm(StaffFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel van het document"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Getekende samenwerkingsovereenkomst 2026."),
    )
    file = DocumentFileField(
        label=_("Bestand"),
        extensions=EXTENSIONS,
        help_text=_("PDF, Word, Excel, OpenDocument, PNG of JPEG; hoogstens %(max)s MB."),
        wrong_kind=_(
            "Dit soort bestand kan niet. Kies een PDF, Word, Excel, OpenDocument, PNG of JPEG."
        ),
    )

    def clean_title(self):
        return _no_control_characters(self.cleaned_data["title"].strip())
