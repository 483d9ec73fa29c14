"""The G!DS spreadsheet (CSV or XLSX with the columns of opendata.exports.SHEET_COLUMNS) read
back in, so a library can move its G!DS export in and out.

Each row is one offer at one place (an offer without a place: one row without one). The rows
are checked here, each broken cell a Problem naming the row and the column in Dutch; then they
become HSDS services (one per Aanbod-id, its rows its service_at_locations) that go through the
same writer as any HSDS file, all or nothing. What HSDS cannot carry exactly (the summary, the
costs, what to bring, guidance, computers, the season ...) goes straight to our fields through
Bundle.overrides, so an export imports back into the same offers.

Ids: the sheet has the offer and offer-location ids; an empty Aanbod-id (a sheet filled in by
hand) gets a stable uuid5 from the provider and the title, so importing it again updates the
same offer. Locations and times have no id in the sheet: locations are matched by name within
the organisation, times get uuid5 ids from their place and their text."""

import csv
import datetime
import io
import re
import uuid
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import (
    LANGUAGE_CHOICES,
    Guidance,
    Programme,
    Requirement,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.core.tabular import FORMULA_STARTS
from ontwikkelplein.opendata import hsds
from ontwikkelplein.opendata.exports import HEADERS
from ontwikkelplein.opendata.importer.files import MAX_CSV_FIELD, ImportFileError, Source
from ontwikkelplein.opendata.importer.rules import UUID_RE, Problem
from ontwikkelplein.organisations.models import LocationKind, Organisation

NAMESPACE = uuid.UUID("5f0d3c4e-7a39-4a53-9c55-6d1f1b0b6a11")  # ids made for G!DS rows
MAX_ROWS = 200_000
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TIME_RE = re.compile(
    r"^(?:elke\s+)?(?P<day>[a-z]+)(?:\s+(?P<date>\d{1,2}-\d{1,2}-\d{4}))?\s+"
    r"(?P<opens>\d{1,2}[:.]\d{2})\s*[-–]\s*(?P<closes>\d{1,2}[:.]\d{2})$"
)
YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
NO = {"nee", "n", "no", "false", "onwaar", "0", ""}
REQUIRED_HEADERS = ("Titel",)


def looks_like_gids(header) -> bool:
    names = {str(h or "").strip() for h in header}
    return {"Titel", "Aanbieder"} <= names and ("Aanbod-id" in names or "Meedoen" in names)


def read_csv(raw: bytes) -> Source:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("Het CSV-bestand is geen geldige UTF-8-tekst.")) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    csv.field_size_limit(MAX_CSV_FIELD)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(
            _("Het CSV-bestand is niet te lezen: %(reason)s.") % {"reason": str(exc)[:200]}
        ) from None
    return _source(rows)


def read_xlsx(handle) -> Source:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
        workbook.close()
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise ImportFileError(_("Het Excel-bestand is beschadigd of niet te lezen.")) from None
    return _source(rows)


def _source(rows: list[list]) -> Source:
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows or not looks_like_gids(rows[0]):
        raise ImportFileError(
            _(
                "Dit spreadsheet heeft niet de kolommen van de G!DS-export (Aanbod-id, Titel, "
                "Aanbieder, ...). Exporteer het aanbod als CSV of Excel en gebruik die kolommen."
            )
        )
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(
            _("Het bestand bevat te veel rijen (hoogstens %(max)s).") % {"max": MAX_ROWS}
        )
    header = [str(h or "").strip() for h in rows[0]]
    notes = []
    unknown = [h for h in header if h and h not in HEADERS]
    if unknown:
        notes.append(
            _("Deze kolommen zijn niet gebruikt: %(names)s.") % {"names": ", ".join(unknown)[:300]}
        )
    table = []
    for number, row in enumerate(rows[1:], start=2):
        table.append((number, {h: row[i] for i, h in enumerate(header) if h and i < len(row)}))
    return Source("gids", tables={"rows": table}, notes=notes)


# --- From rows to HSDS services ------------------------------------------------------------------


class _RowError(Exception):
    def __init__(self, column, message):
        super().__init__(message)
        self.column, self.message = column, message


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS:
        text = text[1:]  # the export's formula guard
    return text


def _yes_no(row, column) -> bool:
    value = row.get(column)
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise _RowError(column, _("Vul ja of nee in, niet %(value)s.") % {"value": text[:40]})


def _number(row, column, *, decimal=False):
    value = row.get(column)
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = _text(value).replace(" ", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise _RowError(
                column, _("Dit is geen getal: %(value)s.") % {"value": text[:40]}
            ) from None
    if not number.is_finite() or abs(number) >= 1_000_000:
        raise _RowError(column, _("Dit getal is te groot of ongeldig."))
    if decimal:
        return number.quantize(Decimal("0.01"))
    if number != number.to_integral_value() or number < 0 or number > 32767:
        raise _RowError(column, _("Vul een heel getal van 0 tot 32767 in."))
    return int(number)


def _coordinate(row, column, limit):
    value = row.get(column)
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        try:
            number = float(_text(value).replace(",", "."))
        except ValueError:
            raise _RowError(
                column, _("Dit is geen getal: %(value)s.") % {"value": str(value)[:40]}
            ) from None
    if not -limit <= number <= limit:
        raise _RowError(column, _("Deze coördinaat ligt niet op aarde."))
    return number


def _date(row, column):
    value = row.get(column)
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for pattern in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y %H:%M"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _RowError(
        column, _("Dit is geen datum (verwacht: DD-MM-JJJJ): %(value)s.") % {"value": text[:40]}
    )


def _choice(row, column, choices, *, default=None):
    text = _text(row.get(column))
    if not text:
        return default
    for value, label in choices:
        if text.lower() in (str(label).lower(), str(value).lower()):
            return value
    raise _RowError(
        column,
        _("De waarde %(value)s is niet toegestaan. Kies uit: %(allowed)s.")
        % {"value": text[:60], "allowed": ", ".join(str(label) for _v, label in choices)},
    )


def _season(text: str, column):
    if not text:
        return None, None
    match = re.fullmatch(r"([a-z]+) tot en met ([a-z]+)", text.lower())
    if match and match[1] in hsds.MONTH_NAMES and match[2] in hsds.MONTH_NAMES:
        return hsds.MONTH_NAMES.index(match[1]) + 1, hsds.MONTH_NAMES.index(match[2]) + 1
    raise _RowError(
        column,
        _("Schrijf het seizoen als ‘maart tot en met april’, niet %(value)s.")
        % {"value": text[:60]},
    )


def _times(text: str, place_id: str, column) -> list[dict]:
    schedules, seen = [], {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        match = TIME_RE.match(part.lower())
        if not match or match["day"] not in hsds.DAY_NAMES:
            raise _RowError(
                column,
                _(
                    "Deze tijd is niet te lezen: %(value)s. Schrijf bijvoorbeeld ‘elke maandag "
                    "10:00-12:00’ of ‘dinsdag 03-03-2026 10:00-12:00’, gescheiden door ;."
                )
                % {"value": part[:60]},
            )
        opens, closes = (match[k].replace(".", ":").zfill(5) for k in ("opens", "closes"))
        key = f"tijd:{part.lower()}"
        seen[key] = seen.get(key, -1) + 1  # the same time twice is two rows, as exported
        schedule = {
            "id": str(
                uuid.uuid5(uuid.UUID(place_id), key + (f":{seen[key]}" if seen[key] else ""))
            ),
            "opens_at": opens,
            "closes_at": closes,
        }
        if match["date"]:
            try:
                day = datetime.datetime.strptime(match["date"], "%d-%m-%Y").date()
            except ValueError:
                raise _RowError(
                    column, _("Deze datum bestaat niet: %(value)s.") % {"value": match["date"]}
                ) from None
            schedule |= {"dtstart": day.isoformat(), "count": 1}
        else:
            schedule |= {
                "freq": "WEEKLY",
                "byday": BYDAY[hsds.DAY_NAMES.index(match["day"])],
            }
        schedules.append(schedule)
    return schedules


def _split_names(text: str, known) -> list[str]:
    """The names of a cell joined with ", " (the export's way), where a name may itself hold a
    comma ("Taal-, reken- en ..."): the longest run of pieces that `known` accepts wins. An
    unknown name raises KeyError with that name."""
    pieces = [p.strip() for p in text.split(",")]
    names, start = [], 0
    while start < len(pieces):
        if not pieces[start]:
            start += 1
            continue
        for end in range(len(pieces), start, -1):
            name = ", ".join(pieces[start:end])
            if known(name):
                names.append(name)
                start = end
                break
        else:
            raise KeyError(pieces[start])
    return names


class Converter:
    """Rows to HSDS services and the overrides of our own fields; problems per row."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.terms = {}
        for term in TaxonomyTerm.objects.select_related("taxonomy"):
            self.terms.setdefault((term.taxonomy.slug, term.name.lower()), term)
            self.terms.setdefault((term.taxonomy.slug, term.code.lower()), term)
        self.organisations = {o.name.lower(): o for o in Organisation.objects.only("id", "name")}
        self.programmes = {p.name.lower(): p for p in Programme.objects.all()}
        self.languages = {}
        for code, name in LANGUAGE_CHOICES:
            self.languages[str(name).lower()] = code
            self.languages[code.lower()] = code

    def _term_ids(self, row, column, slug) -> list[str]:
        try:
            names = _split_names(
                _text(row.get(column)), lambda name: (slug, name.lower()) in self.terms
            )
        except KeyError as exc:
            raise _RowError(
                column,
                _("Onbekende term: %(value)s. Gebruik de namen uit de catalogus.")
                % {"value": str(exc.args[0])[:60]},
            ) from None
        return [str(self.terms[(slug, name.lower())].pk) for name in names]

    def convert(self, rows) -> tuple[list[dict], dict, dict]:
        services: dict[str, dict] = {}
        overrides: dict[str, dict] = {}
        location_overrides: dict[str, dict] = {}
        for number, row in rows:
            try:
                self._row(number, row, services, overrides, location_overrides)
            except _RowError as exc:
                self.problems.append(
                    Problem(
                        "gids_row",
                        _text(row.get("Aanbod-id"))[:60],
                        _text(row.get("Titel"))[:80],
                        _("rij %(row)s, kolom %(column)s") % {"row": number, "column": exc.column},
                        exc.message,
                    )
                )
        return list(services.values()), overrides, location_overrides

    def _row(self, number, row, services, overrides, location_overrides):
        title = _text(row.get("Titel"))
        if not title:
            raise _RowError("Titel", _("Een aanbod heeft een titel nodig."))
        if len(title) > 150:
            raise _RowError("Titel", _("De titel is te lang: hoogstens 150 tekens."))
        provider = _text(row.get("Aanbieder"))
        organisation = self.organisations.get(provider.lower())
        sid = _text(row.get("Aanbod-id"))
        if sid and not UUID_RE.match(sid):
            # Another system's id (as for HSDS, importer.ids): always the same uuid of ours.
            sid = str(uuid.uuid5(NAMESPACE, f"aanbod-id:{provider.lower()}|{sid}"))
        sid = sid.lower() or str(uuid.uuid5(NAMESPACE, f"{provider.lower()}|{title.lower()}"))
        service = services.get(sid)
        if service is None:
            service = self._service(sid, title, row, organisation)
            services[sid] = service
            overrides[sid] = self._overrides(row)
        place = self._place(sid, row, provider, location_overrides)
        if place is not None:
            service["service_at_locations"].append(place)

    def _service(self, sid, title, row, organisation) -> dict:
        attributes = []
        for column, slug in (
            ("Soort aanbod", Taxonomy.OFFER_TYPE),
            ("Thema's", Taxonomy.THEME),
            ("Doelgroepen", Taxonomy.TARGET_GROUP),
            ("Niveaus", Taxonomy.LEVEL),
        ):
            for term_id in self._term_ids(row, column, slug):
                attributes.append(
                    {
                        "id": str(uuid.uuid5(uuid.UUID(sid), f"term:{term_id}")),
                        "taxonomy_term_id": term_id,
                    }
                )
        service = {
            "id": sid,
            "name": title,
            "status": "active",
            "service_at_locations": [],
            "attributes": attributes,
        }
        if organisation is not None:
            service["organization_id"] = str(organisation.pk)
        return service

    def _overrides(self, row) -> dict:
        requirements, other = [], []
        labels = {str(label).lower(): value for value, label in Requirement.choices}
        for text in (t.strip() for t in _text(row.get("Wat neem je mee")).split(";")):
            if text:
                code = labels.get(text.lower())
                if code:
                    requirements.append(code)
                else:
                    other.append(text)
        guidance = []
        for text in (t.strip() for t in _text(row.get("Begeleiding")).split(",")):
            if text:
                guidance.append(_choice({"Begeleiding": text}, "Begeleiding", Guidance.choices))
        languages = []
        for text in (t.strip() for t in _text(row.get("Talen")).split(",")):
            if text:
                code = self.languages.get(text.lower())
                if code is None:
                    raise _RowError("Talen", _("Onbekende taal: %(value)s.") % {"value": text[:40]})
                languages.append(code)
        programme = _text(row.get("Programma"))
        if programme and programme.lower() not in self.programmes:
            raise _RowError(
                "Programma", _("Onbekend programma: %(value)s.") % {"value": programme[:60]}
            )
        start, end = _season(_text(row.get("Seizoen (elk jaar)")), "Seizoen (elk jaar)")
        email = _text(row.get("E-mailadres"))
        if email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
            raise _RowError("E-mailadres", _("Dit is geen geldig e-mailadres."))
        try:
            partners = [
                self.organisations[name.lower()].pk
                for name in _split_names(
                    _text(row.get("Samen met (partners)")),
                    lambda name: name.lower() in self.organisations,
                )
            ]
        except KeyError as exc:
            raise _RowError(
                "Samen met (partners)",
                _("Onbekende partnerorganisatie: %(value)s.") % {"value": str(exc.args[0])[:60]},
            ) from None
        values = {
            "partners": partners,
            "summary": _text(row.get("Korte zin"))[:200] or _text(row.get("Titel"))[:200],
            "description": _text(row.get("Beschrijving"))[:20_000],
            "sign_up": _choice(row, "Meedoen", SignUp.choices, default=SignUp.WALK_IN),
            "sign_up_instructions": _text(row.get("Zo meld je je aan"))[:20_000],
            "is_free": _yes_no(row, "Gratis") if _text(row.get("Gratis")) else True,
            "cost_amount": _number(row, "Kosten in euro", decimal=True),
            "cost_description": _text(row.get("Uitleg over de kosten"))[:200],
            "membership_required": _yes_no(row, "Lidmaatschap nodig"),
            "requirements": requirements,
            "requirements_other": "; ".join(other)[:200],
            "capacity": _number(row, "Aantal plaatsen") or None,
            "computers": _number(row, "Aantal computers") or 0,
            "printer": _yes_no(row, "Printer"),
            "privacy_room": _yes_no(row, "Aparte ruimte"),
            "guidance": guidance,
            "languages": languages,
            "contact_name": _text(row.get("Contactpersoon"))[:120],
            "contact_email": email[:254],
            "contact_phone": _text(row.get("Telefoonnummer"))[:30],
            "website": _text(row.get("Website"))[:200],
            "valid_from": _date(row, "Geldig vanaf"),
            "valid_to": _date(row, "Geldig tot en met"),
            "season_start_month": start,
            "season_end_month": end,
            "last_verified_on": _date(row, "Laatst gecontroleerd op"),
            "programme_id": self.programmes[programme.lower()].pk if programme else None,
        }
        if values["cost_amount"] is not None and values["cost_amount"] < 0:
            raise _RowError("Kosten in euro", _("De kosten kunnen niet negatief zijn."))
        return values

    def _place(self, sid, row, provider, location_overrides) -> dict | None:
        name = _text(row.get("Locatie"))
        street = _text(row.get("Straat en huisnummer"))
        postcode = _text(row.get("Postcode"))
        latitude = _coordinate(row, "Breedtegraad", 90)
        longitude = _coordinate(row, "Lengtegraad", 180)
        if not (name or street or postcode or latitude is not None):
            return None
        place_id = _text(row.get("Plek-id"))
        if place_id and not UUID_RE.match(place_id):
            place_id = str(uuid.uuid5(uuid.UUID(sid), f"plek-id:{place_id}"))
        place_id = place_id.lower()
        key = f"{provider.lower()}|{name.lower()}|{street.lower()}|{postcode.lower()}"
        lid = str(uuid.uuid5(NAMESPACE, f"locatie:{key}"))
        place_id = place_id or str(uuid.uuid5(uuid.UUID(sid), f"plek:{lid}"))
        location = {
            "id": lid,
            "location_type": "physical",
            "name": name[:200],
            "addresses": [
                {
                    "id": str(uuid.uuid5(uuid.UUID(lid), "adres")),
                    "address_1": street[:200],
                    "postal_code": postcode[:20],
                    "city": _text(row.get("Plaats"))[:100],
                    "region": _text(row.get("Gemeente"))[:100],
                    "state_province": _text(row.get("Provincie"))[:100],
                    "country": "NL",
                    "address_type": "physical",
                }
            ],
        }
        if latitude is not None and longitude is not None:
            location |= {"latitude": latitude, "longitude": longitude}
        extra = {}
        if _text(row.get("Soort plek")):
            extra["kind"] = _choice(row, "Soort plek", LocationKind.choices)
        for column, field in (
            ("Informatiepunt Digitale Overheid (IDO) op deze plek", "has_ido"),
            ("Taalhuis op deze plek", "has_taalhuis"),
        ):
            if _text(row.get(column)):
                extra[field] = _yes_no(row, column)
        location_overrides[lid] = extra
        return {
            "id": place_id,
            "service_id": sid,
            "location_id": lid,
            "description": _text(row.get("Bijzonderheden op deze plek"))[:300],
            "schedules": _times(_text(row.get("Tijden")), place_id, "Tijden"),
            "location": location,
        }
