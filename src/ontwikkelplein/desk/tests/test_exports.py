"""The downloads, read back: the CSV and XLSX of the figures hold what the screen shows, and the
KB-shaped IDO export holds the registrations in the KB's vocabulary, with small counts hidden
in the region and country views."""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from ontwikkelplein.core import tabular
from ontwikkelplein.desk import exports
from ontwikkelplein.desk.models import Agency
from ontwikkelplein.desk.services import remove_contact
from ontwikkelplein.desk.tests.figures_data import (
    build_network,
    page_tables,
    question,
    register,
    register_many,
    rollup,
)
from ontwikkelplein.organisations.models import LocationKind
from ontwikkelplein.organisations.tests.factories import LocationFactory

pytestmark = pytest.mark.django_db

D = datetime.date
JUNE = {"periode": "maand", "datum": "2024-06-01"}
FIGURES = reverse("desk:figures")
FIGURES_CSV = reverse("desk:figures-export", args=["csv"])
FIGURES_XLSX = reverse("desk:figures-export", args=["xlsx"])
IDO_CSV = reverse("desk:figures-ido-export", args=["csv"])
IDO_XLSX = reverse("desk:figures-ido-export", args=["xlsx"])


@pytest.fixture
def net():
    return build_network()


def download(client, user, url, **params):
    client.force_login(user)
    response = client.get(url, {**JUNE, **params})
    assert response.status_code == 200
    return response


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # so Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def read_xlsx(response, sheet: str) -> list[list[str]]:
    assert response["Content-Type"] == tabular.XLSX_CONTENT_TYPE
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    rows = workbook[sheet].iter_rows(values_only=True)
    return [[_text(v) for v in row] for row in rows]


def _text(value) -> str:
    """A cell as the CSV writes it: dates as 01-06-2024 (in the XLSX they are real dates)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d-%m-%Y")
    return str(value)


def screen_numbers(page) -> dict[tuple[str, str, str], tuple[str, str]]:
    """{(part, name, measure): (this period, previous period)} from the tables of the page."""
    found = {}
    for caption, rows in page_tables(page).items():
        part = caption.split(":")[0]
        header = rows[0]
        for row in rows[1:]:
            if row[0] == "Totaal":
                continue
            for index, heading in enumerate(header):
                if heading in ("Bezoekers", "Vragen"):
                    previous = (
                        row[index + 1]
                        if index + 1 < len(row) and "vorige" in (header[index + 1])
                        else ""
                    )
                    found[(part, row[0], heading)] = (row[index], previous)
    return found


def file_numbers(rows) -> dict[tuple[str, str, str], tuple[str, str]]:
    return {(r[0], r[1], r[2]): (r[3], r[4]) for r in rows[1:]}


# --- What the screen shows ---


def figures_data(net):
    rollup(net.eemhuis, D(2024, 6, 3), questions=12, topic="digid-app", agency="belastingdienst")
    rollup(net.eemhuis, D(2024, 6, 10), questions=4, channel="phone", category="library")
    rollup(net.vathorst, D(2024, 6, 4), questions=3, help_type="referral", referral="offer")
    rollup(net.vathorst, D(2024, 5, 4), questions=9, topic="zorg")
    rollup(net.veste, D(2024, 6, 4), questions=70)


@pytest.mark.parametrize("who", ["eemland_desk", "poi_adviser", "kb_admin"])
def test_the_csv_and_xlsx_hold_what_the_screen_shows(client, net, who):
    figures_data(net)
    user = getattr(net, who)
    page = download(client, user, FIGURES).content
    on_screen = screen_numbers(page)
    csv_rows = read_csv(download(client, user, FIGURES_CSV))
    xlsx_rows = read_xlsx(download(client, user, FIGURES_XLSX), "Cijfers")

    assert csv_rows[0] == ["Onderdeel", "Naam", "Maat", "juni 2024", "mei 2024", "Verschil"]
    in_file = file_numbers(csv_rows)
    assert len(on_screen) > 40
    for key, shown in on_screen.items():
        assert in_file[key] == shown, key
    # The spreadsheet has the very same rows, with numbers as numbers.
    assert xlsx_rows == csv_rows
    workbook = load_workbook(io.BytesIO(download(client, user, FIGURES_XLSX).content))
    assert isinstance(workbook["Cijfers"]["D2"].value, int)
    about = {r[0]: r[1] for r in read_xlsx(download(client, user, FIGURES_XLSX), "Toelichting")}
    assert about["Periode"] == "juni 2024"
    assert about["Van"] == "01-06-2024"
    assert about["Tot en met"] == "30-06-2024"
    about_sheet = workbook["Toelichting"]
    assert isinstance(about_sheet["B4"].value, datetime.datetime)
    assert about_sheet["B4"].number_format == "dd-mm-yyyy"


def test_the_library_export_has_exact_numbers(client, net):
    figures_data(net)
    rows = file_numbers(read_csv(download(client, net.eemland_desk, FIGURES_CSV)))
    assert rows[("Totaal", "Totaal", "Vragen")] == ("19", "9")
    assert rows[("Per locatie", "Vathorst", "Vragen")] == ("3", "9")
    assert rows[("Doorverwezen naar", "Aanbod uit de catalogus", "Vragen")] == ("3", "0")
    assert not any("Veste" in key[1] for key in rows)
    csv_rows = read_csv(download(client, net.eemland_desk, FIGURES_CSV))
    difference = next(r for r in csv_rows if r[:3] == ["Totaal", "Totaal", "Vragen"])[5]
    assert difference == "10"


def test_the_poi_export_hides_small_counts(client, net):
    figures_data(net)
    rows = file_numbers(read_csv(download(client, net.poi_adviser, FIGURES_CSV)))
    library = {"provincie": "PV26", "gemeente": "GM0307", "organisatie": str(net.eemland.pk)}
    at_library = file_numbers(read_csv(download(client, net.poi_adviser, FIGURES_CSV, **library)))
    assert rows[("Per kanaal", "Telefoon", "Vragen")] == ("<5", "0")
    assert at_library[("Per locatie", "Vathorst", "Vragen")] == ("<5", "9")
    # Eemhuis' 16 and the total 19 would give away Vathorst's 3.
    assert at_library[("Per locatie", "Eemhuis", "Vragen")] == ("afgeschermd", "0")
    assert at_library[("Totaal", "Totaal", "Vragen")] == ("19", "9")
    assert not any("Veste" in key[1] or key[1] == "Noord-Brabant" for key in rows)
    xlsx = read_xlsx(download(client, net.poi_adviser, FIGURES_XLSX), "Cijfers")
    assert ["Per kanaal", "Telefoon", "Vragen", "<5", "0", ""] in xlsx
    about = {
        r[0]: r[1]
        for r in read_xlsx(download(client, net.poi_adviser, FIGURES_XLSX), "Toelichting")
    }
    assert "Kleine aantallen" in about


# --- The KB-shaped IDO export ---


def ido_data(net):
    outreach = LocationFactory(
        organisation=net.eemland,
        name="Buurthuis De Kop",
        kind=LocationKind.COMMUNITY_CENTRE,
        municipality=net.eemhuis.municipality,
    )
    day = D(2024, 6, 12)
    register(
        net.eemhuis,
        day,
        question(),
        question(category="library", agency=None, topic=None, help_types=["provider_info"]),
    )
    register(net.eemhuis, day, question())
    register(
        net.eemhuis,
        day,
        question(
            agency="uwv",
            topic="uitkering-werk",
            help_types=["digital_contact", "referral"],
            referral="colleague",
        ),
        channel="phone",
    )
    register(net.eemhuis, day, question(agency="bank", topic="apparaat"))
    register(outreach, day, question(agency="gemeente", topic="gemeentelijke-voorzieningen"))
    removed = register(
        net.eemhuis, day, question(agency="duo", topic="studiefinanciering"), user=net.eemland_desk
    )
    with time_machine.travel(removed.created_at, tick=False):
        remove_contact(removed, user=net.eemland_desk)
    register(net.eemhuis, D(2024, 7, 1), question(agency="svb", topic="aow-pensioen"))  # July
    register(net.veste, day, question(agency="cjib", topic="boetes"))
    return outreach


IDO_HEADER = [
    "Periode van",
    "Periode tot en met",
    "Bibliotheekorganisatie",
    "IDO-locatie",
    "Binnen of buiten de bibliotheek",
    "Vorm",
    "Soort vraag",
    "Organisatie",
    "Overheidslaag",
    "Organisatie (eigen registratie)",
    "DigiD-vraag",
    "Geboden hulp",
    "Doorverwezen naar",
    "Aantal vragen",
]
EEMLAND = ["01-06-2024", "30-06-2024", "Bibliotheek Eemland"]
DIGITAL = "Vraag over de digitale overheid"
RIJK = "Rijksoverheid of uitvoeringsorganisatie"
HELP_A = "a. Hulp bij het digitale verkeer met publieke en private dienstverleners"
HELP_D = "d. Algemene inhoudelijke informatie over publieke en private dienstverleners"
HELP_E = "e. Doorverwijzing naar de bevoegde publieke dienstverlener of professionele hulpverlener"


def test_the_ido_export_has_the_kb_shape(client, net):
    ido_data(net)
    rows = read_csv(download(client, net.eemland_desk, IDO_CSV))
    assert rows[0] == IDO_HEADER
    inside = [*EEMLAND, "Eemhuis", "In de bibliotheek"]
    assert sorted(rows[1:]) == sorted(
        [
            [*inside, "Inloop (altijd beschikbaar)", DIGITAL, "Belastingdienst", RIJK,
             "Belastingdienst", "DigiD aanvragen", HELP_A, "", "2"],
            [*inside, "Inloop (altijd beschikbaar)", "Vraag over bibliotheekdienstverlening",
             "", "", "", "", HELP_D, "", "1"],
            [*inside, "Inloop (altijd beschikbaar)", DIGITAL, "Andere organisatie",
             "(Semi-)private organisatie", "Bank", "", HELP_A, "", "1"],
            [*inside, "Telefonisch", DIGITAL, "UWV", RIJK, "UWV", "", HELP_A, "", "1"],
            [*inside, "Telefonisch", DIGITAL, "UWV", RIJK, "UWV", "", HELP_E,
             "Collega of programma in de bibliotheek", "1"],
            [*EEMLAND, "Buurthuis De Kop", "Buiten de bibliotheek", "Inloop (altijd beschikbaar)",
             DIGITAL, "Gemeente", "Gemeente", "Gemeente", "", HELP_A, "", "1"],
        ]
    )  # fmt: skip
    # The removed registration, July and the other library are not in it.
    flat = " ".join(" ".join(r) for r in rows)
    for absent in ("DUO", "SVB", "CJIB", "Veste"):
        assert absent not in flat


def test_the_ido_xlsx_has_questions_and_visitors(client, net):
    ido_data(net)
    response = download(client, net.eemland_desk, IDO_XLSX)
    questions = read_xlsx(response, "Vragen")
    assert questions == read_csv(download(client, net.eemland_desk, IDO_CSV))
    visitors = read_xlsx(response, "Bezoekers")
    assert visitors[0] == [
        "Periode van",
        "Periode tot en met",
        "Bibliotheekorganisatie",
        "IDO-locatie",
        "Binnen of buiten de bibliotheek",
        "Vorm",
        "Aantal bezoekers",
        "Aantal vragen",
    ]
    by_place = {(r[3], r[5]): (r[6], r[7]) for r in visitors[1:]}
    assert by_place == {
        ("Eemhuis", "Inloop (altijd beschikbaar)"): ("3", "4"),
        ("Eemhuis", "Telefonisch"): ("1", "1"),
        ("Buurthuis De Kop", "Inloop (altijd beschikbaar)"): ("1", "1"),
    }
    assert "Toelichting" in load_workbook(io.BytesIO(response.content)).sheetnames


def test_the_ido_export_of_a_poi_hides_small_counts_and_other_regions(client, net):
    ido_data(net)
    register_many(net.vathorst, D(2024, 6, 14), 6, question())
    rows = read_csv(download(client, net.poi_adviser, IDO_CSV))
    counts = {(r[3], r[5], r[7], r[11], r[12]): r[13] for r in rows[1:]}
    assert counts[("Vathorst", "Inloop (altijd beschikbaar)", "Belastingdienst", HELP_A, "")] == "6"
    eemhuis = [v for k, v in counts.items() if k[0] == "Eemhuis"]
    assert eemhuis and set(eemhuis) <= {"<5", "afgeschermd"}
    assert not any("Veste" in r[3] for r in rows)
    visitors = read_xlsx(download(client, net.poi_adviser, IDO_XLSX), "Bezoekers")
    assert {r[6] for r in visitors[1:] if r[3] == "Eemhuis"} <= {"<5", "afgeschermd"}
    kb_rows = read_csv(download(client, net.kb_admin, IDO_CSV))
    assert any(r[3] == "Veste Centrum" and r[13] == "<5" for r in kb_rows)


def test_the_ido_export_follows_the_drill_down(client, net):
    ido_data(net)
    rows = read_csv(download(client, net.kb_admin, IDO_CSV, provincie="PV30", gemeente="GM0758"))
    assert {r[3] for r in rows[1:]} == {"Veste Centrum"}


def test_text_that_a_spreadsheet_would_run_is_defused(client, net):
    Agency.objects.create(code="formule", name='=HYPERLINK("http://x")', position=99)
    register(net.eemhuis, D(2024, 6, 3), question(agency="formule", topic=None))
    rows = read_csv(download(client, net.eemland_desk, IDO_CSV))
    assert rows[1][9] == '\'=HYPERLINK("http://x")'
    workbook = load_workbook(io.BytesIO(download(client, net.eemland_desk, IDO_XLSX).content))
    cell = workbook["Vragen"]["J2"]
    assert cell.data_type == "s"
    assert cell.value.startswith("'=")
    figures_rows = read_csv(download(client, net.eemland_desk, FIGURES_CSV))
    assert [
        "Per organisatie waar de vraag over gaat",
        '\'=HYPERLINK("http://x")',
        "Vragen",
        "1",
        "0",
        "1",
    ] in figures_rows


def test_a_question_with_several_kinds_of_help_counts_under_each(net):
    from ontwikkelplein.core.figures.periods import Period, PeriodKind
    from ontwikkelplein.core.figures.vocabulary import Level as View
    from ontwikkelplein.desk.selectors import Area
    from ontwikkelplein.organisations.figures import scope_for

    register(
        net.eemhuis,
        D(2024, 6, 3),
        question(help_types=["digital_contact", "course", "digital_society"]),
    )
    scope = scope_for(net.eemland_desk, View.OWN)
    export = exports.ido_export(Area(scope), Period.containing(PeriodKind.MONTH, D(2024, 6, 3)))
    helps = sorted(r[11][:2] for r in export.questions[1:])
    assert helps == ["a.", "b.", "c."]
    assert all(r[13] == 1 for r in export.questions[1:])
    assert export.visitors[1][6:] == [1, 1]
