"""Non-trivial reads of the catalogue."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import (
    Guidance,
    NeedPhrase,
    Offer,
    OfferLocation,
    OfferStatus,
    OfferTemplate,
    OfferTemplateAdoption,
    OfferTemplateVersion,
    OfferTranslation,
    Programme,
    Requirement,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
)
from ontwikkelplein.catalogue.search import SearchScope
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations import selectors as organisation_selectors
from ontwikkelplein.organisations.calendar import (
    PlannedConflict,
    own_closed_days,
    special_hours_text,
)
from ontwikkelplein.organisations.models import BrandingScope, Location, OrganisationKind, Role
from ontwikkelplein.organisations.selectors import HelpKind, HelpPoint
from ontwikkelplein.places.geo import distance_km


def offer_detail_queryset() -> QuerySet[Offer]:
    """Everything an offer page shows, in a fixed handful of queries."""
    return Offer.objects.select_related("organisation", "offer_type", "programme").prefetch_related(
        "themes",
        "target_groups",
        "levels",
        "partners",
        Prefetch(
            "offer_locations",
            queryset=OfferLocation.objects.select_related("location").prefetch_related(
                Prefetch(
                    "schedules", queryset=Schedule.objects.order_by("date", "weekday", "opens_at")
                ),
                "location__opening_hours",
                "location__closures",
                "location__special_hours",
            ),
        ),
    )


def published_offer(pk) -> Offer | None:
    """A published offer for the public site, or None (drafts and archived offers are hidden)."""
    return offer_detail_queryset().filter(pk=pk, status=OfferStatus.PUBLISHED).first()


def archived_offer(pk) -> Offer | None:
    """An archived offer with its themes and locations, for the "no longer offered" page an old
    link or bookmark lands on; None for anything else (drafts stay unknown to the public)."""
    return (
        Offer.objects.filter(pk=pk, status=OfferStatus.ARCHIVED)
        .prefetch_related("themes", "offer_locations__location")
        .first()
    )


def nearest_first(offers, origin: Location | None) -> list[tuple[Offer, float | None]]:
    """Offers with the distance in km from `origin` (a desk location) to the nearest of their
    locations, nearest first; offers without a located place (online, on appointment) come last,
    by title. Without an origin (or one without coordinates) everything is by title, distance
    None. For pickers of offers on staff pages (the desk screen, a new referral)."""
    offers = list(
        offers.prefetch_related(
            Prefetch(
                "offer_locations__location",
                queryset=Location.objects.only("pk", "latitude", "longitude"),
            )
        )
    )
    lat = getattr(origin, "latitude", None)
    lon = getattr(origin, "longitude", None)

    def distance(offer) -> float | None:
        if lat is None or lon is None:
            return None
        found = [
            distance_km(lat, lon, ol.location.latitude, ol.location.longitude)
            for ol in offer.offer_locations.all()
            if ol.location.latitude is not None and ol.location.longitude is not None
        ]
        return min(found) if found else None

    pairs = [(offer, distance(offer)) for offer in offers]
    pairs.sort(key=lambda p: (p[1] is None, p[1] or 0.0, p[0].title.lower()))
    return pairs


def offer_choices(offers, origin: Location | None, empty_label) -> list[tuple]:
    """Choices for an offer select on a staff page, nearest to `origin` first:
    'Taalcafé (Bibliotheek Eemland, 1,2 km)'. Set as a ModelChoiceField's `choices`; the field's
    queryset still decides what is valid."""
    choices = [("", empty_label)]
    for offer, km in nearest_first(offers.select_related("organisation"), origin):
        where = offer.organisation.name
        if km is not None:
            where = f"{where}, {number_format(km, 1)} km"
        choices.append((offer.pk, f"{offer.title} ({where})"))
    return choices


# --- Staff selectors (back office) below this line ---


# --- Public ---


def active_terms(*taxonomy_slugs: str) -> dict[str, list]:
    """Active terms of the given vocabularies in display order, keyed by taxonomy slug (one query).
    Used for the theme tiles and the filter choices of the public site."""
    grouped: dict[str, list] = {slug: [] for slug in taxonomy_slugs}
    terms = TaxonomyTerm.objects.filter(
        taxonomy__slug__in=taxonomy_slugs, is_active=True
    ).select_related("taxonomy")
    for term in terms.order_by("position", "name"):
        grouped[term.taxonomy.slug].append(term)
    return grouped


def branding_scope(branding) -> SearchScope:
    """The offers an organisation's embed and branded site show (organisations.Branding.scope):
    all offers at a location in its municipalities plus its own (also online ones), or only its
    own."""
    organisation = branding.organisation
    if branding.scope == BrandingScope.OWN:
        return SearchScope(organisation_id=organisation.pk)
    municipalities = tuple(organisation.municipalities.values_list("pk", flat=True))
    return SearchScope(municipality_ids=municipalities, organisation_id=organisation.pk)


def offer_languages() -> list[str]:
    """The languages other than Dutch that published offers give help in, for the search filter
    "Hulp in een andere taal" (a filter without results is no help). One query over the distinct
    lists, which are few."""
    lists = (
        Offer.objects.filter(status=OfferStatus.PUBLISHED)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=timezone.localdate()))
        .values_list("languages", flat=True)
        .distinct()
    )
    found = {str(code).lower() for codes in lists if isinstance(codes, list) for code in codes}
    found.discard(settings.LANGUAGE_CODE)
    return sorted(code for code in found if code.isalpha())


# Programme codes (reference_data.PROGRAMMES) of a help point's own offer, by HelpKind.
HELP_PROGRAMMES = {"ido": "ido", "taalhuis": "taalhuis"}


def help_point_offers(points, today: datetime.date) -> dict[tuple, Offer]:
    """For "Hier kun je altijd terecht": the published, current offer of the IDO or Taalhuis
    programme held at each help point that is one, keyed by (location id, help kind). Its page
    tells more and carries the "Ik wil hulp" form. One query; the first by title when a place
    holds several."""
    wanted = {
        (point.location.pk, HELP_PROGRAMMES[kind])
        for point in points
        for kind in point.kinds
        if kind in HELP_PROGRAMMES
    }
    if not wanted:
        return {}
    rows = (
        OfferLocation.objects.filter(
            location_id__in={pk for pk, _code in wanted},
            offer__programme__code__in={code for _pk, code in wanted},
            offer__status=OfferStatus.PUBLISHED,
        )
        .filter(Q(offer__valid_from__isnull=True) | Q(offer__valid_from__lte=today))
        .filter(Q(offer__valid_to__isnull=True) | Q(offer__valid_to__gte=today))
        .select_related("offer__programme", "offer__organisation")
        .order_by("offer__title", "offer__pk")
    )
    kinds = {code: kind for kind, code in HELP_PROGRAMMES.items()}
    found: dict[tuple, Offer] = {}
    for row in rows:
        key = (row.location_id, kinds[row.offer.programme.code])
        if (row.location_id, row.offer.programme.code) in wanted:
            found.setdefault(key, row.offer)
    return found


@dataclass
class HelpPlace:
    point: HelpPoint
    kinds: list[str]  # the names of what it is, in the page's language
    phone: str
    phone_href: str
    website: str
    offers: list[tuple[str, Offer]]  # (link text, the IDO's or Taalhuis's offer there)


@dataclass
class HelpPanel:
    places: list[HelpPlace]
    help_offer: Offer | None  # whose "Ik wil hulp" form the panel links to
    ask_place_items: list[tuple[str, str]]  # the search without a place, for the postcode form


def help_kind_names() -> dict[str, str]:
    return {
        HelpKind.IDO: _("Informatiepunt Digitale Overheid (IDO)"),
        HelpKind.TAALHUIS: _("Taalhuis"),
        HelpKind.LIBRARY: _("Bibliotheek"),
    }


def help_panel(origin, today: datetime.date, *, ask_place_items=()) -> HelpPanel:
    """ "Hier kun je altijd terecht" (the search page and the wegwijzer): the nearest IDO,
    Taalhuis and library (nearest_help_points of organisations) with today's hours, the
    phone number, the website and their own IDO or Taalhuis offer; `help_offer` is the offer
    whose "Ik wil hulp" form the panel links to (the nearest IDO's, else the nearest
    Taalhuis's). Without an origin no places: the page asks for one (`ask_place_items`, the
    search again without a place)."""
    ask_place_items = list(ask_place_items)
    if origin is None:
        return HelpPanel(places=[], help_offer=None, ask_place_items=ask_place_items)
    points = organisation_selectors.nearest_help_points(origin, today)
    offers = help_point_offers(points, today)
    names = help_kind_names()
    link_texts = {
        HelpKind.IDO: _("Meer over het Informatiepunt Digitale Overheid hier"),
        HelpKind.TAALHUIS: _("Meer over het Taalhuis hier"),
    }
    places = []
    for point in points:
        organisation = point.location.organisation
        own = [
            (link_texts[kind], offers[(point.location.pk, kind)])
            for kind in point.kinds
            if (point.location.pk, kind) in offers
        ]
        phone = organisation.phone or next(
            (o.contact_phone for _t, o in own if o.contact_phone), ""
        )
        website = organisation.website
        places.append(
            HelpPlace(
                point=point,
                kinds=[names[kind] for kind in point.kinds],
                phone=phone,
                phone_href=phone_href(phone),
                website=website if website.startswith(("https://", "http://")) else "",
                offers=own,
            )
        )
    help_offer = next(
        (
            offers[(point.location.pk, kind)]
            for kind in (HelpKind.IDO, HelpKind.TAALHUIS)
            for point in points
            if (point.location.pk, kind) in offers
        ),
        None,
    )
    return HelpPanel(places=places, help_offer=help_offer, ask_place_items=ask_place_items)


def phone_href(phone: str) -> str:
    """'033 - 123 45 67' -> 'tel:0331234567'; empty when there are no digits."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    return f"tel:{digits}" if re.search(r"\d", digits) else ""


def offers_for_cards(offer_ids) -> dict:
    """Offers by id with what a result card shows, in a fixed number of queries whatever the
    number of hits. The ids come from the search engine, which returns published offers only; a
    second status filter here made SQLite scan every published offer (see docs/performance.md)."""
    queryset = (
        Offer.objects.filter(pk__in=list(offer_ids))
        .select_related("organisation", "offer_type")
        .prefetch_related(
            "themes",
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location").prefetch_related(
                    Prefetch(
                        "schedules",
                        queryset=Schedule.objects.order_by("date", "weekday", "opens_at"),
                    )
                ),
            ),
        )
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE:
        # The library's translation of title and summary into the page's language, if any.
        queryset = queryset.prefetch_related(
            Prefetch(
                "translations",
                queryset=OfferTranslation.objects.filter(language=language),
                to_attr="page_translations",
            )
        )
    offers = {offer.pk: offer for offer in queryset}
    for offer in offers.values():
        if not hasattr(offer, "page_translations"):
            offer.page_translations = []
    return offers


def offers_for_staff(user, status=None, organisation=None, text: str = "") -> QuerySet[Offer]:
    """Offers of every status in the organisations the user may read (scoping), newest change
    first. `organisation` narrows to one of those; another organisation gives nothing."""
    offers = scoping.visible_for(user, Offer.objects.all()).select_related(
        "organisation", "offer_type"
    )
    if status:
        offers = offers.filter(status=status)
    if organisation is not None:
        offers = offers.filter(organisation=organisation)
    text = " ".join((text or "").split())
    if text:
        offers = offers.filter(title__icontains=text)
    return offers.order_by("-updated_at", "title")


def staff_offer(user, pk) -> Offer | None:
    """One offer with everything the preview shows, or None when the user may not read it."""
    offers = offer_detail_queryset().select_related("last_verified_by").filter(pk=pk)
    return scoping.visible_for(user, offers).first()


def verify_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Offers last verified before this date are due for a check."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.ONTWIKKELPLEIN_VERIFY_AFTER_DAYS)


def offers_to_verify(user) -> QuerySet[Offer]:
    """ "Te controleren": published offers of the user's own (editable) organisations not
    verified for ONTWIKKELPLEIN_VERIFY_AFTER_DAYS days, and those hidden because nobody
    confirmed them (docs/offer-verification.md); never verified first, then oldest."""
    return (
        Offer.objects.filter(organisation__in=scoping.editable_organisations(user))
        .filter(
            Q(status=OfferStatus.UNCONFIRMED)
            | Q(status=OfferStatus.PUBLISHED)
            & (Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=verify_cutoff()))
        )
        .select_related("organisation", "last_verified_by")
        .order_by(F("last_verified_on").asc(nulls_first=True), "title")
    )


def staff_offer_counts(user) -> dict[str, int]:
    """Numbers for the dashboard: offers per status in the readable organisations, and the
    number to verify."""
    rows = scoping.visible_for(user, Offer.objects.all()).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(OfferStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    counts["to_verify"] = offers_to_verify(user).count()
    return counts


def unmatched_searches() -> QuerySet[UnmatchedSearch]:
    """Search phrases that found nothing, most frequent first (anonymous and national)."""
    return UnmatchedSearch.objects.order_by("-count", "-last_seen", "phrase")


# --- Offer templates (sjablonen) ---

# The content of an offer that a template holds, in display order. Place (locations,
# facilities, capacity), time (schedules, validity) and contact stay with the library.
TEMPLATE_M2M_FIELDS = ("themes", "target_groups", "levels")
TEMPLATE_CONTENT_FIELDS = (
    "title",
    "summary",
    "description",
    "offer_type",
    "themes",
    "target_groups",
    "levels",
    "programme",
    "guidance",
    "sign_up",
    "sign_up_instructions",
    "is_free",
    "cost_amount",
    "cost_description",
    "membership_required",
    "requirements",
    "requirements_other",
    "languages",
)
_FK_FIELDS = ("offer_type", "programme")
_LIST_FIELDS = ("guidance", "requirements", "languages")


def template_content(obj) -> dict:
    """The template content of a saved OfferTemplate or Offer as plain JSON values (ids as
    strings, lists sorted), so two contents compare with == and a version can be stored."""
    content = {}
    for name in TEMPLATE_CONTENT_FIELDS:
        if name in TEMPLATE_M2M_FIELDS:
            content[name] = sorted(
                str(pk) for pk in getattr(obj, name).values_list("pk", flat=True)
            )
        elif name in _FK_FIELDS:
            pk = getattr(obj, f"{name}_id")
            content[name] = str(pk) if pk else None
        elif name in _LIST_FIELDS:
            content[name] = sorted(getattr(obj, name) or [])
        elif name == "cost_amount":
            value = getattr(obj, name)
            content[name] = f"{value:.2f}" if value is not None else None
        else:
            content[name] = getattr(obj, name)
    return content


def template_owner_ids(user) -> set:
    """Organisations for which the user may write templates: the KB for a KB-beheerder, the
    POI for a POI adviser (for its own region only). POI advisers are read-only everywhere
    else; templates are the one exception."""
    return scoping.organisation_ids_with_role(user, Role.KB_ADMIN, Role.POI_ADVISER)


def covering_poi_ids(organisation_ids) -> set:
    """POIs whose regional templates these organisations may adopt (scoping's definition)."""
    return scoping.covering_poi_ids(organisation_ids)


def _templates_for(organisation_ids, extra_owner_ids=()) -> QuerySet[OfferTemplate]:
    owners = covering_poi_ids(organisation_ids) | set(extra_owner_ids)
    return OfferTemplate.objects.filter(
        Q(owner__kind=OrganisationKind.KB) | Q(owner__in=owners)
    ).select_related("owner", "offer_type")


def templates_for_staff(user) -> QuerySet[OfferTemplate]:
    """Templates the user sees: national ones, those of the POIs covering the user's own
    organisations, and the user's own (a POI adviser's). A KB-beheerder sees all."""
    if scoping.is_kb_admin(user):
        templates = OfferTemplate.objects.select_related("owner", "offer_type")
    else:
        own = scoping.own_organisations(user).values_list("pk", flat=True)
        templates = _templates_for(own, template_owner_ids(user))
    return templates.order_by("title", "pk")


def staff_template(user, pk) -> OfferTemplate | None:
    return (
        templates_for_staff(user)
        .select_related("programme")
        .prefetch_related("themes", "target_groups", "levels")
        .filter(pk=pk)
        .first()
    )


def template_available_to(template: OfferTemplate, organisation) -> bool:
    """May `organisation` adopt `template`? National ones everyone; a POI's its region."""
    if template.owner.kind == OrganisationKind.KB:
        return True
    return template.owner_id in covering_poi_ids([organisation.pk])


def adopting_organisations(user, template: OfferTemplate) -> list:
    """The organisations the user may create an offer for from this template."""
    return [
        organisation
        for organisation in scoping.editable_organisations(user).order_by("name")
        if template_available_to(template, organisation)
    ]


def template_version_content(template: OfferTemplate, number: int) -> dict | None:
    version = OfferTemplateVersion.objects.filter(template=template, number=number).first()
    return version.content if version else None


# Labels of the content fields, for the comparison.
def _field_labels() -> dict:
    return {
        name: str(OfferTemplate._meta.get_field(name).verbose_name)
        for name in TEMPLATE_CONTENT_FIELDS
    }


class ContentDisplay:
    """Turns template content (template_content) into readable Dutch, looking up every term
    and programme once."""

    def __init__(self, contents):
        term_ids, programme_ids = set(), set()
        for content in contents:
            if not content:
                continue
            for name in TEMPLATE_M2M_FIELDS:
                term_ids.update(content.get(name) or [])
            if content.get("offer_type"):
                term_ids.add(content["offer_type"])
            if content.get("programme"):
                programme_ids.add(content["programme"])
        self.terms = {
            str(t.pk): t.display_name for t in TaxonomyTerm.objects.filter(pk__in=term_ids)
        }
        self.programmes = {
            str(p.pk): p.name for p in Programme.objects.filter(pk__in=programme_ids)
        }
        self.choices = {
            "guidance": dict(Guidance.choices),
            "requirements": dict(Requirement.choices),
            "sign_up": dict(SignUp.choices),
        }

    def value(self, name: str, value) -> str:
        if value in (None, "", []):
            return "–"
        if name in TEMPLATE_M2M_FIELDS:
            return ", ".join(sorted(self.terms.get(pk, "?") for pk in value))
        if name == "offer_type":
            return self.terms.get(value, "?")
        if name == "programme":
            return self.programmes.get(value, "?")
        if isinstance(value, bool):
            return _("ja") if value else _("nee")
        if name in self.choices:
            labels = self.choices[name]
            items = value if isinstance(value, list) else [value]
            return ", ".join(str(labels.get(item, item)) for item in items)
        if isinstance(value, list):
            return ", ".join(value)
        if name == "cost_amount":
            return f"€ {value}".replace(".", ",")
        return str(value)


@dataclass
class FieldChange:
    name: str
    label: str
    offer_value: str
    adopted_value: str
    new_value: str
    changed_in_template: bool  # the new version differs from the version the offer took over
    edited_by_library: bool  # the offer differs from the version it took over

    @property
    def suggested(self) -> bool:
        """Taken over by default: what the template changed. The library's own edits of
        fields the template left alone are kept unless the library ticks them."""
        return self.changed_in_template


@dataclass
class TemplateSuggestion:
    offer: Offer
    adoption: OfferTemplateAdoption
    new_version: int
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def template(self) -> OfferTemplate:
        return self.adoption.template

    @property
    def edited_fields(self) -> list[FieldChange]:
        return [c for c in self.changes if c.edited_by_library]


def _pending(adoptions) -> QuerySet[OfferTemplateAdoption]:
    """Adoptions whose template has a version newer than the one taken over and not dismissed."""
    return adoptions.filter(version__lt=F("template__version")).filter(
        Q(dismissed_version__isnull=True) | Q(dismissed_version__lt=F("template__version"))
    )


def _suggestion(adoption: OfferTemplateAdoption) -> TemplateSuggestion | None:
    template = adoption.template
    offer = adoption.offer
    new = template_content(template)
    adopted = template_version_content(template, adoption.version) or new
    current = template_content(offer)
    # Only a change in the template that the offer does not have yet is a suggestion.
    if not any(new[n] != adopted[n] and new[n] != current[n] for n in TEMPLATE_CONTENT_FIELDS):
        return None
    display = ContentDisplay([new, adopted, current])
    labels = _field_labels()
    changes = [
        FieldChange(
            name=name,
            label=labels[name],
            offer_value=display.value(name, current[name]),
            adopted_value=display.value(name, adopted[name]),
            new_value=display.value(name, new[name]),
            changed_in_template=new[name] != adopted[name],
            edited_by_library=current[name] != adopted[name],
        )
        for name in TEMPLATE_CONTENT_FIELDS
        if current[name] != new[name]
    ]
    return TemplateSuggestion(
        offer=offer, adoption=adoption, new_version=template.version, changes=changes
    )


def template_suggestion(offer: Offer) -> TemplateSuggestion | None:
    """The pending suggestion of an adopted offer ("Er is een nieuwe versie van het
    sjabloon"), with a field-by-field comparison; None when there is nothing to take over."""
    adoption = (
        _pending(OfferTemplateAdoption.objects.filter(offer=offer))
        .select_related("template", "offer")
        .first()
    )
    return _suggestion(adoption) if adoption else None


def template_suggestions(user) -> list[TemplateSuggestion]:
    """Pending suggestions for the offers the user may change, by offer title."""
    adoptions = _pending(
        OfferTemplateAdoption.objects.filter(
            offer__organisation__in=scoping.editable_organisations(user)
        ).exclude(offer__status=OfferStatus.ARCHIVED)
    ).select_related("template", "offer", "offer__organisation")
    suggestions = [_suggestion(a) for a in adoptions.order_by("offer__title", "offer__pk")]
    return [s for s in suggestions if s is not None]


def adoptions_of(template: OfferTemplate, user) -> QuerySet[OfferTemplateAdoption]:
    """The offers made from this template that the user may read."""
    return (
        template.adoptions.filter(offer__organisation__in=scoping.readable_organisations(user))
        .select_related("offer", "offer__organisation")
        .order_by("offer__organisation__name", "offer__title")
    )


def need_phrases(text: str = "", language: str | None = None) -> QuerySet[NeedPhrase]:
    """The needs vocabulary for the back office, active and inactive, by language and phrase;
    `text` looks in the phrase and in its catalogue words."""
    qs = NeedPhrase.objects.prefetch_related("themes", "offer_types").order_by(
        "language", "key", "pk"
    )
    if language:
        qs = qs.filter(language=language)
    text = " ".join((text or "").split())
    if text:
        qs = qs.filter(
            Q(phrase__icontains=text) | Q(key__icontains=text) | Q(words__icontains=text)
        )
    return qs


def offers_auto_classified(user) -> QuerySet[Offer]:
    """ "Automatisch ingedeeld — controleren": offers of the user's own editable organisations
    whose terms classification chose (services.classify_offer), newest first. Staff of the
    organisation only: POIs and the KB do not review another organisation's offers."""
    return (
        scoping.editable_for(user, Offer.objects.filter(auto_classified=True))
        .exclude(status=OfferStatus.ARCHIVED)
        .select_related("organisation", "offer_type")
        .prefetch_related("themes", "target_groups")
        .order_by("-updated_at", "title")
    )


def classification_terms() -> dict[str, list[TaxonomyTerm]]:
    """The terms whose word lists the KB keeps, per taxonomy slug (themes, target groups,
    offer types), in their order."""
    terms = TaxonomyTerm.objects.filter(
        taxonomy__slug__in=[Taxonomy.THEME, Taxonomy.TARGET_GROUP, Taxonomy.OFFER_TYPE]
    ).select_related("taxonomy")
    grouped: dict[str, list[TaxonomyTerm]] = {
        Taxonomy.THEME: [],
        Taxonomy.TARGET_GROUP: [],
        Taxonomy.OFFER_TYPE: [],
    }
    for term in terms.order_by("position", "name"):
        grouped[term.taxonomy.slug].append(term)
    return grouped


# ---------------------------------------------------------------------------------------------
# Closed days added after times were planned (organisations/calendar.py, CONFLICT_SOURCES)


def location_conflicts(location, calendar, today: datetime.date) -> list:
    """Offer times at `location` (offers not archived) that fall on a day it is closed: a dated
    time on any closed day, a weekly time on the location's own closed days (the holidays were
    always skipped), and either outside a day's exceptional hours unless staff marked it "ook
    buiten openingstijden"."""
    schedules = (
        Schedule.objects.filter(offer_location__location=location)
        .exclude(offer_location__offer__status=OfferStatus.ARCHIVED)
        .select_related("offer_location__offer")
    )
    closed = list(own_closed_days(calendar, today))
    found = []

    def add(schedule, day, reason):
        offer = schedule.offer_location.offer
        found.append(
            PlannedConflict(
                date=day,
                what=_("Aanbod %(title)s, %(start)s–%(end)s")
                % {
                    "title": offer.title,
                    "start": f"{schedule.opens_at:%H:%M}",
                    "end": f"{schedule.closes_at:%H:%M}",
                },
                reason=reason,
                url=reverse("catalogue:staff-offer-schedules", args=[offer.pk]),
            )
        )

    def outside_special(schedule, day) -> str | None:
        if day not in calendar.special or schedule.outside_opening_hours:
            return None
        hours = calendar.day(day)
        if hours.covers(schedule.opens_at, schedule.closes_at):
            return None
        return special_hours_text(hours)

    for schedule in schedules:
        offer = schedule.offer_location.offer
        if schedule.kind == ScheduleKind.DATED:
            if schedule.date is None or schedule.date < today:
                continue
            reason = calendar.closed_reason(schedule.date) or outside_special(
                schedule, schedule.date
            )
            if reason:
                add(schedule, schedule.date, reason)
            continue
        if schedule.valid_to and schedule.valid_to < today:
            continue

        def applies(day, schedule=schedule, offer=offer) -> bool:
            return (
                day.weekday() == schedule.weekday
                and offer.in_season(day)
                and not (schedule.valid_from and day < schedule.valid_from)
                and not (schedule.valid_to and day > schedule.valid_to)
            )

        for day, reason in closed:
            if applies(day):
                add(schedule, day, reason)
        for day in sorted(calendar.special):
            if day >= today and applies(day):
                reason = outside_special(schedule, day)
                if reason:
                    add(schedule, day, reason)
    return found
