"""Django admin for API keys: list, rename and revoke. The hash is never shown, and keys are
made with `manage.py create_api_key` (which shows the plain key once), not here."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ontwikkelplein.apikeys.models import ApiKey
from ontwikkelplein.apikeys.services import revoke_api_key
from ontwikkelplein.organisations.scoping import is_kb_admin


def _kb_admin(request) -> bool:
    user = request.user
    return user.is_active and user.is_staff and is_kb_admin(user)


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "prefix",
        "organisation",
        "location",
        "scope_list",
        "created_at",
        "last_used_at",
        "is_active",
    ]
    list_filter = ["revoked_at", "organisation"]
    search_fields = ["name", "prefix", "organisation__name"]
    list_select_related = ["organisation", "location"]
    # key_hash is left out on purpose: not listed, not in the form.
    fields = [
        "name",
        "prefix",
        "organisation",
        "location",
        "scopes",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    readonly_fields = [f for f in fields if f != "name"]
    actions = ["revoke"]

    @admin.display(description=_("rechten"))
    def scope_list(self, obj):
        return ", ".join(obj.scopes or [])

    @admin.display(boolean=True, description=_("actief"))
    def is_active(self, obj):
        return obj.is_active

    @admin.action(description=_("Geselecteerde sleutels intrekken"), permissions=["change"])
    def revoke(self, request, queryset):
        keys = list(queryset.filter(revoked_at__isnull=True))
        for api_key in keys:
            revoke_api_key(api_key, revoked_by=request.user, request=request)
        self.message_user(
            request,
            ngettext("%(count)d sleutel ingetrokken.", "%(count)d sleutels ingetrokken.", len(keys))
            % {"count": len(keys)},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False  # the plain key must be shown once: use manage.py create_api_key

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead, so the record of the key stays

    def has_module_permission(self, request):
        return _kb_admin(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return _kb_admin(request) or super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return _kb_admin(request) or super().has_change_permission(request, obj)
