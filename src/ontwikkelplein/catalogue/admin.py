"""Django admin for KB-beheerders: the reference data (taxonomies, programmes, synonyms)."""

from django.contrib import admin

from ontwikkelplein.catalogue.models import (
    Offer,
    Programme,
    SynonymGroup,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
)


class TaxonomyTermInline(admin.TabularInline):
    model = TaxonomyTerm
    extra = 0
    fields = ["code", "name", "name_en", "icon", "position", "is_active"]


@admin.register(Taxonomy)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    inlines = [TaxonomyTermInline]


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ["name", "taxonomy", "code", "position", "is_active"]
    list_filter = ["taxonomy", "is_active"]
    search_fields = ["name", "code"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name"]


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["terms", "updated_at"]
    search_fields = ["terms"]


@admin.register(UnmatchedSearch)
class UnmatchedSearchAdmin(admin.ModelAdmin):
    list_display = ["phrase", "count", "first_seen", "last_seen"]
    search_fields = ["phrase"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "status", "last_verified_on"]
    list_filter = ["status", "offer_type"]
    search_fields = ["title"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["themes", "target_groups", "levels", "partners"]
