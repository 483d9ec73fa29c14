"""The desk note's own message, on core.privacy."""

import pytest
from django.core.exceptions import ValidationError

from ontwikkelplein.desk.services import check_note


def test_the_message_says_which_kinds_and_why():
    with pytest.raises(ValidationError) as error:
        check_note("Mail jan@example.nl of bel 06-12345678, BSN 111222333")
    [message] = error.value.messages
    assert message == (
        "De notitie lijkt een burgerservicenummer (BSN), een e-mailadres en een "
        "telefoonnummer te bevatten. Haal dat weg: registraties zijn anoniem, dus we bewaren "
        "niets waarmee iemand te herkennen is."
    )
    assert error.value.code == "personal_data"


def test_an_ordinary_note_passes():
    check_note("Uitleg DigiD-app gegeven, komt volgende week terug")
