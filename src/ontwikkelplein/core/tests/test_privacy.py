"""core.privacy: text that looks like a BSN, an e-mail address, a phone number or a postcode with a
house number is found, and ordinary desk notes pass."""

import pytest
from django.core.exceptions import ValidationError

from ontwikkelplein.core.privacy import (
    Kind,
    find_personal_data,
    found_kinds,
    refuse_personal_data,
)


@pytest.mark.parametrize(
    "text, kind",
    [
        # BSN: nine digits passing the elfproef, also written with dots or spaces.
        ("BSN 111222333", Kind.BSN),
        ("bsn: 123456782", Kind.BSN),
        ("123.456.782", Kind.BSN),
        ("123 456 782 gecontroleerd", Kind.BSN),
        ("bsn123456782", Kind.BSN),
        ("kamer 12 123456782", Kind.BSN),
        # E-mail addresses.
        ("mail j.jansen@example.nl", Kind.EMAIL),
        ("Piet_de-Vries+post@gemeente.amersfoort.nl", Kind.EMAIL),
        # Dutch mobile and landline numbers, and with a country code.
        ("06-12345678", Kind.PHONE),
        ("0612345678", Kind.PHONE),
        ("06 12 34 56 78", Kind.PHONE),
        ("033 123 45 67", Kind.PHONE),
        ("020-1234567", Kind.PHONE),
        ("+31 6 12345678", Kind.PHONE),
        ("+31612345678", Kind.PHONE),
        ("+31 (0)6 12345678", Kind.PHONE),
        ("0031 33 1234567", Kind.PHONE),
        ("+32 470 12 34 56", Kind.PHONE),
        # A postcode with a house number, either way round.
        ("3811 AB 12", Kind.ADDRESS),
        ("3811AB, 12", Kind.ADDRESS),
        ("3811ab 12a", Kind.ADDRESS),
        ("postcode 3811 AB nr 12", Kind.ADDRESS),
        ("Stationsstraat 12, 3811 AB", Kind.ADDRESS),
        ("Eemplein 71b 3812EA Amersfoort", Kind.ADDRESS),
    ],
)
def test_personal_data_is_found(text, kind):
    assert kind in found_kinds(text), find_personal_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "DigiD aangevraagd, de brief komt binnen 5 werkdagen.",
        "123456789",  # nine digits that fail the elfproef
        "12345678",  # too short for a BSN
        "Belastingtelefoon 0800-0543 gebeld",  # a service number, not a person's
        "0900-1234567 is de informatielijn",
        "3811 AB",  # a postcode alone points at a street, not at a person
        "Afspraak om 10.30 uur, 2 vragen",
        "1000 en 12 vragen",
        "datum 12-03-2024",
        "toeslag € 1.234,56 terug",
        "Vraag over de app van @digid",
        "Verwezen naar het Taalhuis, 2e verdieping",
    ],
)
def test_ordinary_notes_pass(text):
    assert find_personal_data(text) == []
    refuse_personal_data(text, "%(found)s")  # does not raise


def test_the_message_says_which_kinds():
    with pytest.raises(ValidationError) as error:
        refuse_personal_data(
            "Mail jan@example.nl of bel 06-12345678, BSN 111222333", "Gevonden: %(found)s."
        )
    [message] = error.value.messages
    assert message == (
        "Gevonden: een burgerservicenummer (BSN), een e-mailadres en een telefoonnummer."
    )
    assert error.value.code == "personal_data"


def test_names_and_long_numbers_only_when_asked():
    text = "Mevrouw Jansen gaf haar klantnummer 12345678."
    assert found_kinds(text) == []
    assert found_kinds(text, names=True, long_numbers=True) == [Kind.NUMBER, Kind.NAME]
    # A phone number stays a phone number, not also "another number".
    assert found_kinds("bel 06-12345678", long_numbers=True) == [Kind.PHONE]


def test_a_phone_number_with_a_country_code_is_not_also_called_a_bsn():
    # "6 12345671" after +31 has nine digits that pass the elfproef; it is part of a phone
    # number all the same.
    assert found_kinds("612345671") == [Kind.BSN]
    assert found_kinds("+31 6 12345671") == [Kind.PHONE]
    assert found_kinds("+31 (0)6 12345671") == [Kind.PHONE]
