"""Collecting the records of a file (importer.files reads it) into a Bundle: every
organisation, service, location and taxonomy term once, keyed by HSDS id, however deeply the
file nests them (a location under its organisation and again under a service), from HSDS JSON,
one page of an HSDS API, or the tabular datapackage."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ontwikkelplein.opendata.importer.files import (
    RESOURCES,
    ImportFileError,
    Source,
    tables_to_objects,
)
from ontwikkelplein.opendata.importer.ids import empty_id_standin
from ontwikkelplein.opendata.importer.rules import as_text_fields

MAX_RECORDS = 200_000


@dataclass
class Bundle:
    """The records of a file, flattened and keyed by HSDS id."""

    organizations: dict = field(default_factory=dict)
    services: dict = field(default_factory=dict)
    locations: dict = field(default_factory=dict)
    location_owner: dict = field(default_factory=dict)  # location id -> organization id
    terms: dict = field(default_factory=dict)  # loose taxonomy terms
    taxonomies: dict = field(default_factory=dict)
    roots: list = field(default_factory=list)  # (type, object) as found, for validation
    notes: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # found while reading (a G!DS row)
    overrides: dict = field(default_factory=dict)  # service id -> our field values (G!DS)
    location_overrides: dict = field(default_factory=dict)  # location id -> our field values
    raw_ids: dict = field(default_factory=dict)  # our uuid -> the id in the file (importer.ids)

    @property
    def size(self) -> int:
        return len(self.organizations) + len(self.services) + len(self.locations) + len(self.terms)


def collect(source: Source) -> Bundle:
    as_text_fields(source.data)
    as_text_fields(source.tables)
    bundle = Bundle(notes=list(source.notes or []))
    if source.format == "gids":
        from ontwikkelplein.opendata.importer.gids import Converter

        converter = Converter()
        services, bundle.overrides, bundle.location_overrides = converter.convert(
            source.tables["rows"]
        )
        bundle.problems = converter.problems
        for service in services:
            _add_root(bundle, "service", service)
        if not services and not bundle.problems:
            raise ImportFileError(_("Het bestand bevat geen records."))
        return bundle
    if source.format == "datapackage":
        objects = tables_to_objects(source.tables)
        for kind in ("organizations", "services", "locations"):
            for obj in objects[kind]:
                _add_root(bundle, kind[:-1] if kind != "services" else "service", obj)
        return bundle
    data = source.data
    if isinstance(data, dict) and _is_tabular_json(data):
        tables = {}
        by_file = {v: k for k, v in RESOURCES.items()}
        for name, rows in data.items():
            if name in by_file and isinstance(rows, list):
                tables[by_file[name]] = [r for r in rows if isinstance(r, dict)]
        return collect(Source("datapackage", tables=tables, notes=source.notes))
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = data["contents"]  # one page of an HSDS API
    elif isinstance(data, list):
        items = data
    else:
        items = [data]
    if len(items) > MAX_RECORDS:
        raise ImportFileError(
            _("Het bestand bevat te veel records (%(count)s, hoogstens %(max)s).")
            % {"count": len(items), "max": MAX_RECORDS}
        )
    for item in items:
        _add_root(bundle, detect(item), item)
    if not bundle.roots:
        raise ImportFileError(_("Het bestand bevat geen records."))
    return bundle


def _items(value) -> list:
    """A list field as a list; anything else (a number where HSDS has a list) as nothing here:
    validation reports it (importer.rules)."""
    return list(value) if isinstance(value, list) else []


def _is_tabular_json(data: dict) -> bool:
    return bool(data) and all(isinstance(k, str) and k.endswith(".csv") for k in data)


def detect(obj) -> str:
    """Which HSDS object this is, from its fields."""
    if not isinstance(obj, dict):
        return "unknown"
    if "openapi_url" in obj:
        return "api_root"
    if "location_type" in obj:
        return "location"
    if isinstance(obj.get("service"), dict) or (
        "service_id" in obj and ("location" in obj or "location_id" in obj)
    ):
        return "service_at_location"
    if "status" in obj or "service_at_locations" in obj or "program_id" in obj:
        return "service"
    if any(k in obj for k in ("taxonomy", "taxonomy_detail", "taxonomy_id", "term_uri", "code")):
        return "taxonomy_term"
    if "version" in obj and not any(k in obj for k in ("email", "website", "services")):
        return "taxonomy"
    return "organization"


def _add_root(bundle: Bundle, kind: str, obj) -> None:
    if kind == "api_root":
        raise ImportFileError(
            _(
                "Dit is de beginpagina van een HSDS-API, geen gegevens. "
                "Upload organisaties of diensten."
            )
        )
    if kind == "unknown":
        bundle.roots.append(("organization", obj))
        return
    bundle.roots.append((kind, obj))
    if kind == "organization":
        _add_organization(bundle, obj)
    elif kind == "service":
        _add_service(bundle, obj, None)
    elif kind == "service_at_location":
        service = obj.get("service")
        sal = {k: v for k, v in obj.items() if k != "service"}
        if isinstance(service, dict):
            service = dict(service)
            service["service_at_locations"] = [sal]
            _add_service(bundle, service, None)
        elif isinstance(obj.get("service_id"), str):
            existing = bundle.services.get(obj["service_id"])
            if existing is None:
                existing = {"id": obj["service_id"], "_reference_only": True}
                bundle.services[obj["service_id"]] = existing
            existing.setdefault("service_at_locations", []).append(sal)
            _add_location_of(bundle, sal, None)
    elif kind == "location":
        _add_location(bundle, obj, obj.get("organization_id"))
    elif kind == "taxonomy_term" and isinstance(obj.get("id"), str):
        bundle.terms[obj["id"]] = obj
    elif kind == "taxonomy" and isinstance(obj.get("id"), str):
        bundle.taxonomies[obj["id"]] = obj


def _merge(target: dict, obj: dict) -> dict:
    """The same record met twice (a location under its organisation and under a service):
    keep every field either copy has."""
    for key, value in obj.items():
        if key not in target or target[key] in (None, "", []):
            target[key] = value
    return target


def _own_id(bundle: Bundle, kind: str, obj: dict):
    """The record's id; an empty one is replaced by one made from its name (importer.ids), in
    place, so every copy of the record in the file agrees."""
    rid = obj.get("id")
    if rid == "":
        rid = empty_id_standin(kind, obj, bundle.notes)
        if rid is not None:
            obj["id"] = rid
    return rid


def _add_organization(bundle: Bundle, obj: dict) -> None:
    oid = _own_id(bundle, "organization", obj)
    if not isinstance(oid, str):
        return
    record = {k: v for k, v in obj.items() if k not in ("services", "locations")}
    _merge(bundle.organizations.setdefault(oid, {}), record)
    for location in _items(obj.get("locations")):
        if isinstance(location, dict):
            _add_location(bundle, location, oid)
    for service in _items(obj.get("services")):
        if isinstance(service, dict):
            _add_service(bundle, service, oid)


def _add_location(bundle: Bundle, obj: dict, organization_id) -> None:
    lid = _own_id(bundle, "location", obj)
    if not isinstance(lid, str):
        return
    _merge(bundle.locations.setdefault(lid, {}), obj)
    owner = obj.get("organization_id") or organization_id
    if owner and lid not in bundle.location_owner:
        bundle.location_owner[lid] = owner


def _add_location_of(bundle: Bundle, sal: dict, organization_id) -> None:
    location = sal.get("location")
    if isinstance(location, dict):
        _add_location(bundle, location, location.get("organization_id") or organization_id)


def _add_service(bundle: Bundle, obj: dict, organization_id) -> None:
    sid = _own_id(bundle, "service", obj)
    if not isinstance(sid, str):
        return
    service = dict(obj)
    organization = service.get("organization")
    if isinstance(organization, dict) and isinstance(
        _own_id(bundle, "organization", organization), str
    ):
        _merge(bundle.organizations.setdefault(organization["id"], {}), organization)
        service.setdefault("organization_id", organization["id"])
    if organization_id and not service.get("organization_id"):
        service["organization_id"] = organization_id
    previous = bundle.services.get(sid)
    if previous and previous.get("_reference_only"):
        service.setdefault("service_at_locations", [])
        service["service_at_locations"] = _items(service["service_at_locations"]) + _items(
            previous.get("service_at_locations")
        )
    bundle.services[sid] = service
    for sal in _items(service.get("service_at_locations")):
        if isinstance(sal, dict):
            _add_location_of(bundle, sal, service.get("organization_id"))
