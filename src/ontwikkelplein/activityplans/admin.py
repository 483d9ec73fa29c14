from django.contrib import admin

from ontwikkelplein.activityplans.models import ActivityPlan, PlanPartner, PlanTask


class PlanPartnerInline(admin.TabularInline):
    model = PlanPartner
    extra = 0
    autocomplete_fields = ["organisation"]


class PlanTaskInline(admin.TabularInline):
    model = PlanTask
    extra = 0
    fields = ["title", "is_promotion", "offset_days", "owner", "done_on"]
    raw_id_fields = ["owner"]


@admin.register(ActivityPlan)
class ActivityPlanAdmin(admin.ModelAdmin):
    """The KB keeps the national example templates (plans without an organisation) here."""

    list_display = ["title", "organisation", "is_template", "starts_on", "evaluated_on"]
    list_filter = ["is_template", "kind"]
    search_fields = ["title"]
    raw_id_fields = ["location", "offer", "copied_from", "created_by"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["themes", "target_groups"]
    inlines = [PlanPartnerInline, PlanTaskInline]
