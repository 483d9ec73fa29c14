"""Ids that are not uuids. The HSDS 3.1 schemas give every `id` and reference
(`organization_id`, `service_id`, `location_id` ...) `"format": "uuid"`, but JSON Schema 2020-12
treats a format as an annotation: the official validator accepts "svc-1" or "12345", so a file
with such ids is valid HSDS and imports.

Our records have uuids as primary keys, so an id that is not a uuid is mapped to one,
deterministically: uuid5 over our namespace, the scope (the organisation the file is imported
for; without one, the organisation the record belongs to in the file), the kind of object and
the id as written. Importing the same file again therefore updates the same records, and
references between objects (a `service_at_location`'s `location_id`, an attribute's
`taxonomy_term_id`) still meet. A uuid stays as it is (an export imports back with its ids).

Empty ids. An organisation, service or location with `"id": ""` (valid: the schemas set no
minimum length) gets an id from its kind and its name, so a later import of the same file finds
it again (as the G!DS import does for a sheet without ids); without a name either, nothing could
ever find it again, and it is left out with a note. An empty id of a nested object (a schedule,
a phone) is made from its parent's id and its position. An empty reference means "none".

The raw ids are kept in `Bundle.raw_ids` (our uuid -> the id in the file); the report lists
them beside our ids, so staff can trace a record back to the producer's system."""

import uuid

from django.utils.translation import gettext as _

from ontwikkelplein.opendata.importer.rules import SPECS, UUID_RE

# Fixed for ever: changing it would give every mapped record a new id on the next import.
NAMESPACE = uuid.UUID("6f0d1c52-6b7e-5c1e-9a43-0b1e4c2d7a91")

# Which kind of object a reference field points at.
REFERENCE_KINDS = {
    "organization_id": "organization",
    "parent_organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "service_at_location_id": "service_at_location",
    "program_id": "program",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
    "contact_id": "contact",
    "phone_id": "phone",
    "unit_id": "unit",
}
# Fields whose kind depends on a sibling field (attribute.link_id, metadata.resource_id).
ENTITY_FIELDS = {"link_id": "link_entity", "resource_id": "resource_type"}
# Kinds that share identities: an organisation met whole and as a service's organisation.
TOP_LEVEL = ("organization", "service", "location", "taxonomy_term", "taxonomy")
STANDIN = "\x1ename:"  # the id of a record with an empty id: made from its name


def is_uuid(value) -> bool:
    return isinstance(value, str) and bool(UUID_RE.match(value))


def mapped_id(scope: str, kind: str, raw: str) -> str:
    """Our uuid for an id that is not one (the same scope, kind and raw id give the same uuid)."""
    return str(uuid.uuid5(NAMESPACE, f"{scope}\x1f{kind}\x1f{raw}"))


def empty_id_standin(kind: str, obj: dict, notes: list) -> str | None:
    """The id an organisation, service or location with an empty id is known by: made from its
    name. None (and a note) when it has no name either."""
    name = " ".join(str(obj.get("name") or "").split()).lower()
    if name:
        return f"{STANDIN}{name}"
    labels = {
        "organization": _("Een organisatie"),
        "service": _("Een aanbod (service)"),
        "location": _("Een locatie"),
    }
    notes.append(
        _(
            "%(what)s zonder id en zonder naam is overgeslagen: een volgende import zou het niet "
            "terugvinden."
        )
        % {"what": labels.get(kind, kind)}
    )
    return None


class IdMapper:
    """Rewrites the ids of a collected Bundle in place (see the module docstring)."""

    def __init__(self, bundle, scope: str | None):
        self.bundle = bundle
        self.fixed_scope = scope
        self.known: dict[tuple[str, str], str] = {}  # (kind, raw) -> our uuid

    def scope_for(self, kind: str, obj: dict) -> str:
        if self.fixed_scope is not None:
            return self.fixed_scope
        if kind == "organization":
            return ""
        owner = obj.get("organization_id")
        if kind == "location":
            owner = owner or self.bundle.location_owner.get(obj.get("id"))
        return f"org:{owner}" if isinstance(owner, str) and owner else ""

    def our_id(self, scope: str, kind: str, raw: str) -> str:
        if is_uuid(raw):
            return raw
        key = (kind, raw)
        if key not in self.known:
            self.known[key] = mapped_id(scope, kind, raw)
            if not raw.startswith(STANDIN):
                self.bundle.raw_ids[self.known[key]] = raw
        return self.known[key]

    def run(self) -> None:
        bundle = self.bundle
        groups = (
            ("organization", "organizations"),
            ("service", "services"),
            ("location", "locations"),
            ("taxonomy_term", "terms"),
            ("taxonomy", "taxonomies"),
        )
        # First the records' own ids, each in its own scope, so references can find them.
        scopes = {}
        for kind, attr in groups:
            for raw, obj in getattr(bundle, attr).items():
                scope = self.scope_for(kind, obj)
                scopes[(kind, raw)] = scope
                self.our_id(scope, kind, raw)
        owners = {
            self.known.get(("location", lid), lid): self._ref(
                scopes.get(("location", lid), ""), "organization", owner
            )
            for lid, owner in bundle.location_owner.items()
        }
        for kind, attr in groups:
            records = getattr(bundle, attr)
            rewritten = {}
            for raw, obj in records.items():
                scope = scopes[(kind, raw)]
                self._walk(kind, obj, scope)
                rewritten[self.our_id(scope, kind, raw)] = obj
            setattr(bundle, attr, rewritten)
        bundle.location_owner = owners
        for attr in ("overrides", "location_overrides"):
            values = getattr(bundle, attr)
            setattr(bundle, attr, {self._any(key): v for key, v in values.items()})

    def _any(self, raw):
        for kind in TOP_LEVEL:
            if (kind, raw) in self.known:
                return self.known[(kind, raw)]
        return raw

    def _ref(self, scope: str, kind: str, raw):
        if not isinstance(raw, str) or not raw or is_uuid(raw):
            return raw
        if (kind, raw) in self.known:
            return self.known[(kind, raw)]
        if kind == "organization":  # organisations are not owned by anything in the file
            scope = self.fixed_scope if self.fixed_scope is not None else ""
        return self.our_id(scope, kind, raw)

    def _walk(self, kind: str, obj: dict, scope: str) -> None:
        """The ids and references of one record and everything nested in it, in place
        (iterative; an object met twice is left alone the second time)."""
        seen = set()
        stack = [(kind, obj, "")]
        while stack:
            kind, value, parent = stack.pop()
            if not isinstance(value, dict) or id(value) in seen:
                continue
            seen.add(id(value))
            spec = SPECS.get(kind)
            if spec is None:
                continue
            raw = value.get("id")
            if isinstance(raw, str):
                if not raw and parent:
                    raw = parent  # the parent's id and the position: the same on every import
                value["id"] = self._ref(scope, kind, raw) if raw else raw
            for field in spec.uuids:
                if field == "id":
                    continue
                target = REFERENCE_KINDS.get(field)
                if target is None and field in ENTITY_FIELDS:
                    target = str(value.get(ENTITY_FIELDS[field]) or "any")
                if target is not None and field in value:
                    value[field] = self._ref(scope, target, value[field])
            own = value.get("id") or parent
            for field, child_kind in (spec.lists or {}).items():
                items = value.get(field)
                if isinstance(items, list):
                    for index, item in enumerate(items):
                        stack.append((child_kind, item, f"{own}/{field}[{index}]"))
            for field, child_kind in (spec.objects or {}).items():
                stack.append((child_kind, value.get(field), f"{own}/{field}"))
