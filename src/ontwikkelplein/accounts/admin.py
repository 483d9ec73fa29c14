from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from ontwikkelplein.accounts.models import SecurityEvent, User
from ontwikkelplein.organisations.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class OntwikkelpleinUserAdmin(UserAdmin):
    inlines = [MembershipInline]


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only (the staff page /beheer/beveiliging/logboek/ is the
    KB-beheerder's way to read it)."""

    list_display = ["created_at", "kind", "actor_id", "subject_id", "organisation_id", "ip_network"]
    list_filter = ["kind"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
