"""Django admin for referrals: the anonymous record and the settings only. The person's details,
the question and the notes are not shown here: they are read on the staff pages, where every
view is logged."""

from django.contrib import admin

from ontwikkelplein.referrals.models import Referral, ReferralEvent, ReferralSettings


class ReferralEventInline(admin.TabularInline):
    model = ReferralEvent
    fields = ["at", "kind", "from_status", "to_status", "actor", "actor_label"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "source",
        "sender_organisation",
        "receiver_organisation",
        "receiver_kind",
        "status",
        "outcome",
        "created_at",
        "closed_at",
    ]
    list_filter = ["status", "outcome", "source", "receiver_kind"]
    search_fields = ["reference"]
    fields = [
        "reference",
        "source",
        "sender_organisation",
        "receiver_organisation",
        "receiver_kind",
        "receiver_role",
        "programme",
        "offer",
        "urgency",
        "status",
        "outcome",
        "created_at",
        "received_at",
        "first_contact_at",
        "first_contact_due",
        "closed_at",
        "personal_data_erased_at",
    ]
    readonly_fields = fields
    inlines = [ReferralEventInline]

    # Changes go through the services (history, notifications); the admin only reads.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReferralSettings)
class ReferralSettingsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "first_contact_working_days", "inbox_email"]
    autocomplete_fields = ["organisation"]
