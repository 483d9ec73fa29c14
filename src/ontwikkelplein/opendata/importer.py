"""HSDS 3.1 import: collect the records of a file, validate all of them, then upsert them in one
transaction. The inverse of opendata.hsds (docs/hsds-mapping.md), so an export imports back
without loss, and the same ids come back.

All or nothing: the rules of the HSDS schemas are checked on every record before anything is
written; what can only be known against the database (a location in a town we do not know, an
offer that belongs to another library) is checked while writing, and any such problem rolls the
whole transaction back. Either way the report names each record, field and reason in Dutch.

Upsert by HSDS id: a record whose id we have is compared field by field and only saved when
something differs (so updated_at moves only for real changes); records we do not have keep their
HSDS id as our primary key. Organisations and locations are matched by id, else by name.
"""

import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Programme,
    Requirement,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.opendata.import_files import ImportFileError, Source, tables_to_objects
from ontwikkelplein.opendata.import_rules import (
    TYPE_LABELS,
    Invalid,
    Problem,
    parse_date,
    parse_time,
    problem,
    valid_url,
    validate,
)
from ontwikkelplein.opendata.models import ExternalTerm
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import (
    Location,
    LocationKind,
    OpeningHours,
    Organisation,
    OrganisationKind,
    PartnerSector,
)
from ontwikkelplein.places.geo import normalise_postcode
from ontwikkelplein.places.models import Municipality, PostcodeArea

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DEFAULT_OFFER_TYPE = "activiteit"  # HSDS has no offer type; ours is required
MAX_RECORDS = 200_000
REINDEX_ONE_BY_ONE = 50  # above this many offers one rebuild of the index is cheaper
CHUNK = 500
MAX_RECORDS_LISTED = 1000  # the report lists the first ones; the counters count them all
INCOMPLETE = gettext_lazy(
    "Als concept opgeslagen: het aanbod heeft nog een plek, een thema en een doelgroep nodig."
)
MEMBERSHIP_OPTION = "Lidmaatschap van de bibliotheek nodig"  # as opendata.hsds writes it
FREE_WORDS = ("gratis", "free", "kosteloos")
HOUSE_NUMBER_RE = re.compile(r"^(?P<street>.+?)\s+(?P<number>\d\S*(?:\s+[A-Za-z]{1,3})?)$")

Progress = Callable[[str, int, int], None]
TERM_FIELDS = ("themes", "target_groups", "levels")

# Which HSDS fields each of our offer fields comes from (for short records, see _is_full).
SOURCE_KEYS = {
    "title": ("name",),
    "summary": ("description", "name"),
    "description": ("description",),
    "website": ("url",),
    "contact_email": ("email", "contacts"),
    "contact_name": ("contacts",),
    "contact_phone": ("contacts", "phones"),
    "sign_up": ("application_process",),
    "sign_up_instructions": ("application_process",),
    "is_free": ("cost_options", "fees_description"),
    "cost_amount": ("cost_options", "fees_description"),
    "cost_description": ("cost_options", "fees_description"),
    "membership_required": ("cost_options",),
    "requirements": ("required_documents",),
    "requirements_other": ("required_documents",),
    "languages": ("languages",),
    "capacity": ("capacities",),
    "last_verified_on": ("assured_date",),
    "programme_id": ("program", "program_id"),
    "offer_type_id": ("attributes",),
}


def _is_full(obj: dict) -> bool:
    """A full service (export, /services/{id}) lists its sub-objects, even when empty; there an
    absent text field means empty. A short one (a list page) leaves out what it does not say."""
    return "service_at_locations" in obj or "attributes" in obj


class ImportAborted(Exception):
    """Raised inside the transaction to roll it back (problems found, or a dry run)."""


@dataclass
class ImportOptions:
    user: object = None  # None: the command line, run by an operator of the installation
    organisation: Organisation | None = None  # import everything for this organisation
    publish: bool = False
    dry_run: bool = False
    progress: Progress | None = None


@dataclass
class ImportReport:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)  # type, id, name, outcome
    counts: Counter = field(default_factory=Counter)
    total: int = 0
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


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

    @property
    def size(self) -> int:
        return len(self.organizations) + len(self.services) + len(self.locations) + len(self.terms)


# --- Collecting the records of a file ------------------------------------------------------


def collect(source: Source) -> Bundle:
    bundle = Bundle(notes=list(source.notes or []))
    if source.format == "datapackage":
        objects = tables_to_objects(source.tables)
        for kind in ("organizations", "services", "locations"):
            for obj in objects[kind]:
                _add_root(bundle, kind[:-1] if kind != "services" else "service", obj)
        return bundle
    data = source.data
    if isinstance(data, dict) and _is_tabular_json(data):
        tables = {}
        from ontwikkelplein.opendata.import_files import RESOURCES

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


def _add_organization(bundle: Bundle, obj: dict) -> None:
    oid = obj.get("id")
    if not isinstance(oid, str):
        return
    record = {k: v for k, v in obj.items() if k not in ("services", "locations")}
    _merge(bundle.organizations.setdefault(oid, {}), record)
    for location in obj.get("locations") or []:
        if isinstance(location, dict):
            _add_location(bundle, location, oid)
    for service in obj.get("services") or []:
        if isinstance(service, dict):
            _add_service(bundle, service, oid)


def _add_location(bundle: Bundle, obj: dict, organization_id) -> None:
    lid = obj.get("id")
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
    sid = obj.get("id")
    if not isinstance(sid, str):
        return
    service = dict(obj)
    organization = service.get("organization")
    if isinstance(organization, dict) and isinstance(organization.get("id"), str):
        _merge(bundle.organizations.setdefault(organization["id"], {}), organization)
        service.setdefault("organization_id", organization["id"])
    if organization_id and not service.get("organization_id"):
        service["organization_id"] = organization_id
    previous = bundle.services.get(sid)
    if previous and previous.get("_reference_only"):
        service.setdefault("service_at_locations", [])
        service["service_at_locations"] = list(service["service_at_locations"]) + previous.get(
            "service_at_locations", []
        )
    bundle.services[sid] = service
    for sal in service.get("service_at_locations") or []:
        if isinstance(sal, dict):
            _add_location_of(bundle, sal, service.get("organization_id"))


# --- Validation ------------------------------------------------------------------------------


def check(bundle: Bundle, progress: Progress | None = None) -> list[Problem]:
    problems = []
    total = len(bundle.roots)
    for index, (kind, obj) in enumerate(bundle.roots, 1):
        problems.extend(validate(kind, obj))
        if progress and (index % CHUNK == 0 or index == total):
            progress("check", index, total)
    return problems


# --- Writing ------------------------------------------------------------------------------


def run(source: Source, options: ImportOptions) -> ImportReport:
    """Collect, check and store (or, on a dry run, check what would change and store nothing).
    Labels are read and written in Dutch, as opendata.hsds writes them."""
    with translation.override("nl"):
        return _run(source, options)


def _run(source: Source, options: ImportOptions) -> ImportReport:
    bundle = collect(source)
    report = ImportReport(total=bundle.size, dry_run=options.dry_run)
    report.warnings.extend(Problem("file", "", "", "-", note) for note in bundle.notes)
    report.errors.extend(check(bundle, options.progress))
    if report.errors:
        return report
    if options.progress:
        options.progress("save", 0, report.total)  # before the transaction: others can see it
    writer = _Writer(bundle, options, report)
    try:
        with transaction.atomic():
            writer.write()
            if report.errors or options.dry_run:
                raise ImportAborted
            offer_ids = writer.touched_offers
            transaction.on_commit(lambda: _reindex(offer_ids))
    except ImportAborted:
        pass
    except IntegrityError as exc:  # a rule we did not foresee; still nothing is stored
        report.errors.append(
            Problem(
                "file",
                "",
                "",
                "-",
                _("De database weigerde de gegevens: %(reason)s") % {"reason": str(exc)[:300]},
            )
        )
    if report.errors:
        report.counts = Counter()
    return report


def _reindex(offer_ids) -> None:
    if len(offer_ids) > REINDEX_ONE_BY_ONE:
        search.rebuild_index()
    else:
        for pk in offer_ids:
            search.index_offer(pk)


class _Writer:
    def __init__(self, bundle: Bundle, options: ImportOptions, report: ImportReport):
        self.bundle = bundle
        self.options = options
        self.report = report
        self.user = options.user
        self.target = options.organisation
        self.org_map: dict[str, Organisation] = {}
        self.location_map: dict[str, Location | None] = {}
        self.touched_offers: list = []
        self.done = 0
        self.publish_refused = False
        self.pending = {"offers": [], "links": [], "places": [], "times": []}
        self.links: dict = {}

    # Reporting --------------------------------------------------------------------------------

    def error(self, kind, obj, field_name, message):
        self.report.errors.append(problem(kind, obj, field_name, message))

    def warn(self, kind, obj, field_name, message):
        self.report.warnings.append(problem(kind, obj, field_name, message))

    def outcome(self, kind, obj_id, name, outcome):
        self.report.counts[outcome] += 1
        if len(self.report.records) < MAX_RECORDS_LISTED:
            self.report.records.append(
                {
                    "type": kind,
                    "type_label": str(TYPE_LABELS.get(kind, kind)),
                    "id": str(obj_id),
                    "name": str(name)[:150],
                    "outcome": outcome,
                }
            )
        self.done += 1
        if self.options.progress and (self.done % CHUNK == 0):
            self.options.progress("save", self.done, self.report.total)

    # Permissions ------------------------------------------------------------------------------

    def may_write(self, organisation_id) -> bool:
        if self.user is None:
            return True
        return scoping.can_edit(self.user, organisation_id) or scoping.is_kb_admin(self.user)

    def may_publish(self, organisation_id) -> bool:
        return self.user is None or scoping.can_edit(self.user, organisation_id)

    # The whole file -------------------------------------------------------------------------

    def write(self):
        self._load_reference()
        self._organisations()
        self._locations()
        self._terms()
        self._services()
        if self.options.progress:
            self.options.progress("save", self.report.total, self.report.total)

    def _load_reference(self):
        self.our_terms = {t.pk: t for t in TaxonomyTerm.objects.select_related("taxonomy")}
        self.terms_by_code = {(t.taxonomy.slug, t.code): t for t in self.our_terms.values()}
        self.taxonomies = {t.pk: t for t in Taxonomy.objects.all()}
        self.taxonomy_by_name = {}
        for taxonomy in self.taxonomies.values():
            self.taxonomy_by_name[taxonomy.slug.lower()] = taxonomy
            self.taxonomy_by_name[taxonomy.name.lower()] = taxonomy
        self.programmes = {p.pk: p for p in Programme.objects.all()}
        self.programme_by_name = {p.name.lower(): p for p in self.programmes.values()}
        self.municipalities = {}
        for municipality in Municipality.objects.all():
            self.municipalities.setdefault(municipality.name.lower(), municipality)
        self.pc4_towns: dict[str, str | None] = {}
        self.default_offer_type = self.terms_by_code.get((Taxonomy.OFFER_TYPE, DEFAULT_OFFER_TYPE))

    # Organisations --------------------------------------------------------------------------

    def _organisations(self):
        records = self.bundle.organizations
        if self.target is not None:
            for oid, obj in records.items():
                self.org_map[oid] = self.target
                if oid != str(self.target.pk) and (obj.get("name") or "") != self.target.name:
                    self.warn(
                        "organization",
                        obj,
                        "id",
                        _(
                            "Niet als eigen organisatie opgeslagen: "
                            "alles is geïmporteerd voor %(target)s."
                        )
                        % {"target": self.target.name},
                    )
            return
        if self.user is not None and not scoping.is_kb_admin(self.user):
            for obj in records.values():
                self.error(
                    "organization",
                    obj,
                    "id",
                    _("Kies de organisatie waarvoor je importeert."),
                )
            return
        ids = [_as_uuid(oid) for oid in records]
        by_id = {str(o.pk): o for o in Organisation.objects.filter(pk__in=[i for i in ids if i])}
        names = {(obj.get("name") or "").strip().lower() for obj in records.values()}
        by_name = {
            o.name.lower(): o for o in Organisation.objects.filter(name__in=[n for n in names if n])
        }
        if len(by_name) < len(names):  # name__in is case-sensitive on PostgreSQL
            for o in Organisation.objects.all().only("id", "name"):
                by_name.setdefault(o.name.lower(), o)
        for oid, obj in records.items():
            name = (obj.get("name") or "").strip()
            organisation = by_id.get(oid) or by_name.get(name.lower())
            values = {
                "name": name,
                "description": obj.get("description") or "",
                "website": _url(obj.get("website")),
                "email": obj.get("email") or "",
                "phone": _first_phone(obj)[:30],
                "isil": _isil(obj),
            }
            if organisation is None:
                organisation = Organisation(
                    id=_as_uuid(oid), kind=OrganisationKind.PARTNER, sector=PartnerSector.OTHER
                )
                _assign(organisation, values)
                organisation.save()
                self.outcome("organization", oid, name, "created")
            else:
                changed = _assign(organisation, values, keep_blank=("isil", "phone"))
                if changed:
                    organisation.save()
                self.outcome("organization", oid, name, "changed" if changed else "unchanged")
            self.org_map[oid] = organisation

    def organisation_for(self, organization_id, kind, obj) -> Organisation | None:
        if self.target is not None:
            return self.target
        if organization_id in self.org_map:
            return self.org_map[organization_id]
        uid = _as_uuid(organization_id)
        organisation = Organisation.objects.filter(pk=uid).first() if uid else None
        if organisation is None:
            self.error(
                kind,
                obj,
                "organization_id",
                _(
                    "Onbekende organisatie: neem de organisatie op in het bestand "
                    "of kies er een bij het importeren."
                ),
            )
        elif not self.may_write(organisation.pk):
            self.error(
                kind,
                obj,
                "organization_id",
                _("Je mag niet importeren voor %(name)s.") % {"name": organisation.name},
            )
            organisation = None
        if organization_id:
            self.org_map[organization_id] = organisation
        return organisation

    # Locations ------------------------------------------------------------------------------

    def _locations(self):
        records = self.bundle.locations
        ids = [u for u in (_as_uuid(i) for i in records) if u]
        existing = {str(loc.pk): loc for loc in Location.objects.filter(pk__in=ids)}
        hours = {}
        for row in OpeningHours.objects.filter(location_id__in=ids):
            hours.setdefault(str(row.location_id), []).append(
                (row.weekday, row.opens_at, row.closes_at)
            )
        for lid, obj in records.items():
            self.location_map[lid] = self._location(lid, obj, existing.get(lid), hours.get(lid, []))

    def _location(self, lid, obj, location, current_hours):
        name = (obj.get("name") or "").strip()
        if obj.get("location_type") == "virtual":
            self.warn(
                "location",
                obj,
                "location_type",
                _("Een online plek is niet als locatie opgeslagen."),
            )
            return None
        owner_id = self.bundle.location_owner.get(lid)
        if location is not None:
            organisation = location.organisation
            if not self.may_write(location.organisation_id):
                self.error(
                    "location",
                    obj,
                    "id",
                    _("Deze locatie hoort bij een andere organisatie (%(name)s).")
                    % {"name": organisation.name},
                )
                return None
        else:
            if self.target is None and not self._known_organisation(owner_id):
                # No owner, or one that is nowhere (the official CSV example has one): the
                # location belongs to the organisation whose offers take place there.
                by_service = self._owner_from_services(lid)
                if by_service and owner_id:
                    self.warn(
                        "location",
                        obj,
                        "organization_id",
                        _(
                            "Onbekende organisatie; "
                            "de locatie hoort nu bij de aanbieder van het aanbod."
                        ),
                    )
                owner_id = by_service or owner_id
            organisation = self.organisation_for(owner_id, "location", obj)
            if organisation is None:
                return None
            if name:
                location = Location.objects.filter(
                    organisation=organisation, name__iexact=name
                ).first()
        address = _address(obj)
        values = {
            "name": name or (address.get("address_1") or "")[:200],
            "description": obj.get("description") or "",
            "accessibility": "\n".join(
                a.get("description") or a.get("details") or ""
                for a in obj.get("accessibility") or []
                if isinstance(a, dict)
            ).strip(),
        }
        latitude, longitude = obj.get("latitude"), obj.get("longitude")
        if latitude is not None and longitude is not None:
            if -90 <= latitude <= 90 and -180 <= longitude <= 180:
                values["latitude"], values["longitude"] = float(latitude), float(longitude)
            else:
                self.warn(
                    "location",
                    obj,
                    "latitude",
                    _("De coördinaten liggen niet op aarde; ze zijn weggelaten."),
                )
        if address:
            street, number = _split_street(address.get("address_1") or "")
            values |= {
                "street": street[:200],
                "house_number": number[:20],
                "city": (address.get("city") or "")[:100],
            }
            raw_postcode = (address.get("postal_code") or "").strip()
            postcode = normalise_postcode(raw_postcode)
            if postcode and len(postcode) == 7:
                # Keep the spelling of the file (3811HN or 3811 HN): a round trip changes nothing.
                values["postcode"] = raw_postcode if len(raw_postcode) <= 7 else postcode
            elif location is None:
                values["postcode"] = ""
                self.warn(
                    "address",
                    address,
                    "postal_code",
                    _("Geen Nederlandse postcode: %(value)s.")
                    % {"value": address.get("postal_code")},
                )
            municipality = self._municipality(address, values.get("postcode"))
            if municipality is not None:
                values["municipality_id"] = municipality.pk
        if location is None and "municipality_id" not in values:
            self.warn(
                "location",
                obj,
                "addresses",
                _(
                    "Niet opgeslagen: bij dit adres is geen Nederlandse gemeente gevonden. "
                    "Het aanbod op deze plek is zonder deze plek geïmporteerd."
                ),
            )
            return None
        if not values["name"]:
            self.error("location", obj, "name", _("Een locatie heeft een naam of een adres nodig."))
            return None
        wanted_hours = self._opening_hours(obj)
        if location is None:
            location = Location(
                id=_as_uuid(lid),
                organisation=organisation,
                kind=LocationKind.BRANCH
                if organisation.kind == OrganisationKind.LIBRARY
                else LocationKind.OTHER,
            )
            _assign(location, values)
            location.save()
            created = True
            changed = False
        else:
            created = False
            changed = _assign(location, values)
            if changed:
                location.save()
        if wanted_hours is not None and sorted(wanted_hours) != sorted(current_hours):
            location.opening_hours.all().delete()
            OpeningHours.objects.bulk_create(
                OpeningHours(location=location, weekday=d, opens_at=o, closes_at=c)
                for d, o, c in wanted_hours
            )
            if not created and not changed:
                location.save(update_fields=["updated_at"])
                changed = True
        self.outcome(
            "location",
            lid,
            values["name"],
            "created" if created else "changed" if changed else "unchanged",
        )
        return location

    def _known_organisation(self, organization_id) -> bool:
        if not organization_id:
            return False
        if organization_id in self.org_map:
            return self.org_map[organization_id] is not None
        uid = _as_uuid(organization_id)
        return bool(uid) and Organisation.objects.filter(pk=uid).exists()

    def _owner_from_services(self, lid):
        for service in self.bundle.services.values():
            for sal in service.get("service_at_locations") or []:
                if isinstance(sal, dict) and (
                    sal.get("location_id") == lid or (sal.get("location") or {}).get("id") == lid
                ):
                    return service.get("organization_id")
        return None

    def _municipality(self, address: dict, postcode: str | None):
        for key in ("region", "city"):
            name = (address.get(key) or "").strip().lower()
            if name in self.municipalities:
                return self.municipalities[name]
        if postcode:
            pc4 = postcode[:4]
            if pc4 not in self.pc4_towns:
                self.pc4_towns[pc4] = (
                    PostcodeArea.objects.filter(pc4=pc4).values_list("town", flat=True).first()
                )
            town = (self.pc4_towns[pc4] or "").lower()
            if town in self.municipalities:
                return self.municipalities[town]
        return None

    def _opening_hours(self, obj):
        schedules = obj.get("schedules")
        if schedules is None:
            return None
        rows = []
        for schedule in schedules:
            if not isinstance(schedule, dict):
                continue
            try:
                opens, closes = (
                    parse_time(schedule.get("opens_at")),
                    parse_time(schedule.get("closes_at")),
                )
            except Invalid as exc:
                self.error("schedule", schedule, "opens_at", str(exc))
                continue
            if opens is None or closes is None or closes <= opens:
                self.warn(
                    "schedule",
                    schedule,
                    "opens_at",
                    _("Openingstijd zonder geldige begin- en eindtijd is weggelaten."),
                )
                continue
            for day in _days(schedule):
                rows.append((day, opens, closes))
        return rows

    # Taxonomy terms ---------------------------------------------------------------------------

    def _terms(self):
        self.external = {
            str(t.pk): t for t in ExternalTerm.objects.select_related("mapped_to__taxonomy")
        }
        for obj in self.bundle.terms.values():
            self.term_for(obj, record=True)
        for tid, obj in self.bundle.taxonomies.items():
            ours = self.taxonomies.get(_as_uuid(tid)) or self.taxonomy_by_name.get(
                (obj.get("name") or "").lower()
            )
            if ours is None:
                self.warn(
                    "taxonomy",
                    obj,
                    "id",
                    _("Taxonomieën van anderen worden niet bewaard, hun termen wel."),
                )
            self.outcome("taxonomy", tid, obj.get("name") or "", "unchanged")

    def term_for(self, obj: dict, *, record: bool = False):
        """Our TaxonomyTerm, or the ExternalTerm kept for it."""
        tid = obj.get("id")
        uid = _as_uuid(tid)
        ours = self.our_terms.get(uid)
        if ours is None:
            detail = (
                obj.get("taxonomy_detail") if isinstance(obj.get("taxonomy_detail"), dict) else {}
            )
            taxonomy = self.taxonomies.get(_as_uuid(obj.get("taxonomy_id") or detail.get("id")))
            if taxonomy is None:
                taxonomy = self.taxonomy_by_name.get(
                    str(obj.get("taxonomy") or detail.get("name") or "").lower()
                )
            if taxonomy is not None and obj.get("code"):
                ours = self.terms_by_code.get((taxonomy.slug, obj["code"]))
        if ours is not None:
            if record:
                self.outcome("taxonomy_term", tid, obj.get("name") or "", "unchanged")
            return ours
        external = self.external.get(str(uid))
        detail = obj.get("taxonomy_detail") if isinstance(obj.get("taxonomy_detail"), dict) else {}
        values = {
            "taxonomy": str(obj.get("taxonomy") or detail.get("name") or "")[:200],
            "taxonomy_id": _as_uuid(obj.get("taxonomy_id") or detail.get("id")),
            "code": str(obj.get("code") or "")[:200],
            "name": str(obj.get("name") or "")[:300],
            "description": obj.get("description") or "",
            "parent_id": _as_uuid(obj.get("parent_id")),
            "language": str(obj.get("language") or "")[:20],
            "term_uri": obj.get("term_uri") if valid_url(obj.get("term_uri") or "") else "",
        }
        if external is None:
            external = ExternalTerm(id=uid)
            _assign(external, values)
            external.save()
            outcome = "created"
        else:
            outcome = "changed" if _assign(external, values) else "unchanged"
            if outcome == "changed":
                external.save()
        self.external[str(uid)] = external
        if record or outcome == "created":
            self.outcome("taxonomy_term", tid, values["name"], outcome)
        return external

    # Services -------------------------------------------------------------------------------

    def _services(self):
        records = list(self.bundle.services.items())
        for start in range(0, len(records), CHUNK):
            chunk = records[start : start + CHUNK]
            ids = [u for u in (_as_uuid(sid) for sid, _obj in chunk) if u]
            existing = {
                str(o.pk): o
                for o in Offer.objects.filter(pk__in=ids)
                .select_related("organisation")
                .prefetch_related("offer_locations__schedules")
            }
            self.links = self._links(list(existing))
            for sid, obj in chunk:
                if obj.get("_reference_only"):
                    self._service_locations_only(sid, obj, existing.get(sid))
                else:
                    self._service(sid, obj, existing.get(sid))
            if not self.report.errors:
                self.flush()

    def _service_locations_only(self, sid, obj, offer):
        if offer is None:
            self.error(
                "service_at_location",
                obj,
                "service_id",
                _("Onbekend aanbod: neem de dienst op in het bestand."),
            )
            return
        if not self.may_write(offer.organisation_id):
            self.error(
                "service_at_location", obj, "service_id", _("Je mag dit aanbod niet wijzigen.")
            )
            return
        changed = self._sync_locations(offer, obj, replace=False)
        if changed:
            offer.save(update_fields=["updated_at"])
            self.touched_offers.append(offer.pk)
        self.outcome("service", sid, offer.title, "changed" if changed else "unchanged")

    def _service(self, sid, obj, offer):
        name = (obj.get("name") or "").strip()
        if offer is not None:
            organisation = offer.organisation
            wanted = (
                self.organisation_for(obj.get("organization_id"), "service", obj)
                if (self.target or obj.get("organization_id"))
                else organisation
            )
            if wanted is None:
                return
            if wanted.pk != organisation.pk:
                self.error(
                    "service",
                    obj,
                    "organization_id",
                    _(
                        "Dit aanbod hoort al bij een andere organisatie (%(name)s); "
                        "het is niet verplaatst."
                    )
                    % {"name": organisation.name},
                )
                return
            if not self.may_write(organisation.pk):
                self.error(
                    "service",
                    obj,
                    "id",
                    _("Je mag het aanbod van %(name)s niet wijzigen.")
                    % {"name": organisation.name},
                )
                return
        else:
            organisation = self.organisation_for(obj.get("organization_id"), "service", obj)
            if organisation is None:
                return
        try:
            values, terms, externals = self._service_values(obj, offer)
        except Invalid as exc:
            self.error("service", obj, exc.args[1] if len(exc.args) > 1 else "-", exc.args[0])
            return
        values["organisation_id"] = organisation.pk
        created = offer is None
        if created:
            offer = Offer(
                id=_as_uuid(sid),
                created_by=self.user if self.user and self.user.is_authenticated else None,
            )
            if values.get("offer_type_id") is None:
                values["offer_type_id"] = (
                    self.default_offer_type.pk if self.default_offer_type else None
                )
        elif values.get("offer_type_id") is None:
            values.pop("offer_type_id", None)
        status = self._status(obj, None if created else offer, organisation)
        values["status"] = status
        if status == OfferStatus.PUBLISHED and not offer.published_at:
            values["published_at"] = timezone.now()
        if created:
            _assign(offer, values)
            self._create_offer(offer, obj, terms, externals or [])
            self.touched_offers.append(offer.pk)
            self.outcome("service", sid, name, "created")
            return
        changed = _assign(offer, values)
        if changed:
            offer.save()
        m2m_changed = False
        for attr, wanted_terms in terms.items():
            current = self.current_links(attr, offer)
            wanted_ids = {t.pk for t in wanted_terms}
            if current != wanted_ids:
                getattr(offer, attr).set(wanted_ids)
                m2m_changed = True
        current_ext = self.current_links("external_terms", offer)
        if externals is not None and current_ext != {t.pk for t in externals}:
            offer.external_terms.set(externals)
            m2m_changed = True
        if "service_at_locations" in obj and self._sync_locations(offer, obj, replace=True):
            m2m_changed = True
        if status == OfferStatus.PUBLISHED and not self._complete(offer, cached=not m2m_changed):
            offer.status = OfferStatus.DRAFT
            offer.save(update_fields=["status"])
            self.warn("service", obj, "status", INCOMPLETE)
        if m2m_changed and not created and not changed:
            offer.save(update_fields=["updated_at"])
        outcome = "created" if created else "changed" if (changed or m2m_changed) else "unchanged"
        if outcome != "unchanged":
            self.touched_offers.append(offer.pk)
        self.outcome("service", sid, name, outcome)

    def _create_offer(self, offer, obj, terms, externals):
        """A new offer and everything hanging off it, stored in bulk at the end of the chunk."""
        places, times = self._new_places(offer, obj)
        if offer.status == OfferStatus.PUBLISHED and not (
            places and terms["themes"] and terms["target_groups"]
        ):
            offer.status, offer.published_at = OfferStatus.DRAFT, None
            self.warn("service", obj, "status", INCOMPLETE)
        self.pending["offers"].append(offer)
        for attr, wanted_terms in terms.items():
            through = getattr(Offer, attr).through
            for term_id in dict.fromkeys(t.pk for t in wanted_terms):
                self.pending["links"].append(through(offer_id=offer.pk, taxonomyterm_id=term_id))
        for term_id in dict.fromkeys(t.pk for t in externals):
            self.pending["links"].append(
                ExternalTerm.offers.through(offer_id=offer.pk, externalterm_id=term_id)
            )
        self.pending["places"].extend(places)
        self.pending["times"].extend(times)

    def _new_places(self, offer, obj):
        places, times, seen = [], [], set()
        for sal in obj.get("service_at_locations") or []:
            if not isinstance(sal, dict):
                continue
            location = self._place(sal, offer)
            if location is None or location.pk in seen:
                continue
            seen.add(location.pk)
            place = OfferLocation(
                id=_as_uuid(sal.get("id")) or uuid.uuid4(),
                offer_id=offer.pk,
                location=location,
                description=(sal.get("description") or "")[:300],
            )
            places.append(place)
            for sid, values in self._schedule_values(sal.get("schedules") or []).items():
                times.append(Schedule(id=sid, offer_location_id=place.pk, **values))
        return places, times

    def flush(self):
        """Store the new offers of a chunk: offers first, then what refers to them."""
        pending = self.pending
        Offer.objects.bulk_create(pending["offers"], batch_size=CHUNK)
        by_model = {}
        for link in pending["links"]:
            by_model.setdefault(type(link), []).append(link)
        for model, links in by_model.items():
            model.objects.bulk_create(links, batch_size=1000)
        OfferLocation.objects.bulk_create(pending["places"], batch_size=1000)
        Schedule.objects.bulk_create(pending["times"], batch_size=1000)
        self.pending = {k: [] for k in pending}

    def _links(self, offer_ids) -> dict:
        """(relation, offer id) -> the term ids it has: the comparison needs ids, not models."""
        links = {}
        relations = [
            (attr, getattr(Offer, attr).through, "taxonomyterm_id") for attr in TERM_FIELDS
        ]
        relations.append(("external_terms", ExternalTerm.offers.through, "externalterm_id"))
        for attr, through, column in relations:
            rows = through.objects.filter(offer_id__in=offer_ids).values_list("offer_id", column)
            for offer_id, term_id in rows:
                links.setdefault((attr, str(offer_id)), set()).add(term_id)
        return links

    def current_links(self, attr, offer) -> set:
        return self.links.get((attr, str(offer.pk)), set())

    def _complete(self, offer, *, cached: bool) -> bool:
        """Places, themes and target groups: from the rows read for the chunk when nothing
        changed."""
        if cached:
            return bool(
                offer.offer_locations.all()
                and self.current_links("themes", offer)
                and self.current_links("target_groups", offer)
            )
        return (
            offer.offer_locations.exists()
            and offer.themes.exists()
            and offer.target_groups.exists()
        )

    def _status(self, obj, offer, organisation):
        hsds_status = obj.get("status")
        if hsds_status in ("inactive", "defunct"):
            return OfferStatus.ARCHIVED
        if hsds_status == "active" and self.options.publish:
            if self.may_publish(organisation.pk):
                return OfferStatus.PUBLISHED
            if not self.publish_refused:
                self.publish_refused = True
                self.warn(
                    "service",
                    obj,
                    "status",
                    _("Je mag niet publiceren voor %(name)s: het aanbod is als concept opgeslagen.")
                    % {"name": organisation.name},
                )
        return offer.status if offer is not None else OfferStatus.DRAFT

    def _service_values(self, obj, offer):
        summary, description = _split_description(obj.get("description") or "")
        sign_up, instructions = _sign_up(obj.get("application_process") or "")
        is_free, amount, cost_description, membership = self._costs(obj)
        requirements, other = _requirements(obj.get("required_documents") or [])
        contact = next((c for c in obj.get("contacts") or [] if isinstance(c, dict)), {})
        phone = _first_number(contact.get("phones")) or _first_number(obj.get("phones"))
        capacity = next(
            (
                c.get("maximum") or c.get("available")
                for c in obj.get("capacities") or []
                if isinstance(c, dict)
            ),
            None,
        )
        try:
            verified = parse_date(obj.get("assured_date"))
        except Invalid as exc:
            raise Invalid(str(exc), "assured_date") from None
        values = {
            "title": (obj.get("name") or "").strip(),
            "summary": summary or (obj.get("name") or "")[:200],
            "description": description,
            "website": _url(obj.get("url")),
            "contact_email": (obj.get("email") or contact.get("email") or "")[:254],
            "contact_name": (contact.get("name") or "")[:120],
            "contact_phone": phone[:30],
            "sign_up": sign_up,
            "sign_up_instructions": instructions,
            "is_free": is_free,
            "cost_amount": amount,
            "cost_description": cost_description[:200],
            "membership_required": membership,
            "requirements": requirements,
            "requirements_other": other[:200],
            "languages": [
                str(lang["code"]).lower()[:10]
                for lang in obj.get("languages") or []
                if isinstance(lang, dict) and lang.get("code")
            ],
            "capacity": int(capacity)
            if isinstance(capacity, (int, float)) and capacity >= 1
            else None,
            "last_verified_on": verified,
            "programme_id": self._programme(obj),
        }
        terms = {"themes": [], "target_groups": [], "levels": []}
        externals = []
        offer_type = None
        for attribute in obj.get("attributes") or []:
            if not isinstance(attribute, dict):
                continue
            term_obj = attribute.get("taxonomy_term")
            if not isinstance(term_obj, dict):
                term_id = attribute.get("taxonomy_term_id")
                term_obj = self.bundle.terms.get(term_id) or (
                    {"id": term_id} if _as_uuid(term_id) in self.our_terms else None
                )
            uid = _as_uuid((term_obj or {}).get("id"))
            if uid is None:
                continue
            if uid in self.our_terms:
                term = self.our_terms[uid]
            elif term_obj.get("name") is None:  # only an id: a term kept before, or nothing
                term = self.external.get(str(uid))
                if term is None:
                    continue
            else:
                term = self.term_for(term_obj)
            if isinstance(term, ExternalTerm):
                externals.append(term)
                term = term.mapped_to
            if term is None:
                continue
            slug = term.taxonomy.slug
            if slug == Taxonomy.OFFER_TYPE:
                offer_type = offer_type or term
            elif slug == Taxonomy.THEME:
                terms["themes"].append(term)
            elif slug == Taxonomy.TARGET_GROUP:
                terms["target_groups"].append(term)
            elif slug == Taxonomy.LEVEL:
                terms["levels"].append(term)
        values["offer_type_id"] = offer_type.pk if offer_type else None
        if offer is not None and not _is_full(obj):
            # A short record (an API list page): change only what it says something about.
            values = {k: v for k, v in values.items() if any(key in obj for key in SOURCE_KEYS[k])}
            if "attributes" not in obj:
                terms = {}
                externals = None
        return values, terms, externals

    def _costs(self, obj):
        options = [o for o in obj.get("cost_options") or [] if isinstance(o, dict)]
        membership = any(o.get("option") == MEMBERSHIP_OPTION for o in options)
        priced = [o for o in options if o.get("option") != MEMBERSHIP_OPTION]
        if priced:
            option = priced[0]
            amount = option.get("amount")
            description = option.get("amount_description") or ""
            if amount == 0 or (amount is None and option.get("option") == "Gratis"):
                return True, None, description, membership
            if amount is None:
                return False, None, description, membership
            try:
                value = Decimal(str(amount)).quantize(Decimal("0.01"))
            except InvalidOperation:
                value = None
            if value is not None and (value < 0 or value >= Decimal("1000000")):
                value = None
            if option.get("currency") and str(option["currency"]).upper() != "EUR":
                description = description or f"{amount} {option['currency']}"
                value = None
            return False, value, description, membership
        fees = (obj.get("fees_description") or "").strip()
        if not fees or any(fees.lower().startswith(w) for w in FREE_WORDS):
            return True, None, "", membership
        return False, None, fees, membership

    def _programme(self, obj):
        program = obj.get("program") if isinstance(obj.get("program"), dict) else None
        pid = _as_uuid((program or {}).get("id") or obj.get("program_id"))
        if pid is None:
            return None
        if pid in self.programmes:
            return pid
        if program is None:
            return None
        name = (program.get("name") or "").strip()[:120]
        match = self.programme_by_name.get(name.lower())
        if match:
            return match.pk
        description = program.get("description") or ""
        code = slugify(name)[:45] or "programma"
        if Programme.objects.filter(code=code).exists():
            code = f"{code}-{str(pid)[:8]}"
        programme = Programme.objects.create(
            id=pid, code=code, name=name, description="" if description == name else description
        )
        self.programmes[pid] = programme
        self.programme_by_name[name.lower()] = programme
        return pid

    # Service at location and schedules ------------------------------------------------------

    def _sync_locations(self, offer, obj, *, replace: bool) -> bool:
        """Places and times of an offer we have: update, add, and (replace) drop the rest."""
        current = {str(ol.pk): ol for ol in offer.offer_locations.all()}
        by_location = {str(ol.location_id): ol for ol in current.values()}
        keep = set()
        changed = False
        for sal in obj.get("service_at_locations") or []:
            if not isinstance(sal, dict):
                continue
            location = self._place(sal, offer)
            if location is None:
                continue
            offer_location = current.get(sal.get("id")) or by_location.get(str(location.pk))
            description = (sal.get("description") or "")[:300]
            if offer_location is None:
                offer_location = OfferLocation.objects.create(
                    id=_as_uuid(sal.get("id")) or uuid.uuid4(),
                    offer=offer,
                    location=location,
                    description=description,
                )
                changed = True
                existing_schedules = {}
            else:
                if (
                    offer_location.location_id != location.pk
                    or offer_location.description != description
                ):
                    offer_location.location = location
                    offer_location.description = description
                    offer_location.save()
                    changed = True
                existing_schedules = {str(s.pk): s for s in offer_location.schedules.all()}
            keep.add(offer_location.pk)
            schedules = list(sal.get("schedules") or [])
            if ("schedules" in sal or schedules) and self._sync_schedules(
                offer_location, schedules, existing_schedules
            ):
                changed = True
        if replace and "service_at_locations" in obj:
            stale = [pk for pk in (ol.pk for ol in current.values()) if pk not in keep]
            if stale:
                OfferLocation.objects.filter(pk__in=stale).delete()
                changed = True
        return changed

    def _place(self, sal, offer):
        """The location of a service_at_location, or None (reported) when it cannot be used."""
        location_id = sal.get("location_id") or (sal.get("location") or {}).get("id")
        if location_id in self.location_map:
            location = self.location_map[location_id]  # None: skipped, and reported already
        else:
            uid = _as_uuid(location_id)
            location = Location.objects.filter(pk=uid).first() if uid else None
            self.location_map[location_id] = location
            if location is None:
                self.warn(
                    "service_at_location",
                    sal,
                    "location_id",
                    _("Onbekende locatie; deze plek is overgeslagen."),
                )
        if location is None:
            return None
        if location.organisation_id != offer.organisation_id and not self.may_write(
            location.organisation_id
        ):
            self.error(
                "service_at_location",
                sal,
                "location_id",
                _("Deze locatie hoort bij een andere organisatie."),
            )
            return None
        return location

    def _schedule_values(self, schedules) -> dict:
        wanted = {}
        for obj in schedules:
            if not isinstance(obj, dict):
                continue
            try:
                rows = _schedule_rows(obj)
            except Invalid as exc:
                self.error("schedule", obj, exc.args[1] if len(exc.args) > 1 else "-", exc.args[0])
                continue
            if not rows:
                self.warn(
                    "schedule",
                    obj,
                    "opens_at",
                    _("Tijd zonder begin- of eindtijd of dag is weggelaten."),
                )
            for sid, values in rows:
                wanted[sid] = values
        return wanted

    def _sync_schedules(self, offer_location, schedules, existing) -> bool:
        wanted = self._schedule_values(schedules)
        changed = False
        for sid, values in wanted.items():
            schedule = existing.get(str(sid))
            if schedule is None:
                Schedule(id=sid, offer_location=offer_location, **values).save()
                changed = True
            elif _assign(schedule, values):
                schedule.save()
                changed = True
        stale = [pk for pk in existing if _as_uuid(pk) not in wanted]
        if stale:
            Schedule.objects.filter(pk__in=stale).delete()
            changed = True
        return changed


# --- Field mapping helpers ---------------------------------------------------------------------


def _as_uuid(value) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _assign(instance, values: dict, keep_blank=()) -> bool:
    """Set the values (plain fields and *_id columns) that differ; True when any did."""
    changed = False
    for name, value in values.items():
        if name in keep_blank and value in ("", None):
            continue
        if getattr(instance, name, None) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def _url(value) -> str:
    value = (value or "").strip()
    return value if value and len(value) <= 200 and valid_url(value) else ""


def _first_number(phones) -> str:
    for phone in phones or []:
        if isinstance(phone, dict) and phone.get("number"):
            return str(phone["number"])
    return ""


def _first_phone(obj) -> str:
    return _first_number(obj.get("phones"))


def _isil(obj) -> str:
    for identifier in obj.get("organization_identifiers") or []:
        if (
            isinstance(identifier, dict)
            and str(identifier.get("identifier_scheme", "")).upper() == "ISIL"
        ):
            return str(identifier.get("identifier") or "")[:20]
    return ""


def _address(obj) -> dict:
    addresses = [a for a in obj.get("addresses") or [] if isinstance(a, dict)]
    for kind in ("physical", "postal"):
        for address in addresses:
            if address.get("address_type") == kind:
                return address
    return addresses[0] if addresses else {}


def _split_street(line: str) -> tuple[str, str]:
    line = line.strip()
    match = HOUSE_NUMBER_RE.match(line)
    if match:
        return match["street"].strip(), match["number"].strip()
    return line, ""


def _split_description(text: str) -> tuple[str, str]:
    """opendata.hsds writes the one-line summary as the first paragraph of the description."""
    if "\n\n" in text:
        first, rest = text.split("\n\n", 1)
        if first.strip() and len(first) <= 200 and rest.strip():
            return first, rest
    text = text.strip()
    first_sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    summary = first_sentence if len(first_sentence) <= 200 else first_sentence[:199] + "…"
    return summary, text


def _sign_up(text: str) -> tuple[str, str]:
    text = text.strip()
    if not text:
        return SignUp.WALK_IN, ""
    first, _sep, rest = text.partition("\n\n")
    label = first.strip().rstrip(".")
    for value, name in SignUp.choices:
        if label.lower() in (str(name).lower(), value):
            return value, rest.strip()
    return SignUp.REGISTRATION, text


def _requirements(documents) -> tuple[list[str], str]:
    labels = {str(label).lower(): value for value, label in Requirement.choices}
    codes, other = [], []
    for document in documents:
        if not isinstance(document, dict):
            continue
        text = (document.get("document") or "").strip()
        if not text:
            continue
        code = labels.get(text.lower()) or (text if text in Requirement.values else None)
        if code and code not in codes:
            codes.append(code)
        elif not code:
            other.append(text)
    return codes, "; ".join(other)


def _days(schedule: dict) -> list[int]:
    days = []
    for part in str(schedule.get("byday") or "").split(","):
        part = re.sub(r"^[+-]?\d+", "", part.strip().upper())  # "1MO" (first Monday) -> MO
        if part in BYDAY and BYDAY.index(part) not in days:
            days.append(BYDAY.index(part))
    return days


def _schedule_rows(obj: dict) -> list[tuple[uuid.UUID, dict]]:
    """One HSDS schedule as our rows: one per weekday (a weekly "TH,FR" is two rows; the first
    keeps the HSDS id, the others get uuid5 ids), or one dated session."""
    try:
        opens, closes = parse_time(obj.get("opens_at")), parse_time(obj.get("closes_at"))
    except Invalid as exc:
        raise Invalid(str(exc), "opens_at") from None
    if opens is None or closes is None:
        return []
    if closes <= opens:
        raise Invalid(_("De eindtijd ligt niet na de begintijd."), "closes_at")
    try:
        start = parse_date(obj.get("dtstart"))
        until = parse_date(obj.get("until"))
        valid_from = parse_date(obj.get("valid_from"))
        valid_to = parse_date(obj.get("valid_to"))
    except Invalid as exc:
        raise Invalid(str(exc), "dtstart") from None
    base_id = uuid.UUID(obj["id"])
    notes = (obj.get("notes") or "")[:200]
    if start and (obj.get("count") == 1 or (until and until == start)):
        return [
            (
                base_id,
                {
                    "kind": ScheduleKind.DATED,
                    "date": start,
                    "weekday": start.weekday(),
                    "opens_at": opens,
                    "closes_at": closes,
                    "valid_from": None,
                    "valid_to": None,
                    "notes": notes,
                },
            )
        ]
    days = _days(obj)
    if not days and start:
        days = [start.weekday()]
    rows = []
    for index, day in enumerate(days):
        sid = base_id if index == 0 else uuid.uuid5(base_id, f"byday:{BYDAY[day]}")
        rows.append(
            (
                sid,
                {
                    "kind": ScheduleKind.WEEKLY,
                    "date": None,
                    "weekday": day,
                    "opens_at": opens,
                    "closes_at": closes,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                    "notes": notes,
                },
            )
        )
    return rows
