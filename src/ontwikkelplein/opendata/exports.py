"""Exports of the public catalogue (docs/exports.md): HSDS JSON, the HSDS tabular datapackage
(a zip of CSV files with datapackage.json), and CSV and XLSX with one row per offer-location
for people who work in spreadsheets.

Only published offers that have not expired are exported, as in the HSDS API. The datapackage
is made from the HSDS JSON itself, so the two always say the same."""

import csv
import io
import json
import zipfile
from dataclasses import dataclass

from django.utils import timezone, translation

from ontwikkelplein.catalogue.models import (
    LANGUAGE_CHOICES,
    Guidance,
    Offer,
    OfferLocation,
    Requirement,
    Taxonomy,
)
from ontwikkelplein.core.tabular import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, Sheet, to_csv, to_xlsx
from ontwikkelplein.opendata import hsds, selectors
from ontwikkelplein.organisations.models import Organisation

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
ZIP_CONTENT_TYPE = "application/zip"
FORMATS = ("json", "datapackage", "csv", "xlsx")
EXTENSIONS = {"json": "json", "datapackage": "zip", "csv": "csv", "xlsx": "xlsx"}
CONTENT_TYPES = {
    "json": JSON_CONTENT_TYPE,
    "datapackage": ZIP_CONTENT_TYPE,
    "csv": CSV_CONTENT_TYPE,
    "xlsx": XLSX_CONTENT_TYPE,
}


def catalogue_json(organisations=None) -> list[dict]:
    """The HSDS JSON export (hsds.catalogue_as_hsds): a list of full organizations, each with
    its services. `organisations`: None for every organisation with a public offer, else
    those (a queryset or list)."""
    return hsds.catalogue_as_hsds(organisations=organisations)


def hsds_json_bytes(organisations=None) -> bytes:
    data = catalogue_json(organisations)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


# --- The HSDS tabular datapackage ------------------------------------------------------------

# The HSDS 3.1 tables we fill: (file, columns). "!" marks a required column, ":type" a
# Table Schema type other than string. Columns and order follow HSDS 3.1; where HSDS requires
# a value we may not have, the column is optional here (see docs/exports.md).
TABLES = {
    "organization": (
        "organizations.csv",
        "id! name! alternate_name description email website tax_status tax_id"
        " year_incorporated:number legal_status logo uri parent_organization_id",
    ),
    "program": ("programs.csv", "id! organization_id name! alternate_name description!"),
    "service": (
        "services.csv",
        "id! organization_id! program_id name! alternate_name description url email status!"
        " interpretation_services application_process fees_description wait_time fees"
        " accreditations eligibility_description minimum_age:number maximum_age:number"
        " assured_date:date assurer_email licenses alert last_modified:datetime",
    ),
    "service_at_location": (
        "service_at_location.csv",
        "id! service_id! location_id! description",
    ),
    "location": (
        "locations.csv",
        "id! location_type! url organization_id name alternate_name description transportation"
        " latitude:number longitude:number external_identifier external_identifier_type",
    ),
    "address": (
        "addresses.csv",
        "id! location_id attention address_1! address_2 city! region state_province!"
        " postal_code! country! address_type!",
    ),
    "phone": (
        "phones.csv",
        "id! location_id service_id organization_id contact_id service_at_location_id number!"
        " extension:number type description",
    ),
    "contact": (
        "contacts.csv",
        "id! organization_id service_id service_at_location_id location_id name title"
        " department email",
    ),
    "schedule": (
        "schedules.csv",
        "id! service_id location_id service_at_location_id valid_from:date valid_to:date"
        " dtstart:date timezone:number until:date count:number wkst freq interval:number byday"
        " byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link"
        " attending_type notes",
    ),
    "language": ("languages.csv", "id! service_id location_id phone_id name code note"),
    "required_document": ("required_documents.csv", "id! service_id document uri"),
    "cost_option": (
        "cost_options.csv",
        "id! service_id! valid_from:date valid_to:date option currency amount:number"
        " amount_description",
    ),
    "accessibility": ("accessibility.csv", "id! location_id description details url"),
    "attribute": (
        "attributes.csv",
        "id! link_id! taxonomy_term_id! link_type link_entity! value label",
    ),
    "taxonomy": ("taxonomies.csv", "id! name! description! uri version"),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        "id! code name! description parent_id taxonomy language taxonomy_id term_uri",
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        "id! organization_id! identifier_scheme identifier_type! identifier!",
    ),
    "unit": ("units.csv", "id! name! scheme identifier uri"),
    "service_capacity": (
        "service_capacity.csv",
        "id! service_id! unit_id! available:number! maximum:number description updated:datetime!",
    ),
}
FORMATS_BY_COLUMN = {"email": "email", "website": "uri", "url": "uri", "uri": "uri"}
# (table, column) -> table its value points at (the ids in the column are that table's "id").
FOREIGN_KEYS = {
    "program": {"organization_id": "organization"},
    "service": {"organization_id": "organization", "program_id": "program"},
    "service_at_location": {"service_id": "service", "location_id": "location"},
    "location": {"organization_id": "organization"},
    "address": {"location_id": "location"},
    "phone": {
        "location_id": "location",
        "service_id": "service",
        "organization_id": "organization",
        "contact_id": "contact",
        "service_at_location_id": "service_at_location",
    },
    "contact": {
        "organization_id": "organization",
        "service_id": "service",
        "service_at_location_id": "service_at_location",
        "location_id": "location",
    },
    "schedule": {
        "service_id": "service",
        "location_id": "location",
        "service_at_location_id": "service_at_location",
    },
    "language": {"service_id": "service", "location_id": "location", "phone_id": "phone"},
    "required_document": {"service_id": "service"},
    "cost_option": {"service_id": "service"},
    "accessibility": {"location_id": "location"},
    "attribute": {"taxonomy_term_id": "taxonomy_term"},
    "taxonomy_term": {"taxonomy_id": "taxonomy", "parent_id": "taxonomy_term"},
    "organization_identifier": {"organization_id": "organization"},
    "service_capacity": {"service_id": "service", "unit_id": "unit"},
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool


def columns(table: str) -> list[Column]:
    result = []
    for spec in TABLES[table][1].split():
        required = spec.endswith("!")
        name, _, kind = spec.rstrip("!").partition(":")
        result.append(Column(name, kind or "string", required))
    return result


def _field(column: Column) -> dict:
    field = {"name": column.name, "type": column.type}
    if column.name == "id" or column.name.endswith("_id"):
        field["format"] = "uuid"
    elif column.type == "time":
        field["format"] = "%H:%M"  # as in the JSON: HH:MM, Dutch local time
    elif column.name in FORMATS_BY_COLUMN or column.name.endswith("_email"):
        field["format"] = FORMATS_BY_COLUMN.get(column.name, "email")
    field["constraints"] = {"required": column.required}
    if column.name == "id":
        field["constraints"]["unique"] = True
    return field


def datapackage_descriptor() -> dict:
    """The Frictionless Data Package that describes the CSV files (HSDS 3.1 tables)."""
    resources = []
    for table, (path, _spec) in TABLES.items():
        schema = {
            "fields": [_field(c) for c in columns(table)],
            "primaryKey": ["id"],
            "missingValues": [""],
        }
        keys = FOREIGN_KEYS.get(table, {})
        if keys:
            schema["foreignKeys"] = [
                {
                    "fields": [column],
                    "reference": {"resource": "" if target == table else target, "fields": ["id"]},
                }
                for column, target in keys.items()
            ]
        resources.append(
            {
                "name": table,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "name": "ontwikkelplein-hsds",
        "title": "Ontwikkelplein: aanbod van bibliotheken en partners (HSDS 3.1)",
        "profile": "tabular-data-package",
        "version": hsds.HSDS_VERSION,
        "created": hsds.now_iso(),
        "licenses": [
            {
                "name": "CC0-1.0",
                "path": "https://creativecommons.org/publicdomain/zero/1.0/",
                "title": "Creative Commons Zero v1.0 Universal",
            }
        ],
        "resources": resources,
    }


class _Tables:
    """Rows per table keyed by id; the same object met twice (a phone of a service and of its
    contact, a location of two services) is one row with the links of both."""

    def __init__(self):
        self.rows: dict[str, dict[str, dict]] = {table: {} for table in TABLES}

    def add(self, table: str, obj: dict, **links) -> None:
        names = {c.name for c in columns(table)}
        row = {k: v for k, v in obj.items() if k in names and not isinstance(v, (list, dict))}
        row |= {k: v for k, v in links.items() if v is not None}
        existing = self.rows[table].setdefault(row["id"], {})
        existing.update({k: v for k, v in row.items() if v not in (None, "")})
        for key, value in row.items():
            existing.setdefault(key, value)

    def location(self, location: dict) -> None:
        self.add("location", location)
        for address in location.get("addresses", []):
            self.add("address", address)
        for schedule in location.get("schedules", []):
            self.add("schedule", schedule)
        for item in location.get("accessibility", []):
            self.add("accessibility", item)
        for attribute in location.get("attributes", []):
            self.add("attribute", attribute)

    def service(self, service: dict) -> None:
        self.add("service", service)
        if service.get("program"):
            self.add("program", service["program"])
        for sal in service.get("service_at_locations", []):
            self.add("service_at_location", sal)
            self.location(sal["location"])
            for schedule in sal.get("schedules", []):
                self.add("schedule", schedule)
        for contact in service.get("contacts", []):
            self.add("contact", contact)
            for phone in contact.get("phones", []):
                self.add("phone", phone, contact_id=contact["id"])
        for name, table in (
            ("phones", "phone"),
            ("languages", "language"),
            ("required_documents", "required_document"),
            ("cost_options", "cost_option"),
            ("attributes", "attribute"),
            ("schedules", "schedule"),
        ):
            for item in service.get(name, []):
                self.add(table, item)
        for capacity in service.get("capacities", []):
            self.add("unit", capacity["unit"])
            self.add("service_capacity", capacity)

    def organisation(self, organisation: dict) -> None:
        self.add("organization", organisation)
        for phone in organisation.get("phones", []):
            self.add("phone", phone)
        for identifier in organisation.get("organization_identifiers", []):
            self.add("organization_identifier", identifier)
        for location in organisation.get("locations", []):
            self.location(location)
        for service in organisation.get("services", []):
            self.service(service)


def datapackage_tables(catalogue: list[dict]) -> dict[str, list[dict]]:
    """HSDS JSON (a list of full organizations with services) as rows of the HSDS tables.
    Every taxonomy and term is included, so parent terms resolve."""
    tables = _Tables()
    for organisation in catalogue:
        tables.organisation(organisation)
    for taxonomy in Taxonomy.objects.order_by("name", "pk"):
        tables.add("taxonomy", hsds.taxonomy_to_hsds(taxonomy))
    for term in selectors.taxonomy_term_list():
        tables.add("taxonomy_term", hsds.taxonomy_term_to_hsds(term, detail=False))
    # The fixed taxonomy of help points (location attributes), so its terms resolve too.
    tables.add("taxonomy", hsds.HELP_POINT_TAXONOMY)
    for code in hsds.HELP_POINTS:
        term = hsds.help_point_term(code)
        tables.add("taxonomy_term", {k: v for k, v in term.items() if k != "taxonomy_detail"})
    return {table: list(rows.values()) for table, rows in tables.rows.items()}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_csv(table: str, rows: list[dict]) -> bytes:
    """One HSDS table as CSV (UTF-8, comma, header row). Values are written as they are: this
    is a data file for programs, and a round trip must give back exactly what was exported."""
    names = [c.name for c in columns(table)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return buffer.getvalue().encode("utf-8")


def datapackage_zip(organisations=None) -> bytes:
    tables = datapackage_tables(catalogue_json(organisations))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "datapackage.json",
            json.dumps(datapackage_descriptor(), ensure_ascii=False, indent=2),
        )
        for table, (path, _spec) in TABLES.items():
            archive.writestr(path, table_csv(table, tables[table]))
    return buffer.getvalue()


# --- CSV and XLSX for people -----------------------------------------------------------------

# (header, G!DS field it serves) in column order; docs/exports.md lists them.
SHEET_COLUMNS = [
    ("Aanbod-id", "—"),
    ("Plek-id", "—"),
    ("Titel", "Titel"),
    ("Korte zin", "Korte omschrijving"),
    ("Beschrijving", "Onderwerp: wat wel en niet"),
    ("Aanbieder", "Aanbieder (organisatie)"),
    ("Samen met (partners)", "Partnerorganisaties"),
    ("Soort aanbod", "Aanbodsoort / vorm"),
    ("Thema's", "Onderwerp / thema (trefwoorden)"),
    ("Doelgroepen", "Voor wie / doelgroep"),
    ("Niveaus", "Niveau"),
    ("Programma", "Programma"),
    ("Begeleiding", "Welke begeleiders (professional / vrijwilliger)"),
    ("Meedoen", "Aanmelden verplicht of vrije inloop; intake"),
    ("Zo meld je je aan", "Hoe aanmelden"),
    ("Gratis", "Kosten"),
    ("Kosten in euro", "Kosten"),
    ("Uitleg over de kosten", "Kosten"),
    ("Lidmaatschap nodig", "Lidmaatschap nodig"),
    ("Wat neem je mee", "Wat meenemen (DigiD, machtigingscode, ID)"),
    ("Aantal plaatsen", "Capaciteit"),
    ("Aantal computers", "Aantal pc's (≥ 1)"),
    ("Printer", "Aantal printers / printer"),
    ("Aparte ruimte", "Faciliteiten (privacy)"),
    ("Talen", "Taal van het aanbod"),
    ("Contactpersoon", "Contactpersoon"),
    ("E-mailadres", "E-mail"),
    ("Telefoonnummer", "Telefoon"),
    ("Website", "Internetlink"),
    ("Locatie", "Adres: naam locatie"),
    ("Soort plek", "Binnen of buiten de bibliotheek"),
    ("Buiten de bibliotheek", "Binnen of buiten de bibliotheek"),
    ("Informatiepunt Digitale Overheid (IDO) op deze plek", "—"),
    ("Taalhuis op deze plek", "—"),
    ("Straat en huisnummer", "Adres"),
    ("Postcode", "Adres"),
    ("Plaats", "Adres"),
    ("Gemeente", "Gemeente (werkgebied)"),
    ("Provincie", "Provincie"),
    ("Breedtegraad", "—"),
    ("Lengtegraad", "—"),
    ("Bijzonderheden op deze plek", "Bijzonderheden"),
    ("Tijden", "Rooster / datum en tijd (activiteiten met datum)"),
    ("Geldig vanaf", "Begindatum"),
    ("Geldig tot en met", "Einddatum"),
    ("Seizoen (elk jaar)", "—"),
    ("Laatst gecontroleerd op", "Controleberichten (actualiteit)"),
    ("Laatst gewijzigd", "—"),
]
HEADERS = [header for header, _gids in SHEET_COLUMNS]


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def _names(terms) -> str:
    return ", ".join(t.name for t in terms)


def _times(offer_location: OfferLocation) -> str:
    if offer_location.location_id is None:  # an offer without a place
        return ""
    parts = []
    for schedule in offer_location.schedules.all():
        start, end = schedule.opens_at.strftime("%H:%M"), schedule.closes_at.strftime("%H:%M")
        day = hsds.DAY_NAMES[schedule.weekday]
        if schedule.date:
            parts.append(f"{day} {schedule.date:%d-%m-%Y} {start}-{end}")
        else:
            parts.append(f"elke {day} {start}-{end}")
    return "; ".join(parts)


def _season(offer: Offer) -> str:
    """'maart tot en met april' for an offer that comes back every year; else empty."""
    if not offer.has_season:
        return ""
    start = hsds.MONTH_NAMES[offer.season_start_month - 1]
    return f"{start} tot en met {hsds.MONTH_NAMES[offer.season_end_month - 1]}"


def sheet_rows(organisations=None) -> list[list]:
    """One row per offer-location (an offer without a place: one row without place)."""
    languages = dict(LANGUAGE_CHOICES)
    rows = []
    with translation.override("nl"):
        requirement_labels = dict(Requirement.choices)
        guidance_labels = dict(Guidance.choices)
        for offer_location in selectors.catalogue_offer_locations(organisations):
            offer = offer_location.offer
            location = offer_location.location if offer_location.location_id else None
            documents = [
                str(requirement_labels[r]) for r in offer.requirements if r in requirement_labels
            ]
            if offer.requirements_other:
                documents.append(offer.requirements_other)
            rows.append(
                [
                    str(offer.pk),
                    str(offer_location.pk) if location else "",
                    offer.title,
                    offer.summary,
                    offer.description,
                    offer.organisation.name,
                    ", ".join(p.name for p in offer.partners.all()),
                    offer.offer_type.name,
                    _names(offer.themes.all()),
                    _names(offer.target_groups.all()),
                    _names(offer.levels.all()),
                    offer.programme.name if offer.programme_id else "",
                    ", ".join(
                        str(guidance_labels[g]) for g in offer.guidance if g in guidance_labels
                    ),
                    offer.get_sign_up_display(),
                    offer.sign_up_instructions,
                    _yes_no(offer.is_free),
                    offer.cost_amount,
                    offer.cost_description,
                    _yes_no(offer.membership_required),
                    "; ".join(documents),
                    offer.capacity,
                    offer.computers,
                    _yes_no(offer.printer),
                    _yes_no(offer.privacy_room),
                    ", ".join(str(languages.get(code, code)) for code in offer.languages),
                    offer.contact_name,
                    offer.contact_email,
                    offer.contact_phone,
                    offer.website,
                    location.name if location else "",
                    location.get_kind_display() if location else "",
                    _yes_no(location.is_outreach) if location else "",
                    _yes_no(location.has_ido) if location else "",
                    _yes_no(location.has_taalhuis) if location else "",
                    f"{location.street} {location.house_number}".strip() if location else "",
                    location.postcode if location else "",
                    location.city if location else "",
                    location.municipality.name if location else "",
                    location.municipality.province.name if location else "",
                    location.latitude if location else None,
                    location.longitude if location else None,
                    offer_location.description,
                    _times(offer_location),
                    offer.valid_from,
                    offer.valid_to,
                    _season(offer),
                    offer.last_verified_on,
                    timezone.localtime(offer.updated_at).replace(microsecond=0, tzinfo=None),
                ]
            )
    return rows


def offers_csv(organisations=None) -> bytes:
    """Semicolons, decimal commas, dd-mm-jjjj and a BOM: what Dutch Excel opens as is
    (core/tabular.py, with its formula guard)."""
    return to_csv([HEADERS, *sheet_rows(organisations)]).encode("utf-8")


def offers_xlsx(organisations=None) -> bytes:
    """Real numbers and dates, a filter on every column (core/tabular.py)."""
    return to_xlsx([Sheet("Aanbod", [HEADERS, *sheet_rows(organisations)], auto_filter=True)])


def export(fmt: str, organisations=None) -> bytes:
    if fmt == "json":
        return hsds_json_bytes(organisations)
    if fmt == "datapackage":
        return datapackage_zip(organisations)
    if fmt == "csv":
        return offers_csv(organisations)
    if fmt == "xlsx":
        return offers_xlsx(organisations)
    raise ValueError(f"unknown export format {fmt!r}")


def filename(fmt: str, organisation: Organisation | None = None) -> str:
    from django.utils.text import slugify

    who = slugify(organisation.name) if organisation else "catalogus"
    kind = "hsds" if fmt in ("json", "datapackage") else "aanbod"
    return f"ontwikkelplein-{kind}-{who}-{timezone.localdate():%Y%m%d}.{EXTENSIONS[fmt]}"
