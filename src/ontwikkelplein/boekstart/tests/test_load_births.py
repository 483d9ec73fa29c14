import pytest
from django.core.management import CommandError, call_command

from ontwikkelplein.boekstart.models import Births
from ontwikkelplein.places.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def test_births_are_loaded_with_their_source_and_bad_rows_skipped(tmp_path):
    MunicipalityFactory(code="GM0307", name="Amersfoort")
    file = tmp_path / "births.csv"
    file.write_text(
        "code;year;births\nGM0307;2024;100\n307;2025;1.200\nGM9998;2024;5\nGM0307;x;1\n"
    )
    call_command("load_births", str(file), source="CBS StatLine test")
    assert sorted(Births.objects.values_list("year", "count", "source")) == [
        (2024, 100, "CBS StatLine test"),
        (2025, 1200, "CBS StatLine test"),
    ]


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("load_births", str(tmp_path / "nope.csv"), source="x")
