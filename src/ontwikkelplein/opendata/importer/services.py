"""Writing HSDS services as Offers: the offer's fields, costs, programme, terms and status
(published only when asked, allowed and complete). New offers are stored in bulk per chunk;
offers we have are compared field by field and saved only when something differs."""

import datetime
import uuid
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import classification
from ontwikkelplein.catalogue import services as catalogue_services
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    OfferStatus,
    Programme,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
)
from ontwikkelplein.core.person import format_phone
from ontwikkelplein.opendata.importer.fields import (
    as_uuid,
    assign,
    clean_url,
    first_number,
    import_phone,
    parse_requirements,
    parse_sign_up,
    split_description,
)
from ontwikkelplein.opendata.importer.publishing import (
    Readiness,
    draft_message,
    missing_for_publication,
)
from ontwikkelplein.opendata.importer.report import CHUNK, conflict_message
from ontwikkelplein.opendata.importer.rules import Invalid, parse_date
from ontwikkelplein.opendata.models import ExternalTerm
from ontwikkelplein.organisations.calendar import LocationCalendar
from ontwikkelplein.organisations.models import Location

DEFAULT_OFFER_TYPE = "activiteit"  # HSDS has no offer type; ours is required
MEMBERSHIP_OPTION = "Lidmaatschap van de bibliotheek nodig"  # as opendata.hsds writes it
FREE_WORDS = ("gratis", "free", "kosteloos")
TERM_FIELDS = ("themes", "target_groups", "levels")

# Which HSDS fields each of our offer fields comes from (for short records, see is_full).
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
    "season_start_month": ("schedules",),
    "season_end_month": ("schedules",),
}


def is_full(obj: dict) -> bool:
    """A full service (export, /services/{id}) lists its sub-objects, even when empty; there an
    absent text field means empty. A short one (a list page) leaves out what it does not say."""
    return "service_at_locations" in obj or "attributes" in obj


def season_months(schedules) -> tuple[int | None, int | None]:
    """A yearly season from the service's own schedules (docs/hsds-mapping.md, "Seasons"): a
    schedule without a weekday, times or place whose validity runs from the first day of a
    month to the last day of a month, less than a year, is the season those months make
    (opendata.hsds writes it so). (None, None) when there is none; a date that cannot be read
    is no season (the schedule is not one of ours)."""
    for schedule in schedules or []:
        if not isinstance(schedule, dict):
            continue
        if any(
            schedule.get(key)
            for key in ("byday", "opens_at", "closes_at", "location_id", "service_at_location_id")
        ):
            continue
        try:
            first = parse_date(schedule.get("valid_from"))
            last = parse_date(schedule.get("valid_to"))
        except Invalid:
            continue
        if first is None or last is None or first.day != 1 or last < first:
            continue
        if (last + datetime.timedelta(days=1)).day != 1:
            continue  # not the last day of a month
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months >= 12:
            continue  # all year round: no season
        return first.month, last.month
    return None, None


def _has_times(obj: dict) -> bool:
    """Whether a service gives times anywhere: a schedule with a day or an opening time, at a
    place or (not a season) of the service itself."""
    schedules = [*(obj.get("schedules") or [])]
    for sal in obj.get("service_at_locations") or []:
        if isinstance(sal, dict) and isinstance(sal.get("schedules"), list):
            schedules.extend(sal["schedules"])
    return any(
        isinstance(s, dict) and (s.get("opens_at") or s.get("byday") or s.get("dtstart"))
        for s in schedules
    )


def contact_ways(phone, email, website) -> str:
    """How to make an appointment, in Dutch ("bel 030 123 4567 of mail info@buurtwerk.nl");
    empty when there is no way."""
    ways = []
    if phone:
        ways.append(_("bel %(phone)s") % {"phone": format_phone(phone)})
    if email:
        ways.append(_("mail %(email)s") % {"email": email})
    if website:
        ways.append(_("kijk op %(url)s") % {"url": website})
    if len(ways) > 1:
        return _("%(first)s of %(last)s") % {"first": ", ".join(ways[:-1]), "last": ways[-1]}
    return ways[0] if ways else ""


class ServicesWriter:
    """The Writer's part for services (see importer.writer)."""

    def _services(self):
        records = list(self.bundle.services.items())
        for start in range(0, len(records), CHUNK):
            chunk = records[start : start + CHUNK]
            ids = [u for u in (as_uuid(sid) for sid, _obj in chunk) if u]
            existing = {
                str(o.pk): o
                for o in Offer.objects.filter(pk__in=ids)
                .select_related("organisation")
                .prefetch_related("offer_locations__schedules")
            }
            for sid, _obj in chunk:
                ours = None if sid in existing else self.duplicates.alias(sid)
                if ours is not None:  # merged into one of ours by staff: update that one
                    offer = (
                        Offer.objects.filter(pk=ours)
                        .select_related("organisation")
                        .prefetch_related("offer_locations__schedules")
                        .first()
                    )
                    if offer is not None:
                        existing[sid] = offer
            self.links = self._links([o.pk for o in existing.values()])
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
                    conflict_message("service"),
                )
                return
            if not self.may_write(organisation.pk):
                self.error(
                    "service",
                    obj,
                    "id",
                    conflict_message("service"),
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
        self._sign_up_when_silent(values, obj, organisation)
        values |= self.bundle.overrides.get(sid, {})  # a G!DS row's exact values
        self._classify(values, terms, offer)
        partners = values.pop("partners", None)
        values["organisation_id"] = organisation.pk
        created = offer is None
        if created:
            offer = Offer(
                id=as_uuid(sid),
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
        if created and status == OfferStatus.PUBLISHED:
            values["published_at"] = timezone.now()
        elif status == OfferStatus.PUBLISHED:
            # An offer we have is published only after the checks below (its places and
            # terms may change first); until then it keeps its status, so a second import of
            # the same file changes nothing, also for an offer that stays a draft.
            values["status"] = offer.status
        if created:
            assign(offer, values)
            self._create_offer(offer, obj, terms, externals or [])
            for partner_id in dict.fromkeys(partners or []):
                self.pending["links"].append(
                    Offer.partners.through(offer_id=offer.pk, organisation_id=partner_id)
                )
            self.touched_offers.append(offer.pk)
            self.outcome("service", sid, name, "created")
            return
        changed = assign(offer, values)
        if changed:
            offer.save()
        m2m_changed = False
        for attr, wanted_terms in terms.items():
            current = self.current_links(attr, offer)
            wanted_ids = {t.pk for t in wanted_terms}
            if current != wanted_ids:
                getattr(offer, attr).set(wanted_ids)
                m2m_changed = True
        if partners is not None and set(offer.partners.values_list("pk", flat=True)) != set(
            partners
        ):
            offer.partners.set(partners)
            m2m_changed = True
        current_ext = self.current_links("external_terms", offer)
        if externals is not None and current_ext != {t.pk for t in externals}:
            offer.external_terms.set(externals)
            m2m_changed = True
        if "service_at_locations" in obj and self._sync_locations(offer, obj, replace=True):
            m2m_changed = True
        places = [
            (place.location_id, list(place.schedules.all()))
            for place in (
                offer.offer_locations.all()
                if not m2m_changed
                else offer.offer_locations.prefetch_related("schedules")
            )
        ]
        needs_check = self._check_times(offer, obj, places, stored=True)
        if status == OfferStatus.PUBLISHED:
            reasons = missing_for_publication(self._readiness(offer, obj, cached=not m2m_changed))
            if not reasons and needs_check:
                reasons = catalogue_services.missing_for_publication(offer)
            wanted = OfferStatus.DRAFT if reasons else OfferStatus.PUBLISHED
            if reasons:
                self.warn("service", obj, "status", draft_message(reasons))
            if wanted != offer.status:
                offer.status = wanted
                if wanted == OfferStatus.PUBLISHED and not offer.published_at:
                    offer.published_at = timezone.now()
                offer.save(update_fields=["status", "published_at", "updated_at"])
                changed = True
        if m2m_changed and not created and not changed:
            offer.save(update_fields=["updated_at"])
        outcome = "created" if created else "changed" if (changed or m2m_changed) else "unchanged"
        if outcome != "unchanged":
            self.touched_offers.append(offer.pk)
        self.outcome("service", sid, name, outcome)

    def _create_offer(self, offer, obj, terms, externals):
        """A new offer and everything hanging off it, stored in bulk at the end of the chunk."""
        places, times = self._new_places(offer, obj)
        if offer.status == OfferStatus.PUBLISHED:
            reasons = missing_for_publication(
                Readiness(
                    has_place=bool(places),
                    has_theme=bool(terms["themes"]),
                    has_target_group=bool(terms["target_groups"]),
                    unplaced=self._unplaced(obj),
                    untitled=not (obj.get("name") or "").strip(),
                    unnamed_organisation=str(offer.organisation_id) in self.unnamed_organisations,
                )
            )
            if reasons:
                offer.status, offer.published_at = OfferStatus.DRAFT, None
                self.warn("service", obj, "status", draft_message(reasons))
        for ours, title, score in self.duplicates.find(offer, [p.location for p in places]):
            self.report.duplicates.append(
                {
                    "ours": ours,
                    "imported_id": offer.pk,
                    "imported_title": offer.title,
                    "organisation_id": offer.organisation_id,
                    "score": score,
                }
            )
            self.warn(
                "service",
                obj,
                "name",
                _(
                    "Waarschijnlijk dubbel: lijkt op ‘%(title)s’ dat we al hebben op dezelfde "
                    "plek. Kies op deze pagina: samenvoegen of allebei houden."
                )
                % {"title": title[:150]},
            )
        self.pending["offers"].append(offer)
        self.pending["checks"].append((offer, obj))
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
                id=as_uuid(sal.get("id")) or uuid.uuid4(),
                offer_id=offer.pk,
                location=location,
                description=(sal.get("description") or "")[:300],
            )
            places.append(place)
            for sid, values in self._schedule_values(sal.get("schedules") or []).items():
                times.append(Schedule(id=sid, offer_location_id=place.pk, **values))
        return places, times

    def flush(self):
        """Store the new offers of a chunk: offers first, then what refers to them; then the
        staff publication check where it is needed."""
        pending = self.pending
        times = {}
        for schedule in pending["times"]:
            times.setdefault(schedule.offer_location_id, []).append(schedule)
        places = {}
        for place in pending["places"]:
            places.setdefault(place.offer_id, []).append(
                (place.location_id, times.get(place.pk, []))
            )
        checks = [
            (offer, obj, self._check_times(offer, obj, places.get(offer.pk, []), stored=False))
            for offer, obj in pending["checks"]
        ]
        Offer.objects.bulk_create(pending["offers"], batch_size=CHUNK)
        by_model = {}
        for link in pending["links"]:
            by_model.setdefault(type(link), []).append(link)
        for model, links in by_model.items():
            model.objects.bulk_create(links, batch_size=1000)
        OfferLocation.objects.bulk_create(pending["places"], batch_size=1000)
        Schedule.objects.bulk_create(pending["times"], batch_size=1000)
        self.pending = {k: [] for k in pending}
        for offer, obj, needs_check in checks:
            if needs_check and offer.status == OfferStatus.PUBLISHED:
                self._staff_check(offer, obj)

    def _staff_check(self, offer, obj) -> bool:
        """The check staff publishing goes through (catalogue.services.missing_for_publication:
        a walk-in offer needs a time ahead, an appointment offer says how to make one, no time
        contradicts its place's calendar), for an offer to be published that is stored; when it
        finds something the offer becomes a draft with those reasons. True when it passed."""
        reasons = catalogue_services.missing_for_publication(offer)
        if reasons:
            Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.DRAFT, published_at=None)
            offer.status, offer.published_at = OfferStatus.DRAFT, None
            self.warn("service", obj, "status", draft_message(reasons))
        return not reasons

    def _calendar(self, location_id):
        """(LocationCalendar, name) of a location, read once per run (its opening hours were
        written before the services)."""
        found = self.calendars.get(location_id)
        if found is None:
            location = Location.objects.prefetch_related(
                "opening_hours", "closures", "special_hours"
            ).get(pk=location_id)
            found = self.calendars[location_id] = (LocationCalendar.of(location), location.name)
        return found

    def _check_times(self, offer, obj, places, *, stored: bool) -> bool:
        """Times outside the opening hours a place has here are kept and marked "ook buiten
        openingstijden" (the producer said it takes place then; a volunteer-run evening class is
        fine), with a note; found with the staff form's own check
        (catalogue.services.schedule_problem). `places` is [(location id, [Schedule])]; stored
        schedules are saved, new ones are marked before they are stored.

        True when the staff publication check (`_staff_check`) must run: the offer is not
        walk-in, has no weekly time, or a time has another problem. A walk-in offer with weekly
        times that contradict nothing passes it, so the check's queries are spared for the
        thousands of those a large file has."""
        needs_check = offer.sign_up != SignUp.WALK_IN
        weekly = False
        for location_id, schedules in places:
            for schedule in schedules:
                weekly = weekly or schedule.kind == ScheduleKind.WEEKLY
                if schedule.outside_opening_hours:
                    continue
                calendar, name = self._calendar(location_id)
                found = catalogue_services.schedule_problem(
                    schedule, offer=offer, calendar=calendar
                )
                if found is None:
                    continue
                if found[0] != "opens_at":  # a closed day, out of season: the check says so
                    needs_check = True
                    continue
                schedule.outside_opening_hours = True
                if stored:
                    schedule.save(update_fields=["outside_opening_hours"])
                self.warn(
                    "schedule",
                    obj,
                    "service_at_locations",
                    _(
                        "De tijd %(time)s bij %(place)s valt buiten de openingstijden; ze is "
                        "opgeslagen als ‘ook buiten openingstijden’."
                    )
                    % {"time": catalogue_services.schedule_label(schedule), "place": name},
                )
        return needs_check or not weekly

    def _sign_up_when_silent(self, values, obj, organisation):
        """A service that says nothing about how to take part (no application_process) and
        gives no times is not a walk-in offer without times: when it, its place or its
        organisation has a phone number, e-mail address or website, it is an offer "op
        afspraak" that says how to make the appointment; without any, it stays walk-in, and the
        publication check keeps it a draft (a walk-in offer needs a time)."""
        if "sign_up" not in values or (obj.get("application_process") or "").strip():
            return
        if _has_times(obj):
            return
        ways = contact_ways(
            values.get("contact_phone"), values.get("contact_email"), values.get("website")
        ) or contact_ways(organisation.phone, organisation.email, organisation.website)
        if ways:
            values["sign_up"] = SignUp.APPOINTMENT
            values["sign_up_instructions"] = _("Maak een afspraak: %(ways)s.") % {"ways": ways}

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

    def _readiness(self, offer, obj, *, cached: bool) -> Readiness:
        """Places, themes and target groups: from the rows read for the chunk when nothing
        changed."""
        readiness = Readiness(
            unplaced=self._unplaced(obj),
            untitled=not (obj.get("name") or "").strip(),
            unnamed_organisation=str(offer.organisation_id) in self.unnamed_organisations,
        )
        if cached:
            readiness.has_place = bool(offer.offer_locations.all())
            readiness.has_theme = bool(self.current_links("themes", offer))
            readiness.has_target_group = bool(self.current_links("target_groups", offer))
        else:
            readiness.has_place = offer.offer_locations.exists()
            readiness.has_theme = offer.themes.exists()
            readiness.has_target_group = offer.target_groups.exists()
        return readiness

    def _unplaced(self, obj) -> list[str]:
        """Why places of this service were not stored (importer.locations)."""
        reasons = []
        for sal in obj.get("service_at_locations") or []:
            if not isinstance(sal, dict):
                continue
            location = sal.get("location") if isinstance(sal.get("location"), dict) else {}
            lid = sal.get("location_id") or location.get("id")
            if lid in self.unplaced:
                name = (location.get("name") or "").strip() or str(lid)
                reasons.append(
                    _("De plek ‘%(name)s’ is niet opgeslagen: %(reason)s")
                    % {"name": name[:80], "reason": self.unplaced[lid]}
                )
        return reasons

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
        summary, description = split_description(obj.get("description") or "")
        sign_up, instructions = parse_sign_up(obj.get("application_process") or "")
        is_free, amount, cost_description, membership = self._costs(obj)
        requirements, other = parse_requirements(obj.get("required_documents") or [])
        contact = next((c for c in obj.get("contacts") or [] if isinstance(c, dict)), {})
        phone = import_phone(first_number(contact.get("phones")) or first_number(obj.get("phones")))
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
        title = (obj.get("name") or "").strip()
        if not title:  # valid HSDS; the offer stays a draft (importer.publishing)
            title = (
                (obj.get("alternate_name") or "").strip()
                or summary.strip()
                or _("Aanbod zonder naam")
            )
            title = title if len(title) <= 150 else title[:149] + "…"
        values = {
            "title": title,
            "summary": summary or title[:200],
            "description": description,
            "website": clean_url(obj.get("url")),
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
        values["season_start_month"], values["season_end_month"] = season_months(
            obj.get("schedules")
        )
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
                    {"id": term_id} if as_uuid(term_id) in self.our_terms else None
                )
            uid = as_uuid((term_obj or {}).get("id"))
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
        if offer is not None and not is_full(obj):
            # A short record (an API list page): change only what it says something about.
            values = {k: v for k, v in values.items() if any(key in obj for key in SOURCE_KEYS[k])}
            if "attributes" not in obj:
                terms = {}
                externals = None
        return values, terms, externals

    def _classify(self, values, terms, offer):
        """Themes, target groups and an offer type for a service that came without ours (or
        without a mapping of its own terms): an existing offer keeps the ones it has; what is
        still missing comes from its words (catalogue.classification) and the offer is marked
        "automatisch ingedeeld" for its organisation's staff to review. Runs before the
        publication check (importer.publishing), so a classified offer can go live."""
        if not terms:  # a short record that says nothing about terms: nothing changes
            return
        for attr in ("themes", "target_groups"):
            if not terms[attr] and offer is not None:
                terms[attr] = [self.our_terms[pk] for pk in self.current_links(attr, offer)]
        type_missing = values.get("offer_type_id") is None and offer is None
        if terms["themes"] and terms["target_groups"] and not type_missing:
            return
        suggestion = classification.classify(
            values.get("title", ""), values.get("summary", ""), values.get("description", "")
        )
        found = False
        for attr, suggested in (
            ("themes", suggestion.themes),
            ("target_groups", suggestion.target_groups),
        ):
            if not terms[attr] and suggested:
                terms[attr] = [self.our_terms[as_uuid(t.id)] for t in suggested]
                found = True
        if type_missing and suggestion.offer_type is not None:
            values["offer_type_id"] = as_uuid(suggestion.offer_type.id)
            found = True
        if found:
            values["auto_classified"] = True

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
        pid = as_uuid((program or {}).get("id") or obj.get("program_id"))
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
