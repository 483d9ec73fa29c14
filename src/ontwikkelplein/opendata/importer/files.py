"""Reading an HSDS import file safely: HSDS JSON, or the HSDS tabular datapackage (a folder or a
zip with datapackage.json and CSV files). Every limit is checked before the expensive step it
protects: the size before reading, the uncompressed sizes and ratio before unpacking, the
nesting depth before walking. Nothing is ever extracted to disk, so a zip cannot write outside
its folder. Problems raise ImportFileError with a Dutch message for the person who uploaded."""

import csv
import io
import json
import math
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 20 * 1024 * 1024  # an upload; the command can raise it (--max-mb)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all CSV files of a datapackage together, unpacked
MAX_ZIP_RATIO = 100  # unpacked / packed per file: real CSV packs 5-15x, bombs 1000x+
MAX_ZIP_ENTRIES = 200
MAX_JSON_DEPTH = 40  # the official full examples nest about 14 deep
MAX_CSV_FIELD = 1024 * 1024
MAX_NUMBER_DIGITS = 100  # a number in the file (JSON or CSV); HSDS needs a handful of digits

# The HSDS 3.1 tabular resources (datapackage resource name -> default file name).
RESOURCES = {
    "organization": "organizations.csv",
    "program": "programs.csv",
    "service": "services.csv",
    "attribute": "attributes.csv",
    "service_at_location": "service_at_location.csv",
    "location": "locations.csv",
    "phone": "phones.csv",
    "contact": "contacts.csv",
    "address": "addresses.csv",
    "schedule": "schedules.csv",
    "funding": "funding.csv",
    "service_area": "service_areas.csv",
    "required_document": "required_documents.csv",
    "language": "languages.csv",
    "accessibility": "accessibility.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "metadata": "metadata.csv",
    "meta_table_description": "meta_table_descriptions.csv",
    "cost_option": "cost_options.csv",
    "organization_identifier": "organization_identifiers.csv",
    "taxonomy": "taxonomies.csv",
    "service_capacity": "service_capacity.csv",
    "unit": "units.csv",
    "url": "url.csv",
}
NUMBER_FIELDS = {
    "latitude",
    "longitude",
    "amount",
    "minimum_age",
    "maximum_age",
    "extension",
    "year_incorporated",
    "available",
    "maximum",
    "timezone",
    "count",
    "interval",
}


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is Dutch and says why."""


@dataclass
class Source:
    format: str  # "json" or "datapackage"
    data: object = None  # parsed JSON
    tables: dict | None = None  # resource name -> list of row dicts
    notes: list | None = None  # Dutch remarks about the file itself


def read_path(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> Source:
    """A file (JSON or zip) or a folder holding a datapackage."""
    path = Path(path)
    if path.is_dir():
        return _read_folder(path)
    if not path.is_file():
        raise ImportFileError(_("Het bestand %(name)s bestaat niet.") % {"name": path.name})
    _check_size(path.stat().st_size, max_bytes)
    with path.open("rb") as handle:
        return read_file(handle, path.name, max_bytes=max_bytes)


def read_file(handle, name: str, *, max_bytes: int = MAX_FILE_BYTES) -> Source:
    """An open binary file (seekable). Looks at the content, not at the name."""
    handle.seek(0, io.SEEK_END)
    _check_size(handle.tell(), max_bytes)
    handle.seek(0)
    head = handle.read(4)
    handle.seek(0)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _read_zip(handle)
    start = _first_significant(handle)
    handle.seek(0)
    if start in ("{", "["):
        return Source("json", data=_parse_json(handle.read()))
    raw = handle.read()
    handle.seek(0)
    first_line = raw[:4096].decode("utf-8", errors="replace").lstrip("\ufeff").split("\n", 1)[0]
    if "Titel" in first_line and "Aanbieder" in first_line:
        from ontwikkelplein.opendata.importer import gids  # it reads this module's limits

        return gids.read_csv(raw)
    if name.lower().endswith(".csv"):
        raise ImportFileError(
            _(
                "Eén los CSV-bestand is niet genoeg. Upload een zip-bestand met "
                "datapackage.json en de CSV-bestanden van HSDS (bijvoorbeeld services.csv)."
            )
        )
    raise ImportFileError(
        _(
            "Dit bestand is geen JSON-bestand en geen zip-bestand. Upload HSDS-gegevens als "
            "JSON, of als zip met datapackage.json en CSV-bestanden."
        )
    )


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ImportFileError(
            _("Het bestand is te groot: %(size)s MB. Het mag hoogstens %(max)s MB zijn.")
            % {"size": round(size / 1024 / 1024, 1), "max": round(max_bytes / 1024 / 1024)}
        )
    if size == 0:
        raise ImportFileError(_("Het bestand is leeg."))


def _first_significant(handle) -> str:
    chunk = handle.read(1024)
    text = chunk.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    return text[:1]


def _parse_json(raw: bytes):
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("Het bestand is geen geldige UTF-8-tekst (fout bij teken %(pos)s).")
            % {"pos": exc.start}
        ) from None
    try:
        data = json.loads(
            text, parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant
        )
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _("Dit is geen geldige JSON: %(reason)s (regel %(line)s, kolom %(column)s).")
            % {"reason": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from None
    except RecursionError:
        raise ImportFileError(
            _("De JSON is te diep genest (hoogstens %(max)s lagen).") % {"max": MAX_JSON_DEPTH}
        ) from None
    if _too_deep(data):
        raise ImportFileError(
            _("De JSON is te diep genest (hoogstens %(max)s lagen).") % {"max": MAX_JSON_DEPTH}
        )
    check_text(data)
    return data


def _too_long_number() -> ImportFileError:
    return ImportFileError(
        _("Een getal in het bestand is te lang (hoogstens %(max)s cijfers).")
        % {"max": MAX_NUMBER_DIGITS}
    )


def _json_int(text: str) -> int:
    # Python refuses to read integers of more than 4,300 digits (with a ValueError); no HSDS
    # field needs more than a handful.
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _too_long_number()
    return int(text)


def _json_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _too_long_number()
    number = float(text)
    if not math.isfinite(number):  # 1e999
        raise _too_long_number()
    return number


def _json_constant(name: str):
    # NaN and Infinity are no JSON, though Python's parser reads them.
    raise ImportFileError(
        _("Dit is geen geldige JSON: %(reason)s.")
        % {"reason": _("%(name)s is geen getal in JSON") % {"name": name}}
    )


def check_text(data) -> None:
    """Refuses text that cannot be stored: a NUL character (PostgreSQL text cannot hold it) or
    an unpaired UTF-16 surrogate such as "\\ud800" (JSON allows it, UTF-8 cannot encode it).
    The message names the field, not the bad text. Iterative, like the depth check."""
    stack = [(data, "")]
    while stack:
        value, field = stack.pop()
        if isinstance(value, str):
            _check_string(value, field)
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_string(str(key), field)
                stack.append((item, str(key)))
        elif isinstance(value, list):
            stack.extend((item, field) for item in value)


def _check_string(text: str, field: str) -> None:
    where = field if _storable(field) else "?"
    if "\x00" in text:
        raise ImportFileError(
            _("Het veld %(field)s bevat een ongeldig teken (NUL).") % {"field": where}
        )
    if not _storable(text):
        raise ImportFileError(
            _(
                "Het veld %(field)s bevat een teken dat niet bestaat (een UTF-16-surrogaat "
                "zonder partner)."
            )
            % {"field": where}
        )


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def _too_deep(data) -> bool:
    """Iterative (no recursion of our own); the parser itself stops at Python's limit."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return False


# --- datapackage ------------------------------------------------------------------------------


def _read_folder(folder: Path) -> Source:
    files = {p.name: p for p in folder.iterdir() if p.is_file()}
    total = sum(p.stat().st_size for p in files.values())
    if total > MAX_UNPACKED_BYTES:
        raise ImportFileError(_("De map met CSV-bestanden is te groot."))
    return _datapackage(
        names=set(files),
        read=lambda name: files[name].read_bytes(),
    )


def _read_zip(handle) -> Source:
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile:
        raise ImportFileError(_("Het zip-bestand is beschadigd of onvolledig.")) from None
    entries = [info for info in archive.infolist() if not info.is_dir()]
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportFileError(
            _("Het zip-bestand bevat te veel bestanden (%(count)s, hoogstens %(max)s).")
            % {"count": len(entries), "max": MAX_ZIP_ENTRIES}
        )
    by_name = {}
    total = 0
    for info in entries:
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in info.filename:
            raise ImportFileError(
                _("Het zip-bestand bevat een onveilige bestandsnaam: %(name)s.")
                % {"name": info.filename[:100]}
            )
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise ImportFileError(
                _("Uitgepakt is het zip-bestand te groot (meer dan %(max)s MB).")
                % {"max": MAX_UNPACKED_BYTES // 1024 // 1024}
            )
        if info.file_size > 10_000 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise ImportFileError(
                _("Het zip-bestand is verdacht sterk ingepakt (%(name)s). Het is niet uitgepakt.")
                % {"name": path.name[:100]}
            )
        # Files may sit in one folder inside the zip; only the file name counts.
        by_name.setdefault(path.name, info)

    if "workbook.xml" in by_name and "[Content_Types].xml" in by_name:
        from ontwikkelplein.opendata.importer import gids  # an Excel file: the G!DS columns

        handle.seek(0)
        return gids.read_xlsx(handle)

    def read(name):
        info = by_name[name]
        with archive.open(info) as member:
            # Read one byte more than announced: a lying header cannot unpack more than that.
            data = member.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise ImportFileError(
                _("Het zip-bestand klopt niet (een bestand is groter dan opgegeven).")
            )
        return data

    try:
        return _datapackage(names=set(by_name), read=read)
    except (zipfile.BadZipFile, RuntimeError, OSError, EOFError):
        raise ImportFileError(_("Het zip-bestand is beschadigd of onvolledig.")) from None


def _datapackage(*, names: set[str], read) -> Source:
    notes = []
    paths = dict(RESOURCES)
    if "datapackage.json" in names:
        try:
            package = json.loads(read("datapackage.json").decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            # ValueError: also an integer of more than 4,300 digits.
            package = None
            notes.append(
                _(
                    "datapackage.json is geen geldige JSON; "
                    "de standaardnamen van HSDS zijn gebruikt."
                )
            )
        if isinstance(package, dict) and isinstance(package.get("resources"), list):
            for resource in package["resources"]:
                if (
                    isinstance(resource, dict)
                    and resource.get("name") in RESOURCES
                    and isinstance(resource.get("path"), str)
                ):
                    paths[resource["name"]] = PurePosixPath(resource["path"]).name
    elif not names & set(RESOURCES.values()):
        raise ImportFileError(
            _(
                "In het zip-bestand staan geen HSDS-bestanden. Verwacht: datapackage.json met "
                "CSV-bestanden zoals organizations.csv en services.csv."
            )
        )
    tables = {}
    for resource, file_name in paths.items():
        if file_name in names:
            tables[resource] = _read_csv(read(file_name), file_name)
    if not any(tables.get(r) for r in ("organization", "service", "location")):
        raise ImportFileError(
            _(
                "Het datapakket bevat geen organisaties, diensten of locaties "
                "(organizations.csv, services.csv of locations.csv)."
            )
        )
    check_text(tables)
    return Source("datapackage", tables=tables, notes=notes)


def _read_csv(raw: bytes, file_name: str) -> list[dict]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("%(name)s is geen geldige UTF-8-tekst.") % {"name": file_name}
        ) from None
    csv.field_size_limit(MAX_CSV_FIELD)
    rows = []
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for row in reader:
            clean = {}
            for key, value in row.items():
                if key is None or value is None or value == "":
                    continue  # empty cells are absent fields; extra cells have no column
                key = key.strip()
                if key in NUMBER_FIELDS:
                    value = _number(value)
                clean[key] = value
            if clean:
                rows.append(clean)
    except csv.Error as exc:
        raise ImportFileError(
            _("%(name)s is geen geldig CSV-bestand: %(reason)s.")
            % {"name": file_name, "reason": str(exc)}
        ) from None
    return rows


def _number(value: str):
    """CSV cells are text; HSDS numbers become numbers (a bad number stays text and fails
    validation with a clear message)."""
    if len(value) > MAX_NUMBER_DIGITS:
        raise _too_long_number()
    try:
        number = float(value)
    except ValueError:
        return value
    if not math.isfinite(number):  # "nan", "inf", 1e999: text, refused by validation
        return value
    return int(number) if number.is_integer() and "." not in value else number


def tables_to_objects(tables: dict) -> dict:
    """The tabular form as nested HSDS objects, the same shape as the JSON export: a dict with
    "organizations", "services" and "locations" (those not nested in anything else)."""

    def by(resource, key):
        grouped = {}
        for row in tables.get(resource, []):
            if row.get(key):
                grouped.setdefault(row[key], []).append(row)
        return grouped

    terms = {row["id"]: dict(row) for row in tables.get("taxonomy_term", []) if row.get("id")}
    taxonomies = {row["id"]: row for row in tables.get("taxonomy", []) if row.get("id")}
    for term in terms.values():
        if term.get("taxonomy_id") in taxonomies:
            term["taxonomy_detail"] = taxonomies[term["taxonomy_id"]]
    units = {row["id"]: row for row in tables.get("unit", []) if row.get("id")}

    phones_by = {
        k: by("phone", k) for k in ("service_id", "organization_id", "contact_id", "location_id")
    }
    contacts_by = {k: by("contact", k) for k in ("service_id", "organization_id", "location_id")}
    attributes = by("attribute", "link_id")
    schedules_sal = by("schedule", "service_at_location_id")

    def phones(kind, owner_id):
        return [dict(p) for p in phones_by[kind].get(owner_id, [])]

    def contacts(kind, owner_id):
        found = []
        for contact in contacts_by[kind].get(owner_id, []):
            contact = dict(contact)
            contact["phones"] = phones("contact_id", contact["id"])
            found.append(contact)
        return found

    def attrs(owner_id):
        found = []
        for attribute in attributes.get(owner_id, []):
            attribute = dict(attribute)
            if attribute.get("taxonomy_term_id") in terms:
                attribute["taxonomy_term"] = terms[attribute["taxonomy_term_id"]]
            found.append(attribute)
        return found

    addresses = by("address", "location_id")
    accessibility = by("accessibility", "location_id")
    location_schedules = {}
    for row in tables.get("schedule", []):
        if (
            row.get("location_id")
            and not row.get("service_at_location_id")
            and not row.get("service_id")
        ):
            location_schedules.setdefault(row["location_id"], []).append(row)
    locations = {}
    for row in tables.get("location", []):
        if not row.get("id"):
            continue
        location = dict(row)
        location["addresses"] = addresses.get(row["id"], [])
        location["accessibility"] = accessibility.get(row["id"], [])
        location["schedules"] = location_schedules.get(row["id"], [])
        location["attributes"] = attrs(row["id"])
        location["phones"] = phones("location_id", row["id"])
        locations[row["id"]] = location

    service_schedules = {}
    for row in tables.get("schedule", []):
        if row.get("service_id") and not row.get("service_at_location_id"):
            service_schedules.setdefault(row["service_id"], []).append(row)
    used_locations = set()
    sals = by("service_at_location", "service_id")
    programs = {row["id"]: row for row in tables.get("program", []) if row.get("id")}
    lists = {
        name: by(resource, "service_id")
        for name, resource in (
            ("languages", "language"),
            ("required_documents", "required_document"),
            ("cost_options", "cost_option"),
            ("capacities", "service_capacity"),
            ("service_areas", "service_area"),
            ("funding", "funding"),
        )
    }
    services = []
    for row in tables.get("service", []):
        if not row.get("id"):
            services.append(dict(row))
            continue
        service = dict(row)
        sid = row["id"]
        service["phones"] = phones("service_id", sid)
        service["contacts"] = contacts("service_id", sid)
        service["attributes"] = attrs(sid)
        service["schedules"] = service_schedules.get(sid, [])
        for name, grouped in lists.items():
            service[name] = [dict(r) for r in grouped.get(sid, [])]
        for capacity in service["capacities"]:
            if capacity.get("unit_id") in units:
                capacity["unit"] = units[capacity["unit_id"]]
        if row.get("program_id") in programs:
            service["program"] = programs[row["program_id"]]
        service["service_at_locations"] = []
        for sal_row in sals.get(sid, []):
            sal = dict(sal_row)
            sal["schedules"] = [dict(s) for s in schedules_sal.get(sal_row.get("id"), [])]
            if sal_row.get("location_id") in locations:
                sal["location"] = locations[sal_row["location_id"]]
                used_locations.add(sal_row["location_id"])
            service["service_at_locations"].append(sal)
        services.append(service)

    organizations = []
    nested_locations = set()
    for row in tables.get("organization", []):
        organization = dict(row)
        oid = row.get("id")
        organization["phones"] = phones("organization_id", oid)
        organization["contacts"] = contacts("organization_id", oid)
        organization["programs"] = [p for p in programs.values() if p.get("organization_id") == oid]
        organization["organization_identifiers"] = [
            r for r in tables.get("organization_identifier", []) if r.get("organization_id") == oid
        ]
        organization["locations"] = [
            loc for loc in locations.values() if loc.get("organization_id") == oid
        ]
        nested_locations.update(loc["id"] for loc in organization["locations"])
        organizations.append(organization)
    loose_locations = [
        loc
        for lid, loc in locations.items()
        if lid not in nested_locations and lid not in used_locations
    ]
    return {"organizations": organizations, "services": services, "locations": loose_locations}
