"""Our catalogue as Open Referral HSDS 3.1 objects (docs/hsds-mapping.md is the field map).

Pure functions from model instances to plain dicts, ready for JSON. They read only what the
instances carry: callers load them through opendata.selectors, which prefetches everything a
full object needs, so building a page of objects costs a fixed number of queries.

Ids: every object with a table of its own uses its UUID primary key. Sub-objects without a
table (address, languages, required documents, contacts, phones, cost options, attributes,
opening hours) get `uuid5(<owner id>, "<kind>:<value>")`, the same on every export, so an
import can match them. Text is Dutch as stored; labels of choices are written in Dutch whatever
the language of the request."""

import calendar
import datetime
import uuid
from decimal import Decimal

from django.utils import timezone, translation

from ontwikkelplein.catalogue.models import (
    LANGUAGE_CHOICES,
    Offer,
    OfferLocation,
    Requirement,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.opendata import selectors
from ontwikkelplein.organisations.models import Location, OpeningHours, Organisation

HSDS_VERSION = "3.1"
LANGUAGE = "nl"
COUNTRY = "NL"
CURRENCY = "EUR"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# Which of our taxonomies each service attribute comes from, in this order (attribute.link_type).
ATTRIBUTE_TAXONOMIES = (Taxonomy.OFFER_TYPE, Taxonomy.THEME, Taxonomy.TARGET_GROUP, Taxonomy.LEVEL)
# A stable namespace for ids that belong to no single object (the capacity unit).
NAMESPACE = uuid.UUID("6b0d8f0e-6a43-5b7e-9d6f-0f5f8f4b1c11")
CAPACITY_UNIT = {"id": str(uuid.uuid5(NAMESPACE, "unit:plaatsen")), "name": "plaatsen"}
MEMBERSHIP_OPTION = "Lidmaatschap van de bibliotheek nodig"
# Help points at a location (Location.has_ido, has_taalhuis) as location attributes with a term of
# a small fixed taxonomy (docs/hsds-mapping.md, "Help points"). It is not one of the catalogue's
# taxonomies (staff do not edit it), so its ids come from NAMESPACE.
HELP_POINT_LINK_TYPE = "hulppunt"
HELP_POINT_TAXONOMY = {
    "id": str(uuid.uuid5(NAMESPACE, "taxonomy:hulppunt")),
    "name": "Hulppunt",
    "description": (
        "Waar een inwoner op deze plek zonder afspraak terecht kan met vragen over de digitale "
        "overheid of over lezen, schrijven en rekenen."
    ),
    "version": "1",
}
# code -> (location field, name, description)
HELP_POINTS = {
    "ido": (
        "has_ido",
        "Informatiepunt Digitale Overheid (IDO)",
        "Hulp bij DigiD, toeslagen, belastingen en andere zaken met de overheid.",
    ),
    "taalhuis": (
        "has_taalhuis",
        "Taalhuis",
        "Taalhuis of Taalpunt: hulp bij lezen, schrijven, rekenen en Nederlands leren.",
    ),
}
FREE_OPTION = "Gratis"
PAID_OPTION = "Deelname"


def sub_id(owner_id, kind: str, value) -> str:
    """The deterministic id of a sub-object without a table of its own."""
    return str(uuid.uuid5(uuid.UUID(str(owner_id)), f"{kind}:{value}"))


def _clean(obj: dict) -> dict:
    """HSDS fields are typed (a string is never null): leave out what we do not have."""
    return {k: v for k, v in obj.items() if v is not None and v != ""}


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: datetime.time) -> str:
    # Local (Europe/Amsterdam) wall-clock time: a weekly time has no fixed UTC offset (summer
    # time), so no offset is given; docs/hsds-api.md says so.
    return value.strftime("%H:%M")


def _datetime(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Taxonomies -------------------------------------------------------------------------------


def taxonomy_to_hsds(taxonomy: Taxonomy) -> dict:
    return _clean(
        {
            "id": str(taxonomy.pk),
            "name": taxonomy.name,
            "description": taxonomy.description or taxonomy.name,
            "version": taxonomy.version,
        }
    )


def taxonomy_term_to_hsds(term: TaxonomyTerm, *, detail: bool = True) -> dict:
    """`detail` nests the taxonomy (needs term.taxonomy loaded)."""
    obj = {
        "id": str(term.pk),
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "parent_id": str(term.parent_id) if term.parent_id else None,
        "taxonomy": term.taxonomy.name,
        "taxonomy_id": str(term.taxonomy_id),
        "language": LANGUAGE,
    }
    obj = _clean(obj)
    obj["description"] = term.description  # required, may be empty
    if detail:
        obj["taxonomy_detail"] = taxonomy_to_hsds(term.taxonomy)
    return obj


# --- Organisations and locations --------------------------------------------------------------


def _phone(owner_field: str, owner_id, number: str, **extra) -> dict:
    return _clean(
        {
            "id": sub_id(owner_id, "phone", number),
            owner_field: str(owner_id),
            "number": number,
            "type": "voice",
            **extra,
        }
    )


def address_to_hsds(location: Location) -> dict:
    return {
        "id": sub_id(location.pk, "address", "physical"),
        "location_id": str(location.pk),
        "address_1": f"{location.street} {location.house_number}".strip(),
        "city": location.city,
        "state_province": location.municipality.province.name,
        "region": location.municipality.name,
        "postal_code": location.postcode,
        "country": COUNTRY,
        "address_type": "physical",
    }


def opening_hours_to_hsds(hours: OpeningHours) -> dict:
    key = f"{hours.weekday}:{_time(hours.opens_at)}-{_time(hours.closes_at)}"
    return {
        "id": sub_id(hours.location_id, "opening_hours", key),
        "location_id": str(hours.location_id),
        "freq": "WEEKLY",
        "interval": 1,
        "wkst": "MO",
        "byday": BYDAY[hours.weekday],
        "opens_at": _time(hours.opens_at),
        "closes_at": _time(hours.closes_at),
        "description": (
            f"Open op {DAY_NAMES[hours.weekday]} van {_time(hours.opens_at)} "
            f"tot {_time(hours.closes_at)}."
        ),
    }


def help_point_term(code: str) -> dict:
    """The taxonomy term of a help point (code `ido` or `taalhuis`), with its taxonomy."""
    _field, name, description = HELP_POINTS[code]
    return {
        "id": str(uuid.uuid5(NAMESPACE, f"taxonomy_term:hulppunt:{code}")),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": HELP_POINT_TAXONOMY["name"],
        "taxonomy_id": HELP_POINT_TAXONOMY["id"],
        "language": LANGUAGE,
        "taxonomy_detail": HELP_POINT_TAXONOMY,
    }


HELP_POINT_TERM_IDS = {help_point_term(code)["id"]: code for code in HELP_POINTS}


def help_point_attributes(location: Location) -> list[dict]:
    """One attribute per help point the location is: link_type `hulppunt`, link_entity
    `location`, the term in full."""
    attributes = []
    for code, (field, _name, _description) in HELP_POINTS.items():
        if getattr(location, field):
            term = help_point_term(code)
            attributes.append(
                {
                    "id": sub_id(location.pk, "attribute", f"hulppunt:{code}"),
                    "link_id": str(location.pk),
                    "link_type": HELP_POINT_LINK_TYPE,
                    "link_entity": "location",
                    "taxonomy_term_id": term["id"],
                    "label": HELP_POINT_TAXONOMY["name"],
                    "taxonomy_term": term,
                }
            )
    return attributes


def location_to_hsds(location: Location, *, full: bool = True) -> dict:
    obj = _clean(
        {
            "id": str(location.pk),
            "location_type": "physical",
            "organization_id": str(location.organisation_id),
            "name": location.name,
            "description": location.description,
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    )
    if full:
        obj["addresses"] = [address_to_hsds(location)]
        obj["schedules"] = [opening_hours_to_hsds(h) for h in location.opening_hours.all()]
        obj["accessibility"] = (
            [
                {
                    "id": sub_id(location.pk, "accessibility", "description"),
                    "location_id": str(location.pk),
                    "description": location.accessibility,
                }
            ]
            if location.accessibility
            else []
        )
        obj["attributes"] = help_point_attributes(location)
    return obj


def organization_to_hsds(
    organisation: Organisation, *, full: bool = True, services: list[Offer] | None = None
) -> dict:
    """`full` adds phones, identifiers and locations (prefetch `locations` with their opening
    hours and municipality__province); `services` nests those offers as full services (the
    export format and `full_service=true`)."""
    obj = _clean(
        {
            "id": str(organisation.pk),
            "name": organisation.name,
            "email": organisation.email,
            "website": organisation.website,
        }
    )
    obj["description"] = organisation.description  # required, may be empty
    if full:
        obj["phones"] = (
            [_phone("organization_id", organisation.pk, organisation.phone)]
            if organisation.phone
            else []
        )
        obj["organization_identifiers"] = (
            [
                {
                    "id": sub_id(organisation.pk, "identifier", f"ISIL:{organisation.isil}"),
                    "organization_id": str(organisation.pk),
                    "identifier_scheme": "ISIL",
                    "identifier_type": "ISIL",
                    "identifier": organisation.isil,
                }
            ]
            if organisation.isil
            else []
        )
        obj["locations"] = [location_to_hsds(loc) for loc in organisation.locations.all()]
    if services is not None:
        obj["services"] = [service_to_hsds(offer, full=True) for offer in services]
    return obj


# --- Services -------------------------------------------------------------------------------


def schedule_to_hsds(schedule: Schedule, offer_location: OfferLocation) -> dict:
    start, end = _time(schedule.opens_at), _time(schedule.closes_at)
    obj = {
        "id": str(schedule.pk),
        "service_id": str(offer_location.offer_id),
        "location_id": str(offer_location.location_id),
        "service_at_location_id": str(offer_location.pk),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": BYDAY[schedule.weekday],
        "opens_at": start,
        "closes_at": end,
        "notes": schedule.notes,
    }
    if schedule.kind == ScheduleKind.DATED and schedule.date:
        # One session on one date: an RRULE that starts and ends on that date.
        obj |= {"dtstart": _date(schedule.date), "until": _date(schedule.date), "count": 1}
        obj["description"] = (
            f"Op {DAY_NAMES[schedule.weekday]} {_date(schedule.date)} van {start} tot {end}."
        )
    else:
        obj |= {
            "interval": 1,
            "valid_from": _date(schedule.valid_from),
            "valid_to": _date(schedule.valid_to),
        }
        obj["description"] = f"Elke {DAY_NAMES[schedule.weekday]} van {start} tot {end}."
    return _clean(obj)


def season_period(
    start_month: int, end_month: int, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the season that runs today, or else of the next one. A season
    may run over the new year (November to February)."""
    month = today.month
    wraps = end_month < start_month
    if wraps:
        in_season = month >= start_month or month <= end_month
    else:
        in_season = start_month <= month <= end_month
    if in_season:
        year = today.year - 1 if wraps and month <= end_month else today.year
    else:
        year = today.year if month < start_month else today.year + 1
    end_year = year + 1 if wraps else year
    last_day = calendar.monthrange(end_year, end_month)[1]
    return datetime.date(year, start_month, 1), datetime.date(end_year, end_month, last_day)


def season_schedule_to_hsds(offer: Offer, today: datetime.date | None = None) -> dict | None:
    """An offer's yearly season (Offer.season_start_month/season_end_month) as a schedule of the
    service itself (docs/hsds-mapping.md, "Seasons"): HSDS 3.1 has no BYMONTH and no YEARLY
    frequency, so the season is the schedule's validity, `valid_from` the first day of the
    season that runs today or else of the next one, `valid_to` its last day, and its
    `description` says that it comes back every year. No weekday and no times: those belong to
    the schedules of the service at a location. None without a season."""
    if not offer.has_season:
        return None
    start, end = offer.season_start_month, offer.season_end_month
    first, last = season_period(start, end, today or timezone.localdate())
    return {
        "id": sub_id(offer.pk, "season", f"{start}-{end}"),
        "service_id": str(offer.pk),
        "valid_from": _date(first),
        "valid_to": _date(last),
        "description": (
            f"Elk jaar van {MONTH_NAMES[start - 1]} tot en met {MONTH_NAMES[end - 1]}."
        ),
    }


def service_at_location_to_hsds(offer_location: OfferLocation, *, full: bool = True) -> dict:
    """Needs offer_location.location (with opening hours, municipality__province) and
    schedules loaded; see selectors.service_at_location_queryset()."""
    obj = _clean(
        {
            "id": str(offer_location.pk),
            "service_id": str(offer_location.offer_id),
            "location_id": str(offer_location.location_id),
            "description": offer_location.description,
        }
    )
    if full:
        obj["schedules"] = [
            schedule_to_hsds(s, offer_location) for s in offer_location.schedules.all()
        ]
        obj["location"] = location_to_hsds(offer_location.location)
    return obj


def _attributes(offer: Offer) -> list[dict]:
    groups = {
        Taxonomy.OFFER_TYPE: [offer.offer_type],
        Taxonomy.THEME: list(offer.themes.all()),
        Taxonomy.TARGET_GROUP: list(offer.target_groups.all()),
        Taxonomy.LEVEL: list(offer.levels.all()),
    }
    attributes = []
    for slug in ATTRIBUTE_TAXONOMIES:
        for term in groups[slug]:
            attributes.append(
                {
                    "id": sub_id(offer.pk, "attribute", term.pk),
                    "link_id": str(offer.pk),
                    "link_type": slug,
                    "link_entity": "service",
                    "taxonomy_term_id": str(term.pk),
                    "taxonomy_term": taxonomy_term_to_hsds(term),
                    "label": term.taxonomy.name,
                }
            )
    return attributes


def fees_description(offer: Offer) -> str:
    if offer.is_free:
        text = "Gratis."
    elif offer.cost_amount is not None:
        text = f"€ {format_amount(offer.cost_amount)}."
    else:
        text = "Er zijn kosten."
    if offer.cost_description:
        text += f" {offer.cost_description}"
    if offer.membership_required:
        text += " Je moet lid zijn van de bibliotheek."
    return text


def format_amount(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",")


def _cost_options(offer: Offer) -> list[dict]:
    service_id = str(offer.pk)
    if offer.is_free:
        options = [
            {
                "id": sub_id(offer.pk, "cost_option", FREE_OPTION),
                "service_id": service_id,
                "option": FREE_OPTION,
                "currency": CURRENCY,
                "amount": 0,
                "amount_description": offer.cost_description,
            }
        ]
    else:
        options = [
            {
                "id": sub_id(offer.pk, "cost_option", PAID_OPTION),
                "service_id": service_id,
                "option": PAID_OPTION,
                "currency": CURRENCY,
                "amount": float(offer.cost_amount) if offer.cost_amount is not None else None,
                "amount_description": offer.cost_description,
            }
        ]
    if offer.membership_required:
        options.append(
            {
                "id": sub_id(offer.pk, "cost_option", MEMBERSHIP_OPTION),
                "service_id": service_id,
                "option": MEMBERSHIP_OPTION,
                "currency": CURRENCY,
            }
        )
    return [_clean(o) for o in options]


def application_process(offer: Offer) -> str:
    label = str(SignUp(offer.sign_up).label) if offer.sign_up in SignUp.values else offer.sign_up
    if offer.sign_up_instructions:
        return f"{label}.\n\n{offer.sign_up_instructions}"
    return f"{label}."


def service_description(offer: Offer) -> str:
    """The one-line B1 summary is the first paragraph (HSDS has no field of its own for it)."""
    if offer.summary:
        return f"{offer.summary}\n\n{offer.description}"
    return offer.description


def _contacts(offer: Offer) -> list[dict]:
    if not (offer.contact_name or offer.contact_email or offer.contact_phone):
        return []
    contact_id = sub_id(offer.pk, "contact", "main")
    contact = _clean(
        {
            "id": contact_id,
            "service_id": str(offer.pk),
            "name": offer.contact_name,
            "email": offer.contact_email,
        }
    )
    contact["phones"] = (
        [_phone("service_id", offer.pk, offer.contact_phone, contact_id=contact_id)]
        if offer.contact_phone
        else []
    )
    return [contact]


def _required_documents(offer: Offer) -> list[dict]:
    labels = dict(Requirement.choices)
    documents = [(code, str(labels[code])) for code in offer.requirements if code in labels]
    if offer.requirements_other:
        documents.append(("other", offer.requirements_other))
    return [
        {
            "id": sub_id(offer.pk, "required_document", code),
            "service_id": str(offer.pk),
            "document": text,
        }
        for code, text in documents
    ]


def _languages(offer: Offer) -> list[dict]:
    names = dict(LANGUAGE_CHOICES)
    return [
        _clean(
            {
                "id": sub_id(offer.pk, "language", code),
                "service_id": str(offer.pk),
                "code": code,
                "name": str(names[code]) if code in names else None,
            }
        )
        for code in offer.languages
    ]


def service_to_hsds(offer: Offer, *, full: bool = True) -> dict:
    """An offer as an HSDS service. `full=False` gives the one-to-one fields only (list pages).
    A full service needs what selectors.service_queryset(full=True) loads."""
    with translation.override(LANGUAGE):
        return _service(offer, full)


def _service(offer: Offer, full: bool) -> dict:
    obj = _clean(
        {
            "id": str(offer.pk),
            "organization_id": str(offer.organisation_id),
            "program_id": str(offer.programme_id) if offer.programme_id else None,
            "name": offer.title,
            "description": service_description(offer),
            "url": offer.website,
            "email": offer.contact_email,
            "status": "active" if offer.is_published else "inactive",
            "application_process": application_process(offer),
            "fees_description": fees_description(offer),
            "assured_date": _date(offer.last_verified_on),
            # The organisation vouches for its offers; a staff member's own address is not
            # published.
            "assurer_email": offer.organisation.email if offer.last_verified_on else None,
            "last_modified": _datetime(offer.updated_at),
        }
    )
    if not full:
        return obj
    obj["organization"] = organization_to_hsds(offer.organisation, full=False)
    if offer.programme_id:
        programme = offer.programme
        obj["program"] = {
            "id": str(programme.pk),
            "name": programme.name,
            "description": programme.description or programme.name,
        }
    obj["service_at_locations"] = [
        service_at_location_to_hsds(ol) for ol in offer.offer_locations.all()
    ]
    obj["contacts"] = _contacts(offer)
    obj["phones"] = (
        [_phone("service_id", offer.pk, offer.contact_phone)] if offer.contact_phone else []
    )
    obj["languages"] = _languages(offer)
    obj["required_documents"] = _required_documents(offer)
    obj["cost_options"] = _cost_options(offer)
    obj["capacities"] = (
        [
            {
                "id": sub_id(offer.pk, "capacity", "plaatsen"),
                "service_id": str(offer.pk),
                "unit": CAPACITY_UNIT,
                "unit_id": CAPACITY_UNIT["id"],
                "available": offer.capacity,
                "maximum": offer.capacity,
                "description": "Aantal plaatsen",
                "updated": _datetime(offer.updated_at),
            }
        ]
        if offer.capacity
        else []
    )
    obj["attributes"] = _attributes(offer)
    season = season_schedule_to_hsds(offer)
    obj["schedules"] = [season] if season else []
    return obj


def catalogue_as_hsds(
    organisation: Organisation | None = None, *, organisations=None
) -> list[dict]:
    """THE export format: full HSDS organizations, each with its published offers as full
    services under "services". Every organisation with a published offer is included, or just
    `organisation` (even without offers), or just `organisations` (a list or queryset)."""
    if organisation is not None:
        organisations = [organisation]
    return [
        organization_to_hsds(org, full=True, services=offers)
        for org, offers in selectors.catalogue_of(organisations)
    ]


def now_iso() -> str:
    return _datetime(timezone.now())
