"""Django admin for courses: runs and sessions (the planning, no personal data). Participants'
names are read on the staff pages, within the organisation's own scope."""

from django.contrib import admin

from ontwikkelplein.courses.models import Run, RunHelper, Session


class SessionInline(admin.TabularInline):
    model = Session
    fields = ["date", "start_time", "end_time", "room", "cancelled"]
    extra = 0


class RunHelperInline(admin.TabularInline):
    model = RunHelper
    fields = ["name", "role", "user"]
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Run)
class RunAdmin(admin.ModelAdmin):
    list_display = ["offer", "name", "organisation", "location", "kind", "status", "capacity"]
    list_filter = ["status", "kind", "walk_in", "intake_required"]
    search_fields = ["offer__title", "name", "organisation__name"]
    raw_id_fields = ["offer", "organisation", "location"]
    inlines = [SessionInline, RunHelperInline]
