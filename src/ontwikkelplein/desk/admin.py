"""Django admin for KB-beheerders: the lists the desk registration offers (the organisations a
question is about, and its topics). Registrations themselves are not in the admin: they are
anonymous, belong to their library, and nobody outside it sees a single one (only counts)."""

from django.contrib import admin

from ontwikkelplein.catalogue.admin import KbAdminAccess
from ontwikkelplein.desk.models import Agency, Topic


class ReferenceListAdmin(KbAdminAccess, admin.ModelAdmin):
    # Registrations point at these rows: retire one (in gebruik off) instead of deleting it.
    kb_actions = frozenset({"view", "add", "change"})
    list_display = ["name", "code", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(Agency)
class AgencyAdmin(ReferenceListAdmin):
    pass


@admin.register(Topic)
class TopicAdmin(ReferenceListAdmin):
    list_display = ["name", "group", "theme", "code", "position", "is_active"]
    list_filter = ["is_active", "group", "theme"]
