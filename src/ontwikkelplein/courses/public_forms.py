"""The resident's sign-up form for a course run: name, phone or e-mail (at least one) and consent.
Plain B1 Dutch; the services validate again (phone number, double sign-up, open sign-up period)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core import person as person_details
from ontwikkelplein.courses import spam

NAME_MAX = 100


def consent_text(organisation_name: str) -> str:
    """The consent the resident gives, in the words shown; stored as it was shown."""
    days = int(getattr(settings, "COURSE_RETENTION_DAYS", 365))
    return gettext(
        "Ja, %(organisation)s mag mijn naam, mijn telefoonnummer en mijn e-mailadres gebruiken "
        "voor deze cursus: om mij in te schrijven, mij te herinneren aan de bijeenkomsten en mij "
        "te laten weten als er een plek vrijkomt. Alleen de mensen die de cursus regelen of "
        "geven, zien deze gegevens. %(days)s dagen na de laatste bijeenkomst worden mijn gegevens "
        "gewist. Ik mag altijd vragen om mijn gegevens eerder te wissen."
    ) % {"organisation": organisation_name, "days": days}


class _TextInput(forms.TextInput):
    def __init__(self, **attrs):
        super().__init__({"class": "utrecht-textbox utrecht-textbox--html-input", **attrs})


class SignUpForm(forms.Form):
    """The spam fields (honeypot, timestamp) are checked by the view."""

    name = person_details.NameField(
        label=_("Je naam"),
        max_length=NAME_MAX,
        widget=_TextInput(autocomplete="name"),
        error_messages={
            "required": _("Vul je naam in."),
            "max_length": _("Je naam is te lang. Gebruik hoogstens %(limit_value)d tekens."),
        },
    )
    phone = person_details.PhoneField(
        label=_("Je telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Bijvoorbeeld 06 12345678."),
        widget=_TextInput(autocomplete="tel", type="tel", inputmode="tel"),
        error_messages={"max_length": _("Dit telefoonnummer is te lang.")},
    )
    email = person_details.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        max_length=254,
        help_text=_("Bijvoorbeeld naam@voorbeeld.nl. Dan krijg je een bevestiging per e-mail."),
        widget=forms.EmailInput(
            attrs={"class": "utrecht-textbox utrecht-textbox--html-input", "autocomplete": "email"}
        ),
        error_messages={
            "invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
    )
    consent = forms.BooleanField(
        label="",  # the consent text itself, set in __init__
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
        error_messages={
            "required": _(
                "Zet een vinkje als je het goed vindt dat we je gegevens gebruiken. "
                "Zonder jouw toestemming kun je je niet via dit formulier aanmelden."
            )
        },
    )

    def __init__(self, *args, organisation_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text(organisation_name)
        self.fields["consent"].label = self.consent_text

    def clean(self):
        data = super().clean()
        if (
            not data.get("phone")
            and not data.get("email")
            and "phone" not in self.errors
            and "email" not in self.errors
        ):
            self.add_error(
                "phone",
                _("Vul je telefoonnummer of je e-mailadres in. Dan kunnen we je bereiken."),
            )
        return data

    @property
    def honeypot_name(self) -> str:
        return spam.HONEYPOT_FIELD

    @property
    def started_name(self) -> str:
        return spam.STARTED_FIELD
