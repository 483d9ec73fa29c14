"""Reads for "Herkennen en doorverwijzen" (/beheer/herkennen/): the guidance the KB maintains
(signals, check questions, routes, self-tests) in the active language, and per route where it
leads for this user: the colleague, offers near the user's own location, partners in the user's
network, and the referral to start.

Nothing about a visitor is read or stored here: the page is guidance, not a registration.
Access goes through organisations.scoping."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import get_language

from ontwikkelplein.catalogue.models import TaxonomyTerm
from ontwikkelplein.desk.models import (
    CheckQuestion,
    HelpRoute,
    SelfTest,
    SelfTestKind,
    Signal,
    SignalGroup,
)
from ontwikkelplein.desk.screen_selectors import (
    current_desk_location,
    referral_partners,
    usual_location,
)
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import (
    Location,
    Organisation,
    OrganisationKind,
    PartnerSector,
)
from ontwikkelplein.places.models import Municipality

PARTNERS_PER_ROUTE = 4


def may_view(user) -> bool:
    """Everyone with a role in the network: desk staff, specialists, team leaders and partner
    staff use it with visitors; POI advisers train front offices with it; the KB maintains it."""
    return scoping.is_staff_member(user)


def may_edit(user) -> bool:
    """Only the KB maintains the national content."""
    return scoping.is_kb_admin(user)


def may_refer(user) -> bool:
    """The rule of the referrals' staff pages (referrals.selectors.working_organisation_ids),
    so the button never leads to a 403."""
    return bool(scoping.own_organisation_ids(user))


def _localised(obj, name: str) -> str:
    """The English text when the page is in English and the KB filled it in, else the Dutch."""
    if (get_language() or "").startswith("en"):
        english = getattr(obj, f"{name}_en", "")
        if english:
            return english
    return getattr(obj, name)


@dataclass
class SignalGroupView:
    label: str
    signals: list[str]


@dataclass
class QuestionView:
    text: str
    hint: str


@dataclass
class PartnerView:
    name: str
    sector: str
    phone: str
    website: str
    email: str


@dataclass
class RouteView:
    pk: int
    title: str
    listen_for: str
    colleague: str
    themes: list[str]
    search_url: str
    referral_url: str = ""
    partners: list[PartnerView] = field(default_factory=list)
    partner_sectors: list[str] = field(default_factory=list)


@dataclass
class ToolView:
    name: str
    provider: str
    url: str
    description: str


@dataclass
class ToolGroupView:
    label: str
    tools: list[ToolView]


def signal_groups() -> list[SignalGroupView]:
    by_group: dict[str, list[str]] = {}
    for signal in Signal.objects.filter(is_active=True):
        by_group.setdefault(signal.group, []).append(_localised(signal, "text"))
    return [
        SignalGroupView(label=str(group.label), signals=by_group[group.value])
        for group in SignalGroup
        if by_group.get(group.value)
    ]


def check_questions() -> list[QuestionView]:
    return [
        QuestionView(text=_localised(q, "text"), hint=_localised(q, "hint"))
        for q in CheckQuestion.objects.filter(is_active=True)
    ]


def tool_groups() -> list[ToolGroupView]:
    by_kind: dict[str, list[ToolView]] = {}
    for tool in SelfTest.objects.filter(is_active=True):
        by_kind.setdefault(tool.kind, []).append(
            ToolView(
                name=tool.name,
                provider=tool.provider,
                url=tool.url,
                description=_localised(tool, "description"),
            )
        )
    return [
        ToolGroupView(label=str(kind.label), tools=by_kind[kind.value])
        for kind in SelfTestKind
        if by_kind.get(kind.value)
    ]


@dataclass
class Place:
    """Where the offers are measured from: a name to show and the search's `waar` value."""

    name: str
    query: str


def own_place(user, cookies) -> Place | None:
    """Where the user works: their desk location (remembered in this browser, else the last or
    usual one), else the usual location of the organisations they work for (partner staff),
    else the first municipality those organisations serve. None for the POI and the KB."""
    location = current_desk_location(user, cookies)
    if location is None:
        locations = Location.objects.filter(
            organisation_id__in=scoping.own_organisation_ids(user)
        ).select_related("organisation")
        location = usual_location(user, locations)
    if location is not None and location.postcode:
        return Place(name=location.name, query=location.postcode[:4])
    municipality = (
        Municipality.objects.filter(organisations__in=scoping.own_organisation_ids(user))
        .order_by("name")
        .first()
    )
    if municipality is not None:
        return Place(name=municipality.name, query=municipality.name)
    return None


def _search_url(theme_codes, place: Place | None) -> str:
    params = [("thema", code) for code in theme_codes]
    if place is not None:
        params.append(("waar", place.query))
    query = urlencode(params)
    return reverse("catalogue:search") + (f"?{query}" if query else "")


def _network_library(organisation_ids) -> Organisation | None:
    """For partner staff: the one library in their network (serving a municipality where the
    partner works), when there is exactly one."""
    municipality_ids = set(
        Location.objects.filter(organisation_id__in=organisation_ids).values_list(
            "municipality_id", flat=True
        )
    ) | set(
        Organisation.objects.filter(pk__in=organisation_ids)
        .exclude(municipalities=None)
        .values_list("municipalities", flat=True)
    )
    libraries = list(
        Organisation.objects.filter(
            kind=OrganisationKind.LIBRARY, municipalities__in=municipality_ids
        )
        .distinct()
        .order_by("name")[:2]
    )
    return libraries[0] if len(libraries) == 1 else None


def _referral_url(user, route: HelpRoute, own_ids: set) -> str:
    """The new-referral page, with the route's colleague filled in for library staff and the
    network's library for partner staff. Empty when the user cannot send referrals."""
    if not own_ids:
        return ""
    base = reverse("referrals:staff-create")
    works_at_library = Organisation.objects.filter(
        pk__in=own_ids, kind=OrganisationKind.LIBRARY
    ).exists()
    if works_at_library:
        return (
            f"{base}?{urlencode({'role': route.colleague_role})}" if route.colleague_role else base
        )
    library = _network_library(own_ids)
    return f"{base}?{urlencode({'organisation': library.pk})}" if library else base


def routes_for(user, cookies) -> tuple[list[RouteView], Place | None]:
    """The active routes with, for this user, the offers near their location, the partners of
    the route's kinds in their network and the referral to start."""
    place = own_place(user, cookies)
    own_ids = scoping.own_organisation_ids(user)
    partners = list(referral_partners(own_ids).order_by("name")) if own_ids else []
    sector_labels = dict(PartnerSector.choices)
    routes = HelpRoute.objects.filter(is_active=True).prefetch_related(
        Prefetch(
            "themes",
            queryset=TaxonomyTerm.objects.filter(is_active=True).order_by("position", "name"),
        )
    )
    views = []
    for route in routes:
        themes = list(route.themes.all())
        sectors = [s for s in (route.partner_sectors or []) if s in sector_labels]
        views.append(
            RouteView(
                pk=route.pk,
                title=_localised(route, "title"),
                listen_for=_localised(route, "listen_for"),
                colleague=_localised(route, "colleague"),
                themes=[_localised(term, "name") for term in themes],
                search_url=_search_url([term.code for term in themes], place),
                referral_url=_referral_url(user, route, own_ids),
                partners=[
                    PartnerView(
                        name=p.name,
                        sector=str(sector_labels.get(p.sector, "")),
                        phone=p.phone,
                        website=p.website,
                        email=p.email,
                    )
                    for p in partners
                    if p.sector in sectors and p.pk not in own_ids
                ][:PARTNERS_PER_ROUTE],
                partner_sectors=[str(sector_labels[s]) for s in sectors],
            )
        )
    return views, place


def staff_lists() -> dict:
    """Every row of every kind, active or not, for the KB's content pages."""
    return {
        "signals": list(Signal.objects.all()),
        "questions": list(CheckQuestion.objects.all()),
        "routes": list(HelpRoute.objects.prefetch_related("themes")),
        "tools": list(SelfTest.objects.all()),
    }
