"""Django admin for KB-beheerders: the reference data (taxonomies, programmes, synonyms).

A KB-beheerder is a user with is_staff and a KB-beheerder membership of the KB (see
organisations.scoping.is_kb_admin). They manage the reference data without needing per-model
Django permissions; other staff users keep Django's normal permission checks."""

from django import forms
from django.contrib import admin

from ontwikkelplein.catalogue.models import (
    NeedPhrase,
    Offer,
    Programme,
    SynonymGroup,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
)
from ontwikkelplein.core.translations import TRANSLATED_LANGUAGES, column
from ontwikkelplein.organisations.scoping import is_kb_admin

# The term's name in every other resident language (core/translations.py): the KB types it here;
# an empty one shows the Dutch name.
NAME_COLUMNS = [column("name", code) for code in TRANSLATED_LANGUAGES]


def _kb_admin(request) -> bool:
    user = request.user
    return user.is_active and user.is_staff and is_kb_admin(user)


class KbAdminAccess:
    """Grants a KB-beheerder the actions listed in `kb_actions` on this model."""

    kb_actions = frozenset({"view", "add", "change", "delete"})

    def _kb_may(self, request, action) -> bool:
        return action in self.kb_actions and _kb_admin(request)

    def has_module_permission(self, request):
        return _kb_admin(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._kb_may(request, "view") or super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._kb_may(request, "add") or super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._kb_may(request, "change") or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._kb_may(request, "delete") or super().has_delete_permission(request, obj)


class TermForm(forms.ModelForm):
    class Meta:
        model = TaxonomyTerm
        fields = [
            "taxonomy",
            "code",
            "name",
            *NAME_COLUMNS,
            "description",
            "parent",
            "icon",
            "position",
            "is_active",
            "keywords",
        ]
        # Typed in the language itself; dir="auto" runs Arabic right to left.
        widgets = {
            name: forms.TextInput(attrs={"lang": name.rsplit("_", 1)[1], "dir": "auto"})
            for name in NAME_COLUMNS
        }


class TaxonomyTermInline(KbAdminAccess, admin.TabularInline):
    model = TaxonomyTerm
    form = TermForm
    extra = 0
    fields = ["code", "name", *NAME_COLUMNS, "icon", "position", "is_active"]


@admin.register(Taxonomy)
class TaxonomyAdmin(KbAdminAccess, admin.ModelAdmin):
    # The four taxonomies are fixed (the code refers to their slugs); their terms are not.
    kb_actions = frozenset({"view", "change"})
    list_display = ["name", "slug"]
    readonly_fields = ["slug"]
    inlines = [TaxonomyTermInline]


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(KbAdminAccess, admin.ModelAdmin):
    form = TermForm
    list_display = ["name", "taxonomy", "code", "position", "is_active"]
    list_filter = ["taxonomy", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["name", "code"]


@admin.register(Programme)
class ProgrammeAdmin(KbAdminAccess, admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name"]


@admin.register(SynonymGroup)
class SynonymGroupAdmin(KbAdminAccess, admin.ModelAdmin):
    list_display = ["terms", "updated_at"]
    search_fields = ["terms"]


@admin.register(UnmatchedSearch)
class UnmatchedSearchAdmin(KbAdminAccess, admin.ModelAdmin):
    # Counted by the site itself: readable and removable, never typed in.
    kb_actions = frozenset({"view", "delete"})
    list_display = ["phrase", "count", "first_seen", "last_seen"]
    search_fields = ["phrase"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Offer)
class OfferAdmin(KbAdminAccess, admin.ModelAdmin):
    # Offers are edited by their own organisation in the back office; the KB only reads.
    kb_actions = frozenset({"view"})
    list_display = ["title", "organisation", "status", "last_verified_on"]
    list_filter = ["status", "offer_type"]
    search_fields = ["title"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["themes", "target_groups", "levels", "partners"]


@admin.register(NeedPhrase)
class NeedPhraseAdmin(KbAdminAccess, admin.ModelAdmin):
    """The needs vocabulary; KB-beheerders keep it in the back office
    (catalogue:staff-need-phrase-list), this is the fallback."""

    list_display = ["phrase", "language", "words", "is_active", "updated_at"]
    list_filter = ["language", "is_active"]
    search_fields = ["phrase", "words"]
    filter_horizontal = ["themes", "offer_types"]
