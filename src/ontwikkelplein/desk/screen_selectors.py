"""Reads for the desk screen: who may register for which organisation and location, the user's
own registrations of today, the last one, and the choices offered for a referral.

Access goes through organisations.scoping; this module only says which kinds of organisation the
desk screen is for."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.desk.models import Contact
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import (
    OUTREACH_KINDS,
    Location,
    LocationKind,
    Organisation,
    OrganisationKind,
)

# Front-office staff register; so do specialists and team leaders when they help at the desk.
DESK_ROLES = scoping.DESK_ROLES
# Organisations with a public desk. The KB and the POIs read figures only.
DESK_KINDS = {OrganisationKind.LIBRARY, OrganisationKind.PARTNER}


def registering_organisation_ids(user) -> set:
    return scoping.organisation_ids_with_role(user, *DESK_ROLES, kinds=DESK_KINDS)


def may_use_desk(user) -> bool:
    return bool(registering_organisation_ids(user))


def may_register(user, organisation_id) -> bool:
    return organisation_id in registering_organisation_ids(user)


def registering_locations(user) -> QuerySet[Location]:
    """The locations the user may register contacts for, their own organisations' ones."""
    return (
        Location.objects.filter(organisation_id__in=registering_organisation_ids(user))
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )


# Location and channel are remembered per person and device: a cookie per user in this browser
# ("<location id>|<channel>"), set by the desk screen and read by the new-referral page too.
COOKIE_PREFIX = "op_balie_"


def cookie_name(user) -> str:
    return f"{COOKIE_PREFIX}{user.pk}"


def current_desk_location(user, cookies) -> Location | None:
    """Where the user is at the desk now: this browser's remembered location, else that of the
    user's last registration, else the usual one. None for users without desk locations."""
    locations = list(registering_locations(user))
    by_id = {str(location.pk): location for location in locations}
    remembered = (cookies.get(cookie_name(user)) or "").split("|", 1)[0]
    if remembered in by_id:
        return by_id[remembered]
    last = last_contact(user)
    if last is not None and str(last.location_id) in by_id:
        return by_id[str(last.location_id)]
    return usual_location(user, locations)


# Where a desk usually is, best first: a branch, a service point, an office; outreach places
# (a school, a buurthuis, a care centre) only when there is nothing else.
_USUAL_KINDS = (LocationKind.BRANCH, LocationKind.SERVICE_POINT, LocationKind.OFFICE)


def usual_location(user, locations) -> Location | None:
    """The location the desk screen starts on when neither this browser nor the user's last
    registration says: the location where the user registered most, else the organisation's
    main branch (a library before a partner; a branch, service point or office before an
    outreach place; among those the one where most visitors are registered, then by name).
    Never an outreach place because its name comes first in the alphabet."""
    locations = list(locations)
    if not locations:
        return None
    by_id = {location.pk: location for location in locations}
    own = (
        own_contacts(user)
        .filter(registered_by=user, location_id__in=by_id)
        .values("location_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if own is not None:
        return by_id[own["location_id"]]
    busy = dict(
        Contact.objects.filter(location_id__in=by_id, is_removed=False)
        .values("location_id")
        .annotate(n=Count("id"))
        .values_list("location_id", "n")
    )

    def rank(location: Location):
        kind = location.kind
        return (
            location.organisation.kind != OrganisationKind.LIBRARY,
            _USUAL_KINDS.index(kind) if kind in _USUAL_KINDS else len(_USUAL_KINDS),
            kind in OUTREACH_KINDS,
            -busy.get(location.pk, 0),
            location.name,
        )

    return min(locations, key=rank)


def own_contacts(user) -> QuerySet[Contact]:
    """Registrations of the user's own organisations that are not removed; anything else is
    not found (404) for this user."""
    return Contact.objects.filter(
        organisation_id__in=registering_organisation_ids(user), is_removed=False
    )


def _with_questions(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    return contacts.select_related("location").prefetch_related(
        "questions__agency", "questions__topic"
    )


def todays_contacts(user) -> list[Contact]:
    """The user's own registrations of today, newest first, with to whom or what each question
    was referred and the referrals made from it (the reverse relation `referrals`, declared by
    the referrals app; read through the ORM, not imported)."""
    contacts = own_contacts(user).filter(registered_by=user, date=timezone.localdate())
    contacts = _with_questions(contacts).prefetch_related(
        "questions__referred_organisation",
        "questions__referred_offer",
        "referrals__receiver_organisation",
    )
    return list(contacts.order_by("-registered_at"))


def last_contact(user) -> Contact | None:
    """The user's latest registration that still counts (for "Zelfde als vorige")."""
    contacts = own_contacts(user).filter(registered_by=user).order_by("-created_at")
    return _with_questions(contacts).first()


def recent_single_questions(user, limit: int = 200) -> list:
    """The questions of the user's recent one-question registrations, newest first: the raw
    material for the user's own favourites."""
    contacts = list(
        own_contacts(user)
        .filter(registered_by=user)
        .order_by("-created_at")
        .prefetch_related("questions__agency", "questions__topic")[:limit]
    )
    questions = []
    for contact in contacts:
        items = list(contact.questions.all())
        if len(items) == 1:
            questions.append(items[0])
    return questions


def referral_partners(organisation_ids) -> QuerySet[Organisation]:
    """Partner organisations in the library's network: those working in a municipality where
    the library has a location or that it serves, and partners of its own offers. When that
    finds none, every partner organisation."""
    municipality_ids = set(
        Location.objects.filter(organisation_id__in=organisation_ids).values_list(
            "municipality_id", flat=True
        )
    ) | set(
        Organisation.objects.filter(pk__in=organisation_ids).values_list(
            "municipalities", flat=True
        )
    )
    municipality_ids.discard(None)
    partners = Organisation.objects.filter(kind=OrganisationKind.PARTNER)
    nearby = partners.filter(
        Q(municipalities__in=municipality_ids)
        | Q(locations__municipality__in=municipality_ids)
        | Q(partner_offers__organisation_id__in=organisation_ids)
    ).distinct()
    return nearby if nearby.exists() else partners


def referral_offers(organisation_ids) -> QuerySet[Offer]:
    """Published offers a visitor can be referred to: the library's own and those at a place
    in a municipality where the library has a location."""
    municipality_ids = Location.objects.filter(organisation_id__in=organisation_ids).values(
        "municipality_id"
    )
    return (
        Offer.objects.filter(status=OfferStatus.PUBLISHED)
        .filter(
            Q(organisation_id__in=organisation_ids)
            | Q(offer_locations__location__municipality_id__in=municipality_ids)
        )
        .distinct()
        .select_related("organisation")
        .order_by("title")
    )
