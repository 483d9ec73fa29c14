from django.contrib import admin

from ontwikkelplein.verification.models import (
    ChangeSuggestion,
    VerificationRequest,
    VerificationSettings,
)


@admin.register(VerificationSettings)
class VerificationSettingsAdmin(admin.ModelAdmin):
    list_display = ("organisation", "interval_months")
    search_fields = ("organisation__name",)
    autocomplete_fields = ("organisation",)


@admin.register(VerificationRequest)
class VerificationRequestAdmin(admin.ModelAdmin):
    # The token's hash tells nothing and is not shown.
    list_display = ("offer", "sent_to", "created_at", "expires_at", "answer", "answered_at")
    list_filter = ("answer",)
    search_fields = ("offer__title", "sent_to")
    fields = ("offer", "sent_to", "created_at", "expires_at", "revoked_at", "answer", "answered_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(ChangeSuggestion)
class ChangeSuggestionAdmin(admin.ModelAdmin):
    list_display = ("offer", "field", "status", "created_at", "decided_at")
    list_filter = ("status", "field")
    search_fields = ("offer__title",)
    raw_id_fields = ("offer", "request", "decided_by")
