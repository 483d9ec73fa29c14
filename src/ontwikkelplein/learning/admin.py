"""Django admin for KB-beheerders: trajectory definitions with their components; groups and
certificates for support (read-mostly)."""

from django.contrib import admin

from ontwikkelplein.learning.models import (
    Certificate,
    Component,
    Group,
    KnowledgeEvent,
    ThemeGroup,
    Trajectory,
)


class ComponentInline(admin.TabularInline):
    model = Component
    extra = 0
    fields = ["position", "kind", "title", "required", "planned_minutes"]


@admin.register(Trajectory)
class TrajectoryAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "owner",
        "issuer",
        "attendance_percentage",
        "price_per_group",
        "is_active",
    ]
    list_filter = ["is_active", "owner"]
    search_fields = ["name"]
    inlines = [ComponentInline]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "library", "poi", "state", "price"]
    list_filter = ["state", "trajectory"]
    search_fields = ["name", "library__name"]
    readonly_fields = ["requested_by", "requested_at", "accepted_by", "accepted_at", "completed_at"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "trajectory_name", "issuer_name", "issued_at", "valid_until"]
    search_fields = ["code"]
    readonly_fields = [
        "participant",
        "trajectory",
        "code",
        "holder_name",
        "trajectory_name",
        "issuer_name",
        "issued_at",
    ]


@admin.register(ThemeGroup)
class ThemeGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "organiser"]
    search_fields = ["name"]


@admin.register(KnowledgeEvent)
class KnowledgeEventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "organiser", "starts_at", "capacity"]
    list_filter = ["kind", "organiser"]
    search_fields = ["title"]
