"""Forms of the quality framework. They only check input; the services do the work."""

import datetime
import os

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.forms import StaffFormMixin, date_input
from ontwikkelplein.quality.models import NormAnswer, Score, SelfEvaluation

MAX_FILE_MB = 10
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
# The types a Taalhuis attaches (plans, agreements, reports, a photo of a signed page), with the
# first bytes each must start with: the type comes from what the file is, not from its name.
FILE_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (b"PK\x03\x04",),
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}
ACCEPT = ",".join(FILE_TYPES)


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
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, PNG of JPEG; hoogstens %(max)s MB."
        )
        % {"max": MAX_FILE_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if "\x00" in title:
            raise forms.ValidationError(_("Deze titel bevat een teken dat niet kan."))
        return title

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name or "")[1].lower()
        if extension not in FILE_TYPES:
            raise forms.ValidationError(
                _(
                    "Dit soort bestand kan niet. Kies een PDF, Word, Excel, PowerPoint, "
                    "OpenDocument, PNG of JPEG."
                )
            )
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is groter dan %(max)s MB.") % {"max": MAX_FILE_MB}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("Dit bestand is leeg."))
        content_type, starts = FILE_TYPES[extension]
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(start) for start in starts):
            raise forms.ValidationError(
                _("Dit bestand is geen echte %(ext)s. Sla het opnieuw op en probeer het nog eens.")
                % {"ext": extension.lstrip(".").upper()}
            )
        upload.checked_content_type = content_type
        upload.checked_extension = extension
        return upload


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
