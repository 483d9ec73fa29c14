"""One check of a person's details (name, e-mail address, Dutch phone number) for every app that
stores them: referrals, courses and anything later.

Each check is a function that returns the cleaned value or raises a ValidationError with a
Dutch message, so services (which validate again whatever the form or API said) and form fields
share it. The form fields below use the same functions.

Phone numbers are read with the `phonenumbers` library (region NL), so people may write them as
they are used to: 06-12345678, +31 6 1234 5678, 0031 6 12345678, (020) 123 45 67, +31 (0)20
1234567. A resident's contact number must be a number someone can call back: mobile, fixed and
internet (085/084/087) lines are accepted; service numbers (0800, 0900, 0906, 0909), company and
municipal numbers (088, 14 0xx), 112 and foreign numbers are refused with a clear message.
Numbers are stored as national digits starting with 0 ("0612345678", "0201234567"), the format
the referral and course tables have always held, so existing rows stay readable and a double
sign-up with the same number is still found by an exact match.
"""

import unicodedata

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneNumberType

from ontwikkelplein.core import spam

NAME_MAX_LENGTH = 100
EMAIL_MAX_LENGTH = 254
# Longer than any written phone number; phonenumbers itself refuses input over 250 characters.
PHONE_MAX_LENGTH = 30

CALLABLE_TYPES = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.VOIP,
}
# Characters people put between the digits of a phone number.
PHONE_PUNCTUATION = set(" +-.()/\u00a0\u2010\u2011\u2012\u2013\u2014")
EMERGENCY_NUMBERS = {"112", "911", "999"}

NAME_REQUIRED = _("Vul een naam in.")
NAME_TOO_LONG = _("Deze naam is te lang: gebruik hoogstens %(max)s tekens.")
NAME_WITHOUT_LETTERS = _("Vul een naam in met letters.")
EMAIL_INVALID = _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")
EMAIL_TOO_LONG = _("Dit e-mailadres is te lang.")
PHONE_INVALID = _("Vul een Nederlands telefoonnummer in, zoals 06 12345678 of 030 1234567.")
PHONE_NOT_CALLABLE = _(
    "Vul een nummer in waarop we kunnen terugbellen: een mobiel of vast nummer. "
    "Een 0800- of 0900-nummer, een bedrijfsnummer of 112 kan niet."
)
PHONE_TOO_LONG = _("Dit telefoonnummer is te lang.")
TEXT_WITH_CONTROL_CHARACTERS = _("Deze tekst bevat tekens die we niet kunnen opslaan.")


def _has_control_characters(text: str) -> bool:
    """Control, unassigned and surrogate characters (NUL among them): a database cannot store
    some of them and none belongs in a name."""
    return any(unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"} for char in text)


def clean_name(value, *, required: bool = True, max_length: int = NAME_MAX_LENGTH) -> str:
    """A person's name with its spaces tidied; "" when not required and empty."""
    name = " ".join(str(value or "").split())
    if not name:
        if required:
            raise ValidationError(NAME_REQUIRED, code="required")
        return ""
    if _has_control_characters(name):
        raise ValidationError(TEXT_WITH_CONTROL_CHARACTERS, code="invalid")
    if len(name) > max_length:
        raise ValidationError(NAME_TOO_LONG, code="max_length", params={"max": max_length})
    if not any(char.isalpha() for char in name):
        raise ValidationError(NAME_WITHOUT_LETTERS, code="invalid")
    return name


def clean_email(value) -> str:
    """An e-mail address as typed, without surrounding spaces; "" when empty."""
    email = str(value or "").strip()
    if not email:
        return ""
    if len(email) > EMAIL_MAX_LENGTH:
        raise ValidationError(EMAIL_TOO_LONG, code="max_length")
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(EMAIL_INVALID, code="invalid") from None
    return email


def clean_phone(value) -> str:
    """A Dutch phone number someone can call back, as national digits ("0612345678");
    "" when empty."""
    raw = str(value or "").strip()
    if not raw:
        return ""
    if len(raw) > PHONE_MAX_LENGTH:
        raise ValidationError(PHONE_TOO_LONG, code="max_length")
    # Only digits and the usual punctuation: phonenumbers would read letters as a vanity
    # number ("0800-BIBLIO") and text after the number as an extension.
    if not all(char.isdigit() or char in PHONE_PUNCTUATION for char in raw):
        raise ValidationError(PHONE_INVALID, code="invalid")
    digits = "".join(str(unicodedata.digit(char)) for char in raw if char.isdigit())
    if digits in EMERGENCY_NUMBERS:
        raise ValidationError(PHONE_NOT_CALLABLE, code="not_callable")
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        raise ValidationError(PHONE_INVALID, code="invalid") from None
    if number.country_code != 31 or not phonenumbers.is_valid_number(number):
        raise ValidationError(PHONE_INVALID, code="invalid")
    if phonenumbers.number_type(number) not in CALLABLE_TYPES:
        raise ValidationError(PHONE_NOT_CALLABLE, code="not_callable")
    return "0" + phonenumbers.national_significant_number(number)


def format_phone(stored: str) -> str:
    """A stored number the way people read it ("06 12345678", "020 123 4567"); anything that
    does not parse (older rows) comes back unchanged."""
    try:
        number = phonenumbers.parse(stored or "", "NL")
    except phonenumbers.NumberParseException:
        return stored or ""
    if not phonenumbers.is_valid_number(number):
        return stored or ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


# ---------------------------------------------------------------------------------------------
# Form fields: each cleans with the function above, so a form and the service agree.


class _CleanedCharField(forms.CharField):
    cleaner = None

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        try:
            return self.cleaner(value)
        except ValidationError as error:
            # A form may word a refusal its own way (error_messages={"invalid": ...}).
            if error.code in self.error_messages:
                raise ValidationError(self.error_messages[error.code], code=error.code) from None
            raise


class NameField(_CleanedCharField):
    def __init__(self, *, max_length: int = NAME_MAX_LENGTH, **kwargs):
        self.name_max_length = max_length
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault(
            "max_length", _("Deze naam is te lang: gebruik hoogstens %(limit_value)d tekens.")
        )
        super().__init__(max_length=max_length, **kwargs)

    def cleaner(self, value):
        return clean_name(value, required=False, max_length=self.name_max_length)


class TelInput(forms.TextInput):
    input_type = "tel"


class PhoneField(_CleanedCharField):
    """A Dutch phone number; cleans to national digits ("0612345678")."""

    cleaner = staticmethod(clean_phone)
    widget = TelInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", PHONE_MAX_LENGTH)
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("max_length", PHONE_TOO_LONG)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["inputmode"] = "tel"
        return attrs


class EmailField(_CleanedCharField):
    """An e-mail address, checked like the services check it."""

    cleaner = staticmethod(clean_email)
    widget = forms.EmailInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("max_length", EMAIL_TOO_LONG)
        super().__init__(**kwargs)


# ---------------------------------------------------------------------------------------------
# The resident's own details on the public forms (help request, course sign-up): one wording in
# plain B1 Dutch ("je"), the widgets with the autocomplete hints phones fill in.

_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def resident_name_field(**kwargs) -> NameField:
    return NameField(
        label=_("Je naam"),
        widget=forms.TextInput(attrs={"class": _TEXTBOX, "autocomplete": "name"}),
        error_messages={
            "required": _("Vul je naam in."),
            "max_length": _("Je naam is te lang. Gebruik hoogstens %(limit_value)d tekens."),
        },
        **kwargs,
    )


def resident_phone_field(**kwargs) -> PhoneField:
    kwargs.setdefault("help_text", _("Bijvoorbeeld 06 12345678."))
    return PhoneField(
        label=_("Je telefoonnummer"),
        required=False,
        widget=TelInput(attrs={"class": _TEXTBOX, "autocomplete": "tel"}),
        **kwargs,
    )


def resident_email_field(**kwargs) -> EmailField:
    kwargs.setdefault("help_text", _("Bijvoorbeeld naam@voorbeeld.nl."))
    return EmailField(
        label=_("Je e-mailadres"),
        required=False,
        widget=forms.EmailInput(attrs={"class": _TEXTBOX, "autocomplete": "email"}),
        error_messages={
            "invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
        **kwargs,
    )


class ResidentConsentForm(forms.Form):
    """A resident's public form that ends with their consent (core/forms/_public_form_end.html):
    the checkbox's label is the consent text itself, made for the organisation by the subclass's
    `consent_text_for` and kept as `consent_text`, to store as it was shown. `consent_required`
    is the message when the box is not ticked. The spam guard's fields (core/spam.py) are checked
    by the view; the template reads their names here."""

    consent_text_for = None  # (organisation name) -> the consent text, a staticmethod
    consent_required = ""
    honeypot_name = spam.HONEYPOT_FIELD
    started_name = spam.STARTED_FIELD

    def __init__(self, *args, organisation_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = self.consent_text_for(organisation_name)
        self.fields["consent"] = forms.BooleanField(
            label=self.consent_text,
            widget=forms.CheckboxInput(
                attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
            ),
            error_messages={"required": self.consent_required},
        )
