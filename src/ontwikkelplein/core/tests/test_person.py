"""One check of names, e-mail addresses and Dutch phone numbers (core/person.py)."""

import phonenumbers
import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelplein.core import person

DUTCH_MESSAGES = {
    str(message)
    for message in (
        person.PHONE_INVALID,
        person.PHONE_NOT_CALLABLE,
        person.PHONE_TOO_LONG,
    )
}


@pytest.mark.parametrize(
    "raw, stored",
    [
        ("06-12345678", "0612345678"),
        ("06 12 34 56 78", "0612345678"),
        ("+31 6 1234 5678", "0612345678"),
        ("+31 (0)6 12345678", "0612345678"),
        ("+310612345678", "0612345678"),
        ("0031612345678", "0612345678"),
        ("0031 (0)6 12345678", "0612345678"),
        ("020-1234567", "0201234567"),
        ("(020) 123 45 67", "0201234567"),
        ("030 - 123 45 67", "0301234567"),
        ("0591-123456", "0591123456"),
        ("085 123 45 67", "0851234567"),  # an internet line, called like any other
        ("\u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "0612345678"),
        ("  06.12345678  ", "0612345678"),
    ],
)
def test_the_notations_people_write_are_stored_as_national_digits(raw, stored):
    assert person.clean_phone(raw) == stored


@pytest.mark.parametrize(
    "raw",
    ["0800-1234", "0800 0543", "0900-1234567", "0906-123456", "0909-1234", "112", "088-1234567"],
)
def test_numbers_you_cannot_call_back_are_refused_in_words(raw):
    with pytest.raises(ValidationError) as error:
        person.clean_phone(raw)
    assert error.value.code == "not_callable"
    assert "0800" in error.value.messages[0]


@pytest.mark.parametrize(
    "raw",
    [
        "12345678",
        "06 1234 567",
        "06123456789",
        "+32 470 12 34 56",
        "0049 30 1234567",
        "abc",
        "0800-BIBLIO",
        "06-12345678 toestel 12",
        "06-12345678\x00",
        "+",
    ],
)
def test_other_input_is_not_a_dutch_number(raw):
    with pytest.raises(ValidationError) as error:
        person.clean_phone(raw)
    assert error.value.messages == [str(person.PHONE_INVALID)]


def test_empty_is_no_number_and_too_long_says_so():
    assert person.clean_phone("") == person.clean_phone("   ") == person.clean_phone(None) == ""
    with pytest.raises(ValidationError, match="te lang"):
        person.clean_phone("0" * 31)


def test_the_message_has_an_english_translation():
    with translation.override("en"):
        assert "Dutch" in str(person.PHONE_INVALID) or "phone" in str(person.PHONE_INVALID)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.text(alphabet="0123456789 +-()./", max_size=25),
        st.from_regex(r"\A(\+31|0031|0)[ -]?[1-9]([ -]?[0-9]){7,9}\Z"),
    )
)
def test_any_text_gives_a_callable_dutch_number_or_a_dutch_message(raw):
    try:
        stored = person.clean_phone(raw)
    except ValidationError as error:
        assert error.messages[0] in DUTCH_MESSAGES
        return
    if not raw.strip():
        assert stored == ""
        return
    assert stored.isascii() and stored.isdigit() and stored.startswith("0")
    number = phonenumbers.parse(stored, "NL")
    assert phonenumbers.is_valid_number(number)
    assert phonenumbers.number_type(number) in person.CALLABLE_TYPES
    # Cleaning a stored number again changes nothing.
    assert person.clean_phone(stored) == stored


def test_format_phone_for_reading_and_old_rows_unchanged():
    assert person.format_phone("0612345678") == "06 12345678"
    assert person.format_phone("0201234567") == "020 123 4567"
    assert person.format_phone("08001234") == "0800 1234"
    assert person.format_phone("rubbish") == "rubbish"
    assert person.format_phone("") == ""


@pytest.mark.parametrize(
    "raw, cleaned",
    [("  Fatima   el  Amrani ", "Fatima el Amrani"), ("Jo", "Jo"), ("Ĳsbrand", "Ĳsbrand")],
)
def test_names_are_tidied(raw, cleaned):
    assert person.clean_name(raw) == cleaned


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "required"),
        ("   ", "required"),
        ("12345", "invalid"),
        ("a\x00b", "invalid"),
        ("x" * 101, "max_length"),
    ],
)
def test_names_that_are_refused(raw, code):
    with pytest.raises(ValidationError) as error:
        person.clean_name(raw)
    assert error.value.code == code


def test_an_optional_name_may_be_empty():
    assert person.clean_name(" ", required=False) == ""


@pytest.mark.parametrize("raw", ["naam@voorbeeld.nl", " naam@voorbeeld.nl "])
def test_email_addresses(raw):
    assert person.clean_email(raw) == "naam@voorbeeld.nl"


@pytest.mark.parametrize("raw", ["naam", "naam@", "@voorbeeld.nl", "a b@c.nl", "a@b\x00.nl"])
def test_bad_email_addresses(raw):
    with pytest.raises(ValidationError) as error:
        person.clean_email(raw)
    assert error.value.messages == [str(person.EMAIL_INVALID)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_name_or_email_is_cleaned_or_refused_in_dutch(raw):
    for clean in (person.clean_name, person.clean_email):
        try:
            value = clean(raw)
        except ValidationError as error:
            assert error.messages[0]
        else:
            assert value == value.strip()


class PersonForm(forms.Form):
    name = person.NameField(label="Naam")
    phone = person.PhoneField(label="Telefoon", required=False)
    email = person.EmailField(
        label="E-mail", required=False, error_messages={"invalid": "Kijk of er een @ in staat."}
    )


def test_the_form_fields_clean_like_the_functions():
    form = PersonForm({"name": " Ans  de Vries", "phone": "+31 6 1234 5678", "email": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"name": "Ans de Vries", "phone": "0612345678", "email": ""}


def test_the_form_fields_give_dutch_errors_and_a_form_may_reword_them():
    form = PersonForm({"name": "", "phone": "0900-1234567", "email": "geen-adres"})
    assert not form.is_valid()
    assert form.errors["phone"] == [str(person.PHONE_NOT_CALLABLE)]
    assert form.errors["email"] == ["Kijk of er een @ in staat."]
    assert "name" in form.errors


def test_the_phone_field_renders_as_a_tel_input():
    html = str(PersonForm()["phone"])
    assert 'type="tel"' in html and 'inputmode="tel"' in html
