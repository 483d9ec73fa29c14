"""The KB's forms for the wegwijzer's questions and answers (back office)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.core.translations import add_form_fields, translation_form_fields
from ontwikkelplein.wayfinder.reference_data import ICONS

ICON_CHOICES = [("", _("(geen)"))] + [(name, name) for name in ICONS]


def _terms(slug):
    return TaxonomyTerm.objects.filter(taxonomy__slug=slug, is_active=True).order_by(
        "position", "name"
    )


class TermChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, term):
        return f"{term.name} ({term.code})"


class QuestionForm(StaffFormMixin, forms.Form):
    text = forms.CharField(label=_("Vraag (B1)"), max_length=200)
    text_en = forms.CharField(label=_("Vraag (Engels)"), max_length=200, required=False)
    referrer_text = forms.CharField(
        label=_("Vraag voor de verwijzer"),
        max_length=200,
        help_text=_("Zo leest een baliemedewerker of partner de vraag."),
    )
    referrer_text_en = forms.CharField(
        label=_("Vraag voor de verwijzer (Engels)"), max_length=200, required=False
    )
    help_text = forms.CharField(label=_("Uitleg (B1)"), max_length=300, required=False)
    help_text_en = forms.CharField(label=_("Uitleg (Engels)"), max_length=300, required=False)
    # After the English texts: the question and its explanation in the other resident languages
    # (text_ar ... help_text_pl), added below.
    icon = forms.ChoiceField(label=_("Pictogram"), choices=ICON_CHOICES, required=False)
    order = forms.IntegerField(
        label=_("Volgorde"),
        min_value=0,
        max_value=100,
        help_text=_("Lagere nummers komen eerst. De vraag naar de plaats blijft de laatste."),
    )


add_form_fields(
    QuestionForm,
    {
        **translation_form_fields("text", _("Vraag"), 200),
        **translation_form_fields("help_text", _("Uitleg"), 300),
    },
    after="help_text_en",
)


class AnswerForm(StaffFormMixin, forms.Form):
    label = forms.CharField(label=_("Antwoord (B1)"), max_length=120)
    label_en = forms.CharField(label=_("Antwoord (Engels)"), max_length=120, required=False)
    key = forms.SlugField(
        label=_("Code in het webadres"),
        max_length=40,
        help_text=_("Kort, zoals 'lezen'. Kleine letters, cijfers en -."),
        error_messages={"invalid": _("Gebruik alleen kleine letters, cijfers en -.")},
    )
    icon = forms.ChoiceField(label=_("Pictogram"), choices=ICON_CHOICES, required=False)
    order = forms.IntegerField(label=_("Volgorde"), min_value=0, max_value=100)
    themes = TermChoices(
        label=_("Thema's"),
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        help_text=_("Het aanbod moet over een van deze thema's gaan."),
    )
    target_groups = TermChoices(
        label=_("Doelgroepen"),
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        help_text=_("Liefst aanbod voor een van deze doelgroepen."),
    )
    offer_types = TermChoices(
        label=_("Soorten aanbod"),
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        help_text=_("Liefst aanbod van een van deze soorten."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _terms(Taxonomy.THEME)
        self.fields["target_groups"].queryset = _terms(Taxonomy.TARGET_GROUP)
        self.fields["offer_types"].queryset = _terms(Taxonomy.OFFER_TYPE)

    def clean_key(self):
        return self.cleaned_data["key"].lower()


add_form_fields(AnswerForm, translation_form_fields("label", _("Antwoord"), 120), after="label_en")
