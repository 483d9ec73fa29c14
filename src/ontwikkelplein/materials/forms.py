from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Taxonomy
from ontwikkelplein.core.forms import StaffFormMixin
from ontwikkelplein.materials import selectors
from ontwikkelplein.materials.models import Material

NATIONAL = "landelijk"


class MaterialForm(StaffFormMixin, forms.ModelForm):
    """A material of the national list or of one library (the `owner` choice: "landelijk" or
    an organisation the user may add to)."""

    owner = forms.ChoiceField(label=_("Op welke lijst"), widget=forms.RadioSelect)
    website = forms.URLField(
        label=_("Website van de aanbieder"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("De pagina over dit leermiddel, bijvoorbeeld oefenen.nl."),
    )

    class Meta:
        model = Material
        fields = [
            "name",
            "summary",
            "provider",
            "kind",
            "form",
            "themes",
            "target_groups",
            "levels",
            "cost",
            "cost_note",
            "website",
            "description",
            "is_active",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "levels": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    fieldsets = [
        (_("Wat is het"), ["name", "summary", "provider", "kind", "form", "owner"]),
        (_("Voor wie en welk niveau"), ["themes", "target_groups", "levels"]),
        (_("Kosten en licentie"), ["cost", "cost_note"]),
        (_("Meer"), ["website", "description", "is_active"]),
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if selectors.national_keeper(user):
            choices.append((NATIONAL, _("Landelijke lijst (voor alle bibliotheken)")))
        organisations = selectors.own_organisations_to_add(user).order_by("name")
        choices += [(str(o.pk), _("Alleen %(name)s") % {"name": o.name}) for o in organisations]
        if not self.instance._state.adding:
            # The list a material is on does not change (its page says which).
            del self.fields["owner"]
        else:
            if len(choices) == 1:
                self.initial["owner"] = choices[0][0]
            self.fields["owner"].choices = choices
        self.fields["themes"].queryset = selectors.terms(Taxonomy.THEME)
        self.fields["target_groups"].queryset = selectors.terms(Taxonomy.TARGET_GROUP)
        self.fields["levels"].queryset = selectors.terms(Taxonomy.LEVEL)

    def owner_organisation_id(self):
        owner = self.cleaned_data["owner"]
        return None if owner == NATIONAL else owner


class LinkForm(StaffFormMixin, forms.Form):
    """Which of the materials the user may choose an offer or a run uses."""

    materials = forms.ModelMultipleChoiceField(
        label=_("Leermiddelen"),
        queryset=Material.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies wat jullie hierbij gebruiken, bijv. Klik & Tik."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["materials"].queryset = selectors.choices_for(user)
