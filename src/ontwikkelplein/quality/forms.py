"""Forms of the quality framework. They only check input; the services do the work."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin, date_input
from ontwikkelplein.core.uploads import DocumentFileField
from ontwikkelplein.quality.models import NormAnswer, Score, SelfEvaluation

# The types a Taalhuis attaches: plans, agreements, reports, a photo of a signed page.
EXTENSIONS = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".png", ".jpg", ".jpeg")


class AnswerForm(StaffFormMixin, forms.ModelForm):
    class Meta:
        model = NormAnswer
        fields = ["score", "text"]
        widgets = {
            "score": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "score": _("Hoe staat het Taalhuis er bij deze norm voor, volgens jullie zelf?"),
            "text": _(
                "Wat doet het Taalhuis, wat gaat goed en wat wil het verbeteren? De auditor leest "
                "dit samen met de cijfers van het platform."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].required = False
        self.fields["score"].choices = [("", _("Nog niet ingevuld")), *Score.choices]
        self.fields["text"].max_length = 20000
        self.fields["text"].widget.attrs["maxlength"] = 20000


class AttachmentForm(StaffFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel van het document"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Samenwerkingsovereenkomst Taalhuis 2026."),
    )
    file = DocumentFileField(
        label=_("Bestand"),
        extensions=EXTENSIONS,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, PNG of JPEG; hoogstens %(max)s MB."
        ),
        wrong_kind=_(
            "Dit soort bestand kan niet. Kies een PDF, Word, Excel, PowerPoint, OpenDocument, "
            "PNG of JPEG."
        ),
    )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if "\x00" in title:
            raise forms.ValidationError(_("Deze titel bevat een teken dat niet kan."))
        return title


class StepsForm(StaffFormMixin, forms.ModelForm):
    """The dates of the certification's steps, each on or after the one before."""

    class Meta:
        model = SelfEvaluation
        fields = [
            "year",
            "intake_on",
            "self_evaluation_on",
            "audit_on",
            "report_on",
            "certified_on",
            "valid_until",
            "auditor",
        ]
        widgets = {
            name: date_input()
            for name in (
                "intake_on",
                "self_evaluation_on",
                "audit_on",
                "report_on",
                "certified_on",
                "valid_until",
            )
        }
        help_texts = {
            "intake_on": _("Een datum in de toekomst is gepland."),
        }

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Cijfers over het jaar"),
            coerce=int,
            choices=[(y, str(y)) for y in years],
            help_text=_("Het jaar waarover het platform de cijfers bij de normen invult."),
        )
        if self.instance.year:
            self.initial.setdefault("year", self.instance.year)

    def clean(self):
        data = super().clean()
        order = ["intake_on", "self_evaluation_on", "audit_on", "report_on", "certified_on"]
        previous = None
        for name in order:
            day = data.get(name)
            if day is None:
                continue
            if day.year < 2000 or day > timezone.localdate() + datetime.timedelta(days=3 * 366):
                self.add_error(name, _("Kies een datum tussen 2000 en drie jaar vanaf nu."))
                continue
            if previous is not None and day < previous:
                self.add_error(name, _("Deze stap kan niet eerder zijn dan de stap ervoor."))
            previous = day
        until, certified = data.get("valid_until"), data.get("certified_on")
        if until and not certified:
            self.add_error("valid_until", _("Vul eerst de datum van het certificaat in."))
        elif until and certified and until <= certified:
            self.add_error(
                "valid_until", _("Deze datum ligt niet na de datum van het certificaat.")
            )
        return data
