"""Downloads of the front-desk figures: what the dashboard shows, as CSV and XLSX, and the export
in the shape of the KB Bibliotheekmonitor IDO registration (docs/ido-registration-export.md has
the mapping and says which parts of the KB form are reconstructed).

The files are written by core/tabular.py (Dutch Excel conventions, one formula guard).
Hidden counts are written as the text the screen shows ("<5", "afgeschermd"), never as numbers."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.core.figures.cells import Cell, hide_small, protect_group
from ontwikkelplein.core.figures.periods import Period
from ontwikkelplein.core.figures.vocabulary import small_count_note
from ontwikkelplein.core.tabular import Sheet, to_csv, to_xlsx
from ontwikkelplein.desk.models import Agency, Category, Channel, HelpType, ReferralTarget, Topic
from ontwikkelplein.desk.selectors import (
    MEASURE_LABELS,
    Area,
    Figures,
    contacts_per_location,
    ido_question_counts,
    locations_by_id,
)

# --- What the dashboard shows ---------------------------------------------------------------


def figures_rows(figures: Figures) -> list[list]:
    """The dashboard as one long table: part, name, measure, this period, previous period,
    difference. The same numbers (and hidden counts) as the screen."""
    previous_label = figures.comparison.previous_label
    rows = [
        [
            _("Onderdeel"),
            _("Naam"),
            _("Maat"),
            figures.comparison.current_label,
            previous_label or _("Vorige periode"),
            _("Verschil"),
        ]
    ]

    def add(part, row, measures):
        for name in measures:
            measure = row.values[name]
            rows.append(
                [
                    part,
                    row.label,
                    str(MEASURE_LABELS[name]),
                    measure.current.export_value,
                    measure.previous.export_value if measure.previous is not None else "",
                    measure.difference if measure.difference is not None else "",
                ]
            )

    add(_("Totaal"), figures.totals, list(figures.totals.values))
    for breakdown in figures.breakdowns:
        for row in breakdown.rows:
            add(breakdown.title, row, breakdown.measures)
    for rank, row in enumerate(figures.top_topics, start=1):
        rows.append(
            [
                _("Meest gevraagde onderwerpen"),
                f"{rank}. {row.label}",
                str(MEASURE_LABELS["questions"]),
                row.values["questions"].current.export_value,
                "",
                "",
            ]
        )
    if figures.series is not None:
        for row in figures.series.rows:
            add(figures.series.title, row, figures.series.measures)
    return rows


def figures_about(figures: Figures) -> list[list]:
    """What a download covers: shown on the explanation sheet of the XLSX."""
    rows = [
        [_("Onderwerp"), _("Waarde")],
        [_("Gebied"), " › ".join(c.label for c in figures.area.crumbs)],
        [_("Periode"), figures.comparison.current_label],
        [_("Van"), figures.comparison.current.start],
        [_("Tot en met"), figures.comparison.current.end],
    ]
    if figures.comparison.previous:
        rows.append([_("Vergeleken met"), figures.comparison.previous_label])
    rows.append([_("Gemaakt op"), timezone.localtime()])
    if figures.suppressed:
        rows.append([_("Kleine aantallen"), small_count_note()])
    return rows


def figures_sheets(figures: Figures) -> list[Sheet]:
    return [
        Sheet(_("Cijfers"), figures_rows(figures)),
        Sheet(_("Toelichting"), figures_about(figures)),
    ]


def figures_csv(figures: Figures) -> str:
    return to_csv(figures_rows(figures))


def figures_xlsx(figures: Figures) -> bytes:
    return to_xlsx(figures_sheets(figures))


# --- The KB Bibliotheekmonitor shape --------------------------------------------------------
# The KB's vocabulary, in Dutch as the KB form uses it: data, not interface text, so it is not
# translated. See docs/ido-registration-export.md for the sources and what is reconstructed.

KB_CHANNEL = {
    Channel.DESK: "Inloop (altijd beschikbaar)",
    Channel.APPOINTMENT: "Spreekuur of afspraak",
    Channel.PHONE: "Telefonisch",
    Channel.ONLINE: "Online (e-mail, chat of video)",
    Channel.OUTREACH: "Buitenlocatie",
}
KB_CATEGORY = {
    Category.DIGITAL_GOVERNMENT: "Vraag over de digitale overheid",
    Category.LIBRARY: "Vraag over bibliotheekdienstverlening",
    Category.OTHER: "Andere vraag",
}
# The five kinds of help in the words of the Regeling specifieke uitkering IDO, art. 1 (a–e).
KB_HELP = {
    HelpType.DIGITAL_CONTACT: "a. Hulp bij het digitale verkeer met publieke en private "
    "dienstverleners",
    HelpType.COURSE: "b. Het volgen van en begeleiding naar cursussen digitale vaardigheden",
    HelpType.DIGITAL_SOCIETY: "c. Informatie over de digitale samenleving",
    HelpType.PROVIDER_INFO: "d. Algemene inhoudelijke informatie over publieke en private "
    "dienstverleners",
    HelpType.REFERRAL: "e. Doorverwijzing naar de bevoegde publieke dienstverlener of "
    "professionele hulpverlener",
}
KB_REFERRAL = {
    ReferralTarget.COLLEAGUE: "Collega of programma in de bibliotheek",
    ReferralTarget.ORGANISATION: "Bevoegde dienstverlener of partnerorganisatie",
    ReferralTarget.OFFER: "Cursus of activiteit (aanbod)",
    "": "Niet vastgelegd",
}
CENTRAL_GOVERNMENT = "Rijksoverheid of uitvoeringsorganisatie"
MUNICIPAL = "Gemeente"
PRIVATE = "(Semi-)private organisatie"
OTHER_LAYER = "Overig"
OTHER_ORGANISATION = "Andere organisatie"
# Agency code → (the organisation as the KB form names it, overheidslaag). The twelve confirmed
# organisations of the Netwerk Publieke Dienstverlening and Dienst Toeslagen keep their name.
KB_AGENCY = {
    "belastingdienst": ("Belastingdienst", CENTRAL_GOVERNMENT),
    "toeslagen": ("Dienst Toeslagen", CENTRAL_GOVERNMENT),
    "uwv": ("UWV", CENTRAL_GOVERNMENT),
    "svb": ("SVB", CENTRAL_GOVERNMENT),
    "duo": ("DUO", CENTRAL_GOVERNMENT),
    "cak": ("CAK", CENTRAL_GOVERNMENT),
    "cjib": ("CJIB", CENTRAL_GOVERNMENT),
    "cbr": ("CBR", CENTRAL_GOVERNMENT),
    "ciz": ("CIZ", CENTRAL_GOVERNMENT),
    "rdw": ("RDW", CENTRAL_GOVERNMENT),
    "huurcommissie": ("Huurcommissie", CENTRAL_GOVERNMENT),
    "lbio": ("LBIO", CENTRAL_GOVERNMENT),
    "rvr": ("Raad voor Rechtsbijstand", CENTRAL_GOVERNMENT),
    "gemeente": ("Gemeente", MUNICIPAL),
    "zorgverzekeraar": (OTHER_ORGANISATION, PRIVATE),
    "bank": (OTHER_ORGANISATION, PRIVATE),
    "woningcorporatie": (OTHER_ORGANISATION, PRIVATE),
    "overig": (OTHER_ORGANISATION, OTHER_LAYER),
}
# The KB form's follow-up question about DigiD (added in 2024), from our DigiD topics.
KB_DIGID = {
    "digid-aanvragen": "DigiD aanvragen",
    "digid-activeren": "DigiD activeren",
    "digid-app": "DigiD-app installeren of gebruiken",
    "digid-machtigen": "Machtigen met DigiD",
}
INSIDE = "In de bibliotheek"
OUTSIDE = "Buiten de bibliotheek"

IDO_COLUMNS = [
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
VISITOR_COLUMNS = [
    "Periode van",
    "Periode tot en met",
    "Bibliotheekorganisatie",
    "IDO-locatie",
    "Binnen of buiten de bibliotheek",
    "Vorm",
    "Aantal bezoekers",
    "Aantal vragen",
]


@dataclass
class IdoExport:
    questions: list[list]  # header first
    visitors: list[list]  # header first
    suppressed: bool


def _agency_columns(agency) -> tuple[str, str, str]:
    """(KB organisation, overheidslaag, our own name) for an agency, or blanks for none."""
    if agency is None:
        return "", "", ""
    kb_name, layer = KB_AGENCY.get(agency.code, (OTHER_ORGANISATION, OTHER_LAYER))
    return kb_name, layer, agency.name


def _where(location, channel: str) -> str:
    return OUTSIDE if channel == Channel.OUTREACH or location.is_outreach else INSIDE


def ido_export(area: Area, period: Period) -> IdoExport:
    """The registrations of the area and period in the KB's shape: questions per IDO location,
    form, kind of question, organisation, DigiD follow-up, help given and referral. A question
    with several kinds of help counts once under each (as the KB form asks per kind of help)."""
    groups = ido_question_counts(area, period)
    visitors = contacts_per_location(area, period)
    locations = locations_by_id(
        [g["location_id"] for g in groups] + [v["location_id"] for v in visitors]
    )
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in={g["agency_id"] for g in groups})}
    topics = dict(
        Topic.objects.filter(pk__in={g["topic_id"] for g in groups}).values_list("pk", "code")
    )

    counts: dict[tuple, int] = defaultdict(int)
    for group in groups:
        location = locations[group["location_id"]]
        kb_agency, layer, own_agency = _agency_columns(agencies.get(group["agency_id"]))
        digid = KB_DIGID.get(topics.get(group["topic_id"], ""), "")
        for help_type in dict.fromkeys(group["help_types"]):  # once per kind, in order
            referral = KB_REFERRAL.get(group["referral_target"], KB_REFERRAL[""])
            key = (
                location.organisation.name,
                location.name,
                str(location.pk),
                _where(location, group["channel"]),
                KB_CHANNEL.get(group["channel"], group["channel"]),
                KB_CATEGORY.get(group["category"], group["category"]),
                kb_agency,
                layer,
                own_agency,
                digid,
                KB_HELP.get(help_type, help_type),
                referral if help_type == HelpType.REFERRAL else "",
            )
            counts[key] += group["questions"]

    cells = {key: Cell(value) for key, value in counts.items()}
    visitor_counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for row in visitors:
        location = locations[row["location_id"]]
        key = (
            location.organisation.name,
            location.name,
            str(location.pk),
            _where(location, row["channel"]),
            KB_CHANNEL.get(row["channel"], row["channel"]),
        )
        visitor_counts[key][0] += row["contacts"] or 0
        visitor_counts[key][1] += row["questions"] or 0
    visitor_cells = {k: [Cell(c), Cell(q)] for k, (c, q) in visitor_counts.items()}

    suppressed = area.scope.suppress
    if suppressed:
        for cell in [*cells.values(), *(c for pair in visitor_cells.values() for c in pair)]:
            hide_small(cell)
        # The dashboard shows, per location, the questions per kind of help and per channel:
        # those are the totals a single hidden count could be worked out from.
        by_help = defaultdict(list)
        for key, cell in cells.items():
            by_help[(key[2], key[10])].append(cell)
        for group in by_help.values():
            protect_group(group)
        by_location = defaultdict(lambda: ([], []))
        for key, (contacts, questions) in visitor_cells.items():
            by_location[key[2]][0].append(contacts)
            by_location[key[2]][1].append(questions)
        for contacts, questions in by_location.values():
            protect_group(contacts)
            protect_group(questions)

    start, end = period.start, period.end
    question_rows = [IDO_COLUMNS]
    for key in sorted(cells):
        organisation, location_name, _pk, *rest = key
        question_rows.append(
            [start, end, organisation, location_name, *rest, cells[key].export_value]
        )
    visitor_rows = [VISITOR_COLUMNS]
    for key in sorted(visitor_cells):
        organisation, location_name, _pk, *rest = key
        contacts, questions = visitor_cells[key]
        visitor_rows.append(
            [
                start,
                end,
                organisation,
                location_name,
                *rest,
                contacts.export_value,
                questions.export_value,
            ]
        )
    return IdoExport(question_rows, visitor_rows, suppressed)


def ido_csv(export: IdoExport) -> str:
    """The questions table only (one table per CSV file); the XLSX also has the visitors."""
    return to_csv(export.questions)


def ido_sheets(export: IdoExport) -> list[Sheet]:
    about = [
        ["Onderwerp", "Toelichting"],
        [
            "Vragen",
            "Aantal vragen per IDO-locatie, vorm, soort vraag, organisatie, DigiD-vraag, "
            "geboden hulp en doorverwijzing. Een vraag met meer soorten hulp telt bij elke "
            "soort hulp één keer mee.",
        ],
        ["Bezoekers", "Aantal bezoekers en vragen per IDO-locatie en vorm."],
        ["Herkomst", "Ontwikkelplein, balieregistratie. Zie docs/ido-registration-export.md."],
    ]
    if export.suppressed:
        about.append(["Kleine aantallen", small_count_note()])
    return [
        Sheet("Vragen", export.questions),
        Sheet("Bezoekers", export.visitors),
        Sheet("Toelichting", about),
    ]


def ido_xlsx(export: IdoExport) -> bytes:
    return to_xlsx(ido_sheets(export))
