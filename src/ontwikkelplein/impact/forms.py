"""Forms of the impact app. Thin: the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.impact.models import ItemKind, Question, QuestionSet, Value
from ontwikkelplein.impact.services import MAX_CARDS, normalise_code

TEXT = {"class": "utrecht-textbox utrecht-textbox--html-input"}
SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEXTAREA = {"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 5}

# The words of the three-point scale per kind of item (B1).
ANSWER_WORDS = {
    ItemKind.SKILL: [
        (Value.YES, _("Ik kan dit zelf")),
        (Value.PARTLY, _("Met een beetje hulp")),
        (Value.NO, _("Nog niet")),
    ],
    ItemKind.ATTITUDE: [
        (Value.YES, _("Ja")),
        (Value.PARTLY, _("Een beetje")),
        (Value.NO, _("Nee")),
    ],
    ItemKind.SATISFACTION: [
        (Value.YES, _("Ja")),
        (Value.PARTLY, _("Een beetje")),
        (Value.NO, _("Nee")),
    ],
}


def answer_choices(kind: str):
    return ANSWER_WORDS[ItemKind(kind)]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code van je kaart"),
        max_length=20,
        help_text=_("De code staat op je kaart, bijvoorbeeld ABCD-EFGH-JKMN."),
        widget=forms.TextInput(
            attrs={**TEXT, "autocomplete": "off", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not normalise_code(code):
            # Only dashes, dots or spaces: nothing to look up.
            raise forms.ValidationError(
                _("Typ de letters en cijfers van de code op je kaart."), code="no_letters"
            )
        return code


class QuestionnaireForm(forms.Form):
    """One radio group per question; all on one short page."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[(int(v), label) for v, label in answer_choices(question.kind)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies een antwoord.")},
            )

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}

    def grouped(self):
        """The bound fields per kind, in the order skills, attitude, satisfaction."""
        groups = []
        for kind in ItemKind:
            fields = [self[f"q{q.pk}"] for q in self.questions if q.kind == kind]
            if fields:
                groups.append((kind, fields))
        return groups


class MeasurementForm(forms.Form):
    before_set = forms.ModelChoiceField(
        # A short after-only list (QuestionSet.after_only) cannot be asked before the course.
        QuestionSet.objects.filter(active=True, after_only=False),
        required=False,
        label=_("Vragenlijst voor de cursus"),
        empty_label=_("Geen vragenlijst vooraf"),
        widget=forms.Select(attrs=SELECT),
    )
    after_set = forms.ModelChoiceField(
        QuestionSet.objects.filter(active=True),
        required=False,
        label=_("Vragenlijst na de cursus"),
        empty_label=_("Geen vragenlijst achteraf"),
        widget=forms.Select(attrs=SELECT),
    )


class CardsForm(forms.Form):
    count = forms.IntegerField(
        label=_("Aantal kaarten"),
        min_value=1,
        max_value=MAX_CARDS,
        initial=8,
        widget=forms.NumberInput(attrs=TEXT),
        help_text=_("Eén kaart per deelnemer. Maak er een paar extra."),
        error_messages={
            "min_value": _("Kies minstens 1 kaart."),
            "max_value": _("Kies hoogstens %(limit_value)s kaarten."),
            "required": _("Vul een aantal in."),
            "invalid": _("Vul een heel getal in."),
        },
    )


class StoryForm(forms.Form):
    text = forms.CharField(
        label=_("Verhaal"),
        max_length=1500,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_(
            "Wat betekende de cursus voor iemand? Schrijf geen naam, adres, telefoonnummer of "
            "andere gegevens waaraan je de persoon herkent."
        ),
        error_messages={"required": _("Schrijf het verhaal op.")},
    )
    consent = forms.BooleanField(
        label=_("De deelnemer vindt het goed dat we dit verhaal bewaren en delen, zonder naam."),
        error_messages={"required": _("Vraag eerst toestemming en vink dit aan.")},
    )


class QuestionSetForm(forms.ModelForm):
    class Meta:
        model = QuestionSet
        fields = ["name", "introduction", "after_only", "active"]
        widgets = {
            "name": forms.TextInput(attrs=TEXT),
            "introduction": forms.Textarea(attrs=TEXTAREA),
        }


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "kind", "order", "after_only", "active"]
        widgets = {
            "text": forms.TextInput(attrs=TEXT),
            "kind": forms.Select(attrs=SELECT),
            "order": forms.NumberInput(attrs=TEXT),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new, empty row is simply skipped; an existing question keeps its text.
        self.fields["text"].required = False
        self.fields["kind"].required = False

    def clean(self):
        data = super().clean()
        if self.instance.pk and not data.get("text"):
            self.add_error("text", _("Een vraag mag niet leeg zijn. Zet hem liever uit."))
        if data.get("text") and not data.get("kind"):
            self.add_error("kind", _("Kies de soort vraag."))
        return data


QuestionFormSet = forms.modelformset_factory(Question, form=QuestionForm, extra=2, can_delete=False)
