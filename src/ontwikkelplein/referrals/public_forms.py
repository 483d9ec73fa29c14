"""Forms of the public referral pages: the resident's "Ik wil hulp", the status look-up and the
partner link. Plain B1 Dutch; the services validate again (phone number, consent, lengths)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import person as person_details
from ontwikkelplein.referrals.models import (
    OUTCOMES_NEEDING_REASON,
    ContactPreference,
    Outcome,
    Status,
)

QUESTION_MAX = 1000
MOMENT_MAX = 200
# ?vraag=… prefills "Waar gaat het over?" (the wegwijzer carries its answers this way).
PREFILL_PARAM = "vraag"


def prefilled_question(params) -> str:
    """The question text a link brings along (?vraag=), cleaned: control characters and unpaired
    surrogates dropped, at most QUESTION_MAX characters. Only a suggestion: the person sees it
    in the field, may change it, and nothing is stored until they send the form."""
    value = params.get(PREFILL_PARAM, "")
    if not isinstance(value, str):
        return ""
    value = "".join(
        c
        for c in value
        if (c == "\n" or ord(c) >= 32) and ord(c) != 127 and not 0xD800 <= ord(c) <= 0xDFFF
    )
    return value.strip()[:QUESTION_MAX]


def consent_text(organisation_name: str) -> str:
    """The consent the resident gives, in the words shown; stored as it was shown."""
    days = int(getattr(settings, "REFERRAL_RETENTION_DAYS", 90))
    return gettext(
        "Ja, %(organisation)s mag mijn naam, mijn telefoonnummer of e-mailadres en mijn vraag "
        "gebruiken om contact met mij op te nemen. Alleen de mensen die mijn vraag behandelen, "
        "zien deze gegevens. %(days)s dagen nadat mijn vraag is afgerond, worden mijn gegevens "
        "gewist. Ik mag altijd vragen om mijn gegevens eerder te wissen."
    ) % {"organisation": organisation_name, "days": days}


class TextInput(forms.TextInput):
    def __init__(self, autocomplete="", **attrs):
        attrs = {"class": "utrecht-textbox utrecht-textbox--html-input", **attrs}
        if autocomplete:
            attrs["autocomplete"] = autocomplete
        super().__init__(attrs)


class HelpRequestForm(person_details.ResidentConsentForm):
    """The resident asks for help with one offer. The spam fields are checked by the view."""

    consent_text_for = staticmethod(consent_text)
    consent_required = _(
        "Zet een vinkje als je het goed vindt dat we je gegevens gebruiken. "
        "Zonder jouw toestemming kunnen we je niet helpen via dit formulier."
    )

    name = person_details.resident_name_field()
    contact_preference = forms.ChoiceField(
        label=_("Hoe nemen we contact met je op?"),
        choices=[
            (ContactPreference.PHONE, _("Bel me")),
            (ContactPreference.EMAIL, _("Mail me")),
        ],
        initial=ContactPreference.PHONE,
        widget=forms.RadioSelect(attrs={"class": "op-choice-list"}),
        error_messages={"required": _("Kies: bellen of mailen.")},
    )
    phone = person_details.resident_phone_field()
    email = person_details.resident_email_field()
    best_moment = forms.CharField(
        label=_("Wanneer kunnen we je het best bereiken?"),
        required=False,
        max_length=MOMENT_MAX,
        help_text=_("Bijvoorbeeld: dinsdagmiddag, of na 17 uur. Dit mag je leeg laten."),
        widget=TextInput(),
        error_messages={
            "max_length": _("Dit is te lang. Gebruik hoogstens %(limit_value)d tekens."),
        },
    )
    question = forms.CharField(
        label=_("Waar gaat het over?"),
        max_length=QUESTION_MAX,
        help_text=_("Schrijf in een paar zinnen waar je hulp bij wilt."),
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 4}
        ),
        error_messages={
            "required": _("Schrijf kort waar je hulp bij wilt."),
            "max_length": _(
                "Je tekst is te lang. Gebruik hoogstens %(limit_value)d tekens. "
                "Je kunt de rest vertellen als we contact met je hebben."
            ),
        },
    )

    def clean(self):
        data = super().clean()
        preference = data.get("contact_preference")
        missing_phone = not data.get("phone") and "phone" not in self.errors
        missing_email = not data.get("email") and "email" not in self.errors
        if preference == ContactPreference.PHONE and missing_phone:
            self.add_error("phone", _("Vul je telefoonnummer in, want je koos: bel me."))
        if preference == ContactPreference.EMAIL and missing_email:
            self.add_error("email", _("Vul je e-mailadres in, want je koos: mail me."))
        return data


class StatusLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Je code"),
        max_length=20,
        help_text=_(
            "Je vindt de code op de pagina die je zag na het versturen. Bijvoorbeeld: ABCD-2345."
        ),
        widget=TextInput(
            autocomplete="off", autocapitalize="characters", spellcheck="false", size="12"
        ),
        error_messages={
            "required": _("Vul je code in."),
            "max_length": _("We vinden deze code niet. Kijk of je hem goed hebt overgenomen."),
        },
    )


# Accepting (ontvangen) is its own button; closing is its own form.
PARTNER_STATUSES = [
    (Status.CONTACTED, _("Contact gelegd")),
    (Status.IN_PROGRESS, _("In behandeling")),
]


class PartnerStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=PARTNER_STATUSES,
        widget=forms.RadioSelect(attrs={"class": "op-choice-list"}),
        error_messages={"required": _("Kies een status.")},
    )


class PartnerCloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=Outcome.choices,
        widget=forms.RadioSelect(attrs={"class": "op-choice-list"}),
        error_messages={"required": _("Kies een uitkomst.")},
    )
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=1000,
        help_text=_("Nodig bij 'Past niet'. Schrijf geen persoonsgegevens op."),
        widget=forms.Textarea(
            attrs={"class": "utrecht-textarea utrecht-textarea--html-textarea", "rows": 3}
        ),
        error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")},
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") in OUTCOMES_NEEDING_REASON and not data.get("reason", "").strip():
            self.add_error("reason", _("Schrijf kort waarom het niet past."))
        return data
