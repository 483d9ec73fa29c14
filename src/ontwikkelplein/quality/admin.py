from django.contrib import admin

from ontwikkelplein.quality.models import SelfEvaluation


@admin.register(SelfEvaluation)
class SelfEvaluationAdmin(admin.ModelAdmin):
    """Read-only for support: the library writes its self-evaluation in the back office."""

    list_display = ["organisation", "year", "intake_on", "audit_on", "certified_on", "valid_until"]
    search_fields = ["organisation__name"]
    readonly_fields = ["organisation", "updated_by"]

    def has_add_permission(self, request):
        return False
