"""The Writer: stores a checked Bundle inside the import's transaction, record kind by record
kind (organisations, locations, taxonomy terms, services with their places and times). Each
kind's part lives in its own module as a mixin; this module holds what they share: the
report (error, warn, outcome), the permissions and the reference data read once per run.

What can only be known against the database (a location in a town we do not know, an offer
that belongs to another library) is checked here and reported as an error, which rolls the
whole transaction back (importer.runner)."""

import dataclasses

from ontwikkelplein.catalogue.models import Programme, Taxonomy, TaxonomyTerm
from ontwikkelplein.opendata.importer.duplicates import DuplicateFinder
from ontwikkelplein.opendata.importer.locations import LocationsWriter
from ontwikkelplein.opendata.importer.organisations import OrganisationsWriter
from ontwikkelplein.opendata.importer.placing import PlaceFinder
from ontwikkelplein.opendata.importer.records import Bundle
from ontwikkelplein.opendata.importer.report import (
    CHUNK,
    MAX_RECORDS_LISTED,
    ImportOptions,
    ImportReport,
)
from ontwikkelplein.opendata.importer.rules import TYPE_LABELS, problem
from ontwikkelplein.opendata.importer.schedules import SchedulesWriter
from ontwikkelplein.opendata.importer.services import DEFAULT_OFFER_TYPE, ServicesWriter
from ontwikkelplein.opendata.importer.terms import TermsWriter
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Location, Organisation


class Writer(OrganisationsWriter, LocationsWriter, TermsWriter, ServicesWriter, SchedulesWriter):
    """Writes one checked Bundle for one run; write() goes through the record kinds in order."""

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
        self.pending = {"offers": [], "links": [], "places": [], "times": [], "checks": []}
        self.links: dict = {}
        self.unplaced: dict[str, str] = {}  # location id -> why it could not be placed
        self.unnamed_organisations: set[str] = set()  # ids given a placeholder name
        self.calendars: dict = {}  # location id -> (LocationCalendar, name), importer.services

    # Reporting --------------------------------------------------------------------------------

    def error(self, kind, obj, field_name, message):
        self.report.errors.append(self._problem(kind, obj, field_name, message))

    def warn(self, kind, obj, field_name, message):
        self.report.warnings.append(self._problem(kind, obj, field_name, message))

    def _problem(self, kind, obj, field_name, message):
        """A problem named by the id as the file wrote it (importer.ids maps other ids)."""
        found = problem(kind, obj, field_name, message)
        raw = self.report.raw_ids.get(found.record_id)
        return dataclasses.replace(found, record_id=raw[:60]) if raw else found

    def outcome(self, kind, obj_id, name, outcome):
        self.report.counts[outcome] += 1
        if len(self.report.records) < MAX_RECORDS_LISTED:
            self.report.records.append(
                {
                    "type": kind,
                    "type_label": str(TYPE_LABELS.get(kind, kind)),
                    "id": str(obj_id),
                    "source_id": self.report.raw_ids.get(str(obj_id), ""),
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
        self.places = PlaceFinder()
        self.duplicates = DuplicateFinder()
        self.default_offer_type = self.terms_by_code.get((Taxonomy.OFFER_TYPE, DEFAULT_OFFER_TYPE))
