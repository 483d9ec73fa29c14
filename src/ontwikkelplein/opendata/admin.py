from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.opendata import services
from ontwikkelplein.opendata.models import ExportRun, ExternalTerm, ImportRun, LikelyDuplicate


@admin.register(ExternalTerm)
class ExternalTermAdmin(admin.ModelAdmin):
    """Other publishers' terms; choosing "hoort bij onze term" gives their offers our term."""

    list_display = ["name", "code", "taxonomy", "mapped_to"]
    list_filter = ["taxonomy", ("mapped_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "code", "taxonomy"]
    autocomplete_fields = []
    readonly_fields = [
        "id",
        "taxonomy",
        "taxonomy_id",
        "code",
        "name",
        "description",
        "parent_id",
        "language",
        "term_uri",
    ]
    fields = readonly_fields + ["mapped_to"]
    exclude = ["offers"]

    def has_add_permission(self, request):
        return False  # they come from imports

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "mapped_to" in form.changed_data and obj.mapped_to_id:
            changed = services.apply_mapping(obj)
            self.message_user(request, _("%(count)s aanbod kreeg deze term.") % {"count": changed})


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "file_name",
        "status",
        "organisation",
        "created_by",
        "created",
        "changed",
        "unchanged",
        "created_at",
    ]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ExportRun)
class ExportRunAdmin(admin.ModelAdmin):
    """Exports made by the worker: operators see what failed and why."""

    list_display = ["file_format", "scope", "status", "created_by", "size", "created_at"]
    list_filter = ["status", "file_format"]
    readonly_fields = [f.name for f in ExportRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LikelyDuplicate)
class LikelyDuplicateAdmin(admin.ModelAdmin):
    """Likely duplicates found by imports; staff decide on the import's report page."""

    list_display = ["imported_title", "ours", "organisation", "score", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["imported_title", "ours__title"]
    readonly_fields = [
        "run",
        "organisation",
        "ours",
        "imported_id",
        "imported_title",
        "score",
        "decided_by",
        "decided_at",
        "created_at",
    ]
