"""Writing HSDS locations as Locations with their opening hours: matched by id, else by name
within the organisation; a location needs a Dutch municipality (from its address or postcode)."""

from django.utils.translation import gettext as _

from ontwikkelplein.opendata import hsds
from ontwikkelplein.opendata.importer.fields import as_uuid, assign, main_address, split_street
from ontwikkelplein.opendata.importer.report import conflict_message
from ontwikkelplein.opendata.importer.rules import Invalid, parse_time
from ontwikkelplein.opendata.importer.schedules import byday_weekdays
from ontwikkelplein.organisations.models import (
    Location,
    LocationKind,
    OpeningHours,
    Organisation,
    OrganisationKind,
)
from ontwikkelplein.places.geo import normalise_postcode


def help_points(attributes) -> dict[str, bool]:
    """Location.has_ido / has_taalhuis from a location's attributes (docs/hsds-mapping.md,
    "Help points"): a term of the help point taxonomy by its id, or by its code with the link
    type `hulppunt`. Every flag the attributes do not name is False."""
    found = dict.fromkeys((field for field, _n, _d in hsds.HELP_POINTS.values()), False)
    for attribute in attributes or []:
        if not isinstance(attribute, dict):
            continue
        term = attribute.get("taxonomy_term")
        term = term if isinstance(term, dict) else {}
        code = hsds.HELP_POINT_TERM_IDS.get(
            str(attribute.get("taxonomy_term_id") or term.get("id") or "")
        )
        if code is None and attribute.get("link_type") == hsds.HELP_POINT_LINK_TYPE:
            code = term.get("code") if term.get("code") in hsds.HELP_POINTS else None
        if code is not None:
            found[hsds.HELP_POINTS[code][0]] = True
    return found


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class LocationsWriter:
    """The Writer's part for locations (see importer.writer)."""

    def _locations(self):
        records = self.bundle.locations
        ids = [u for u in (as_uuid(i) for i in records) if u]
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
                    conflict_message("location"),
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
        address = main_address(obj)
        values = {
            "name": name or (address.get("address_1") or "")[:200],
            "description": obj.get("description") or "",
            "accessibility": "\n".join(
                a.get("description") or a.get("details") or ""
                for a in obj.get("accessibility") or []
                if isinstance(a, dict)
            ).strip(),
        }
        if isinstance(obj.get("attributes"), list):
            # A location that lists its attributes says which help points it is; one that
            # does not (another publisher, a short record) leaves the flags as they are.
            values |= help_points(obj["attributes"])
        latitude, longitude = obj.get("latitude"), obj.get("longitude")
        if not _is_number(latitude) or not _is_number(longitude):
            latitude = longitude = None
        if latitude is not None and longitude is not None:
            if -90 <= latitude <= 90 and -180 <= longitude <= 180:
                values["latitude"], values["longitude"] = float(latitude), float(longitude)
            else:
                latitude = longitude = None
                self.warn(
                    "location",
                    obj,
                    "latitude",
                    _("De coördinaten liggen niet op aarde; ze zijn weggelaten."),
                )
        if address:
            street, number = split_street(address.get("address_1") or "")
            values |= {
                "street": street[:200],
                "house_number": number[:20],
                "city": (address.get("city") or "").strip()[:100],
            }
            raw_postcode = (address.get("postal_code") or "").strip()
            postcode = normalise_postcode(raw_postcode)
            if postcode and len(postcode) == 7:
                # Keep the spelling of the file (3811HN or 3811 HN): a round trip changes nothing.
                values["postcode"] = raw_postcode if len(raw_postcode) <= 7 else postcode
            elif location is None:
                values["postcode"] = ""
                if postcode:
                    # Only the four digits (3811): our postcode is a full one (3811 AB), so it
                    # stays empty; the four digits still place the address (importer.placing)
                    # and give an empty city its town.
                    self.warn(
                        "address",
                        address,
                        "postal_code",
                        _(
                            "Alleen de cijfers van de postcode (%(value)s) staan in het bestand: "
                            "de plaats is daaruit bepaald, de postcode is leeg gelaten. Vul de "
                            "hele postcode aan bij de locatie."
                        )
                        % {"value": postcode},
                    )
                elif raw_postcode:
                    self.warn(
                        "address",
                        address,
                        "postal_code",
                        _("Geen Nederlandse postcode: %(value)s.") % {"value": raw_postcode[:40]},
                    )
        placement = self.places.place(address, latitude, longitude)
        if placement.municipality is not None and (address or location is None):
            values["municipality_id"] = placement.municipality.pk
            if placement.note:
                self.warn("location", obj, "addresses", placement.note)
            if not values.get("city") and placement.town:
                values["city"] = placement.town[:100]
            if "latitude" not in values and placement.latitude is not None and location is None:
                values["latitude"], values["longitude"] = placement.latitude, placement.longitude
        if location is None and "municipality_id" not in values:
            self.unplaced[lid] = placement.reason
            self.warn(
                "location",
                obj,
                "addresses",
                _(
                    "Niet opgeslagen: %(reason)s Het aanbod op deze plek is als concept "
                    "opgeslagen, zonder deze plek."
                )
                % {"reason": placement.reason},
            )
            return None
        if not values["name"]:
            self.error("location", obj, "name", _("Een locatie heeft een naam of een adres nodig."))
            return None
        values |= self.bundle.location_overrides.get(lid, {})  # a G!DS row: kind, help points
        wanted_hours = self._opening_hours(obj)
        if location is None:
            location = Location(
                id=as_uuid(lid),
                organisation=organisation,
                kind=LocationKind.BRANCH
                if organisation.kind == OrganisationKind.LIBRARY
                else LocationKind.OTHER,
            )
            assign(location, values)
            location.save()
            created = True
            changed = False
        else:
            created = False
            changed = assign(location, values)
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
        uid = as_uuid(organization_id)
        return bool(uid) and Organisation.objects.filter(pk=uid).exists()

    def _owner_from_services(self, lid):
        for service in self.bundle.services.values():
            for sal in service.get("service_at_locations") or []:
                if isinstance(sal, dict) and (
                    sal.get("location_id") == lid or (sal.get("location") or {}).get("id") == lid
                ):
                    return service.get("organization_id")
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
            for day in byday_weekdays(schedule):
                rows.append((day, opens, closes))
        return rows
