"""Loads the demo network, offers and logins (demo/data.py, demo/offers.py) into the database.

Idempotent: every record has a fixed UUID (derived from its key) or a natural key, and a row is
only written when a value differs, so a second run on the same day changes nothing. Running it
later moves dated sessions along with today, so they stay in the future. Whatever staff changed in
demo records is put back; records staff created themselves are left alone."""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from ontwikkelplein.catalogue import search
from ontwikkelplein.catalogue import services as catalogue_services
from ontwikkelplein.catalogue.models import (
    Offer,
    OfferLocation,
    Programme,
    Schedule,
    Taxonomy,
    TaxonomyTerm,
)
from ontwikkelplein.demo import data
from ontwikkelplein.demo.activityplans import load_activity_plans
from ontwikkelplein.demo.boekstart import load_boekstart
from ontwikkelplein.demo.branding import load_brandings
from ontwikkelplein.demo.calendar import load_calendars
from ontwikkelplein.demo.connections import load_connections
from ontwikkelplein.demo.courses import load_courses
from ontwikkelplein.demo.dates import fit_dated, fit_weekly
from ontwikkelplein.demo.desk import load_desk_registrations
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.demo.impact import load_impact
from ontwikkelplein.demo.learning import load_learning
from ontwikkelplein.demo.materials import load_materials
from ontwikkelplein.demo.needs import load_needs
from ontwikkelplein.demo.network import load_network
from ontwikkelplein.demo.offer_templates import load_offer_templates
from ontwikkelplein.demo.offers import build_offers, schedule_date
from ontwikkelplein.demo.participation import load_programme_register
from ontwikkelplein.demo.quality import load_quality
from ontwikkelplein.demo.readingguide import load_reading_guide
from ontwikkelplein.demo.referrals import load_referrals
from ontwikkelplein.demo.reports import load_reports
from ontwikkelplein.demo.verification import load_verification
from ontwikkelplein.demo.wayfinder import load_wayfinder_paths
from ontwikkelplein.organisations.models import (
    Location,
    Membership,
    OpeningHours,
    Organisation,
    OrganisationKind,
)
from ontwikkelplein.places import services as places_services
from ontwikkelplein.places.models import Municipality, PostcodeArea, Province


class DemoDataError(Exception):
    """The database lacks something the demo needs (for example the seeded reference data)."""


def _upsert(model, lookup: dict, values: dict, on_create: dict | None = None):
    """Create the row, or update only the fields whose value differs. Returns the object."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values, **(on_create or {}))
        obj.save()
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        if any(f.name == "updated_at" for f in model._meta.get_fields()):
            changed.append("updated_at")
        obj.save(update_fields=changed)
    return obj


def _set_m2m(manager, objects) -> None:
    """Like manager.set(), but only touches the table when the set differs."""
    wanted = {o.pk for o in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(list(objects))


def _ensure_places() -> dict[str, Municipality]:
    """The demo needs the municipalities and PC4 areas the data migrations load; tests that
    flush the database (transactional tests) get them back here."""
    if not PostcodeArea.objects.exists():
        places_services.load_postcode_areas()
    if not Municipality.objects.filter(code="GM0307").exists():
        places_services.load_municipalities()
    return {m.code: m for m in Municipality.objects.all()}


def _load_organisations(municipalities) -> dict[str, Organisation]:
    orgs = {}
    provinces = {p.name: p for p in Province.objects.all()}

    def save(spec, kind, sector=""):
        org = _upsert(
            Organisation,
            {"name": spec["name"]},
            {
                "kind": kind,
                "sector": sector,
                "description": spec.get("description", ""),
                "website": spec.get("website", ""),
                "email": spec.get("email", ""),
                "phone": spec.get("phone", ""),
            },
            on_create={"id": demo_uuid("organisation", spec["key"])},
        )
        _set_m2m(org.provinces, [provinces[name] for name in spec.get("provinces", [])])
        _set_m2m(
            org.municipalities, [municipalities[code] for code in spec.get("municipalities", [])]
        )
        orgs[spec["key"]] = org

    save(data.KB, OrganisationKind.KB)
    for spec in data.POIS:
        save(spec, OrganisationKind.POI)
    for spec in data.LIBRARIES:
        save(spec, OrganisationKind.LIBRARY)
    for spec in data.PARTNERS:
        save(spec, OrganisationKind.PARTNER, spec["sector"])
    return orgs


def _load_locations(orgs, municipalities) -> dict[str, Location]:
    locations = {}
    for spec in data.LOCATIONS:
        location = _upsert(
            Location,
            {"id": demo_uuid("location", spec["key"])},
            {
                "organisation": orgs[spec["organisation"]],
                "name": spec["name"],
                "kind": spec["kind"],
                "description": spec.get("description", ""),
                "street": spec["street"],
                "house_number": spec["house_number"],
                "postcode": spec["postcode"],
                "city": spec["city"],
                "municipality": municipalities[spec["municipality"]],
                "latitude": spec["lat"],
                "longitude": spec["lon"],
                "accessibility": spec.get("accessibility", ""),
                "has_ido": spec["key"] in data.IDO_LOCATIONS,
                "has_taalhuis": spec["key"] in data.TAALHUIS_LOCATIONS,
            },
        )
        existing = sorted(location.opening_hours.values_list("weekday", "opens_at", "closes_at"))
        if existing != sorted(spec["hours"]):
            location.opening_hours.all().delete()
            OpeningHours.objects.bulk_create(
                OpeningHours(location=location, weekday=d, opens_at=o, closes_at=c)
                for d, o, c in spec["hours"]
            )
        locations[spec["key"]] = location
    return locations


def _load_users(orgs) -> None:
    User = get_user_model()
    admin_permissions = list(
        Permission.objects.filter(
            content_type__app_label="catalogue", content_type__model__in=data.KB_ADMIN_MODELS
        )
    )
    for spec in data.USERS:
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            user = User(username=spec["username"])
        values = {
            "first_name": spec["first_name"],
            "last_name": spec["last_name"],
            "email": f"{spec['username']}@demo.ontwikkelplein.example",
            "is_staff": spec.get("is_staff", False),
            "is_superuser": False,
            "is_active": True,
        }
        changed = user.pk is None or any(getattr(user, k) != v for k, v in values.items())
        for key, value in values.items():
            setattr(user, key, value)
        if user.pk is None or not user.check_password(data.DEMO_PASSWORD):
            user.set_password(data.DEMO_PASSWORD)
            changed = True
        if changed:
            user.save()
        Membership.objects.get_or_create(
            user=user, organisation=orgs[spec["organisation"]], role=spec["role"]
        )
        if spec.get("is_staff"):
            _set_m2m(user.user_permissions, admin_permissions)


def _terms() -> dict[tuple[str, str], TaxonomyTerm]:
    terms = {(t.taxonomy.slug, t.code): t for t in TaxonomyTerm.objects.select_related("taxonomy")}
    if not terms:
        raise DemoDataError(
            "The catalogue reference data is missing: run `manage.py migrate` first."
        )
    return terms


def _load_offers(orgs, locations, today: date) -> list[Offer]:
    terms = _terms()
    programmes = {p.code: p for p in Programme.objects.all()}
    now = timezone.now()

    def term(slug, code):
        try:
            return terms[(slug, code)]
        except KeyError:
            raise DemoDataError(f"Unknown {slug} term {code!r} in the demo offers.") from None

    offers = []
    for spec in build_offers(today):
        offer_id = demo_uuid("offer", spec["key"])
        existing = Offer.objects.filter(pk=offer_id).first()
        days = spec["verified_days_ago"]
        published = spec["status"] == "published"
        values = {
            "organisation": orgs[spec["organisation"]],
            "title": spec["title"],
            "summary": spec["summary"],
            "description": spec["description"],
            "offer_type": term(Taxonomy.OFFER_TYPE, spec["offer_type"]),
            "programme": programmes[spec["programme"]] if spec["programme"] else None,
            "guidance": spec["guidance"],
            "sign_up": spec["sign_up"],
            "sign_up_instructions": spec["sign_up_instructions"],
            "is_free": spec["is_free"],
            "cost_amount": Decimal(spec["cost_amount"]) if spec["cost_amount"] else None,
            "cost_description": spec["cost_description"],
            "membership_required": spec["membership_required"],
            "requirements": spec["requirements"],
            "requirements_other": spec["requirements_other"],
            "computers": spec["computers"],
            "printer": spec["printer"],
            "privacy_room": spec["privacy_room"],
            "languages": spec["languages"],
            "capacity": spec["capacity"],
            "contact_name": spec["contact_name"],
            "contact_email": spec["contact_email"],
            "contact_phone": spec["contact_phone"],
            "website": spec["website"],
            "status": spec["status"],
            "valid_from": spec["valid_from"],
            "valid_to": spec["valid_to"],
            "season_start_month": spec.get("season_start_month"),
            "season_end_month": spec.get("season_end_month"),
            # Relative to today, so the "te controleren" list always has some offers on it.
            "last_verified_on": today - timedelta(days=days) if days is not None else None,
        }
        if published:
            # Kept once set, so a second run does not move it.
            values["published_at"] = (existing and existing.published_at) or now - timedelta(
                days=(days or 0) + 30
            )
        else:
            values["published_at"] = None
        offer = _upsert(Offer, {"id": offer_id}, values)
        _set_m2m(offer.themes, [term(Taxonomy.THEME, c) for c in spec["themes"]])
        _set_m2m(
            offer.target_groups, [term(Taxonomy.TARGET_GROUP, c) for c in spec["target_groups"]]
        )
        _set_m2m(offer.levels, [term(Taxonomy.LEVEL, c) for c in spec["levels"]])
        _set_m2m(offer.partners, [orgs[k] for k in spec["partners"]])
        _load_offer_locations(offer, spec, locations, today)
        offers.append(offer)
    return offers


def _load_offer_locations(offer, spec, locations, today) -> None:
    wanted_places, wanted_schedules = set(), set()
    for place in spec["locations"]:
        place_key = f"{spec['key']}@{place['location']}"
        offer_location = _upsert(
            OfferLocation,
            {"id": demo_uuid("offer-location", place_key)},
            {
                "offer": offer,
                "location": locations[place["location"]],
                "description": place["description"],
            },
        )
        wanted_places.add(offer_location.pk)
        location = locations[place["location"]]
        for n, when in enumerate(place["schedules"]):
            day = schedule_date(today, when)
            weekday = when.get("weekday")
            if day is not None:
                # Not on a Sunday, a holiday or a day the place is closed, and inside its hours.
                day, outside = fit_dated(location, day, when["opens"], when["closes"])
            else:
                weekday, outside = fit_weekly(location, weekday, when["opens"], when["closes"])
            schedule = _upsert(
                Schedule,
                {"id": demo_uuid("schedule", f"{place_key}#{n}")},
                {
                    "offer_location": offer_location,
                    "kind": when["kind"],
                    "weekday": day.weekday() if day else weekday,
                    "date": day,
                    "opens_at": when["opens"],
                    "closes_at": when["closes"],
                    "valid_from": when.get("valid_from"),
                    "valid_to": when.get("valid_to"),
                    "notes": when["notes"],
                    "outside_opening_hours": outside,
                },
            )
            wanted_schedules.add(schedule.pk)
    # A demo offer's places and times are exactly those of its definition.
    Schedule.objects.filter(offer_location__offer=offer).exclude(pk__in=wanted_schedules).delete()
    offer.offer_locations.exclude(pk__in=wanted_places).delete()


def load_demo(today: date | None = None) -> dict[str, int]:
    """Load (or refresh) the demo data; returns counts for the command to report."""
    today = today or timezone.localdate()
    with transaction.atomic():
        municipalities = _ensure_places()
        orgs = _load_organisations(municipalities)
        brandings = load_brandings(orgs)
        locations = _load_locations(orgs, municipalities)
        # Closed days first: the offers' and courses' dates are planned around them.
        closed_days = load_calendars(locations, today)
        _load_users(orgs)
        offers = _load_offers(orgs, locations, today)
        templates = load_offer_templates()
        need_phrases = catalogue_services.seed_national_need_phrases()
        catalogue_services.seed_national_term_keywords()
    contacts = load_desk_registrations(today)
    referrals = load_referrals()
    learning = load_learning(today)
    runs = load_courses(today)
    questionnaires = load_impact()
    wayfinder_paths = load_wayfinder_paths(today)
    programme_register = load_programme_register(today)
    quality_files = load_quality(today)
    activity_plans = load_activity_plans(today)
    reading_tables = load_reading_guide()
    boekstart = load_boekstart(today)
    materials = load_materials([lib["key"] for lib in data.LIBRARIES])
    network = load_network(today)
    needs = load_needs(today)
    connections = load_connections(today)
    with transaction.atomic():
        verification_requests = load_verification(today)
    reports = load_reports(today)
    indexed = search.rebuild_index()
    return {
        "organisations": len(orgs),
        "brandings": brandings,
        "locations": len(locations),
        "offers": len(offers),
        "published": sum(1 for o in offers if o.status == "published"),
        "users": len(data.USERS),
        "indexed": indexed,
        "contacts": contacts,
        "templates": len(templates),
        "referrals": referrals,
        "learning": learning,
        "runs": runs,
        "questionnaires": questionnaires,
        "wayfinder_paths": wayfinder_paths,
        "need_phrases": need_phrases,
        "programme_register": programme_register,
        "quality_files": quality_files,
        "activity_plans": activity_plans,
        "materials": materials,
        "network": network,
        "needs": needs,
        "connections": connections,
        "closed_days": closed_days,
        "verification_requests": verification_requests,
        "reports": reports,
        "reading_tables": reading_tables,
        "boekstart": boekstart,
    }


def demo_logins() -> list[dict[str, str]]:
    """One row per demo user that exists: username, role, organisation, password."""
    User = get_user_model()
    rows = []
    for spec in data.USERS:
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            continue
        membership = (
            Membership.objects.filter(user=user, role=spec["role"])
            .select_related("organisation")
            .first()
        )
        if membership is None:
            continue
        rows.append(
            {
                "username": user.username,
                "role": str(membership.get_role_display()),
                "organisation": membership.organisation.name,
                "password": data.DEMO_PASSWORD,
            }
        )
    return rows
