"""Reads of the learning materials, and who may do what with them (through scoping).

- Reading: every staff member (front desk, specialists, team leaders, partner staff, POI and KB)
  reads the national list. A library's own material is read by those who may read that
  library's data (scoping.readable_organisations: its own staff; the POI of its region and the
  KB, as for all its data); to everyone else it answers 404.
- Keeping the national list: the KB and the POI advisers (national_keeper).
- A library's own: its editors (scoping.can_edit: specialists, team leaders, partner staff)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.catalogue.search import Corpus, corpus
from ontwikkelplein.materials.models import FREE_COSTS, Cost, Form, Kind, Material
from ontwikkelplein.organisations import scoping

MAX_QUERY_CHARS = 200


def may_search(user) -> bool:
    return scoping.is_staff_member(user)


def national_keeper(user) -> bool:
    """The KB and the POIs keep the national list."""
    return scoping.is_kb_admin(user) or scoping.is_poi_adviser(user)


def own_organisations_to_add(user):
    """Where the user may add a library's own material."""
    return scoping.editable_organisations(user)


def may_add(user) -> bool:
    return national_keeper(user) or own_organisations_to_add(user).exists()


def may_edit(user, material: Material) -> bool:
    if material.is_national:
        return national_keeper(user)
    return scoping.can_edit(user, material.organisation_id)


def visible(user, *, include_inactive: bool = False) -> QuerySet[Material]:
    """The national list and the user's readable organisations' own materials."""
    materials = Material.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__in=scoping.readable_organisations(user))
    )
    if not include_inactive:
        materials = materials.filter(is_active=True)
    return materials


def material_for(user, pk) -> Material:
    """One material the user may read (inactive ones too), or 404."""
    try:
        return (
            visible(user, include_inactive=True)
            .select_related("organisation")
            .prefetch_related("themes", "target_groups", "levels")
            .get(pk=pk)
        )
    except (Material.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def terms(slug: str) -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(taxonomy__slug=slug, is_active=True).order_by(
        "position", "name"
    )


@dataclass
class Filters:
    """What the search page filters on; every value already checked against its choices."""

    text: str = ""
    theme: str = ""
    target_group: str = ""
    level: str = ""
    form: str = ""
    kind: str = ""
    cost: str = ""  # "" | "free" (free or national licence) | a Cost value
    notes: list[str] = field(default_factory=list)


COST_FILTERS = {"gratis": FREE_COSTS, "landelijk": (Cost.NATIONAL,)}


def read_filters(params) -> Filters:
    """The filters from the address (?q=…&thema=…); an unknown value is ignored, never an error."""

    def one(name):
        value = params.get(name, "")
        return value if isinstance(value, str) else ""

    def term(name, slug):
        code = one(name)
        # A code is a short slug: anything else (NUL, which PostgreSQL refuses) is unknown.
        if not code or len(code) > 60 or not code.replace("-", "").isalnum():
            return ""
        return code if terms(slug).filter(code=code).exists() else ""

    text = one("q").replace("\x00", " ")[:MAX_QUERY_CHARS].strip()
    return Filters(
        text=text,
        theme=term("thema", Taxonomy.THEME),
        target_group=term("doelgroep", Taxonomy.TARGET_GROUP),
        level=term("niveau", Taxonomy.LEVEL),
        form=one("vorm") if one("vorm") in Form.values else "",
        kind=one("soort") if one("soort") in Kind.values else "",
        cost=one("kosten") if one("kosten") in COST_FILTERS else "",
    )


def _filtered(queryset: QuerySet[Material], filters: Filters) -> QuerySet[Material]:
    if filters.theme:
        queryset = queryset.filter(themes__code=filters.theme)
    if filters.target_group:
        queryset = queryset.filter(target_groups__code=filters.target_group)
    if filters.level:
        # A level also finds materials of its sub-levels ("NT2" finds A1 and A2).
        queryset = queryset.filter(
            Q(levels__code=filters.level) | Q(levels__parent__code=filters.level)
        )
    if filters.form:
        queryset = queryset.filter(form=filters.form)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.cost:
        queryset = queryset.filter(cost__in=COST_FILTERS[filters.cost])
    return queryset.distinct()


def document_of(material: Material):
    """A material as the search sees it: name (title), summary, and the rest in the body."""
    body = [material.description, material.provider, material.get_kind_display()]
    body += [material.get_form_display(), material.get_cost_display(), material.cost_note]
    for relation in (material.themes, material.target_groups, material.levels):
        body += [t.name for t in relation.all()]
    return corpus.document(material.name, material.summary, body)


@dataclass
class Result:
    materials: list[Material]
    corrections: dict[str, str]
    total: int


def search(user, filters: Filters) -> Result:
    """The materials the user may read that pass the filters, best match first; with the
    catalogue's analysis and planning (catalogue.search.Corpus: synonyms, typing errors,
    compounds, the needs vocabulary), over the materials that pass the filters."""
    materials = list(
        _filtered(visible(user), filters)
        .select_related("organisation")
        .prefetch_related("themes", "target_groups", "levels")
        .order_by("name", "pk")
    )
    if not filters.text:
        return Result(materials, {}, len(materials))
    by_key = {m.pk: m for m in materials}
    found = Corpus(
        {m.pk: document_of(m) for m in materials},
        labels={m.pk: {t.code for t in m.themes.all()} for m in materials},
    ).search(filters.text)
    ordered = [by_key[hit.key] for hit in found.hits]
    return Result(ordered, found.plan.corrections, len(ordered))


def for_offer(user, offer) -> list[Material]:
    return list(visible(user).filter(offers=offer).order_by("name"))


def for_run(user, run) -> list[Material]:
    return list(visible(user).filter(runs=run).order_by("name"))


def public_for_offer(offer) -> list[Material]:
    """What a resident may read on the offer's page: the national materials and the offer's own
    library's, in use."""
    return list(
        Material.objects.filter(offers=offer, is_active=True)
        .filter(Q(organisation__isnull=True) | Q(organisation_id=offer.organisation_id))
        .order_by("name")
    )


def choices_for(user) -> QuerySet[Material]:
    """What the user may link to an offer or a run: the materials they read, in use."""
    return visible(user).order_by("name")
