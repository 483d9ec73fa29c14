from django.contrib import admin

from ontwikkelplein.materials.models import Material


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    """For the KB's overview; the national list and a library's own are kept in the back office
    (/beheer/leermiddelen/)."""

    list_display = ["name", "provider", "kind", "form", "cost", "organisation", "is_active"]
    list_filter = ["kind", "form", "cost", "is_active"]
    search_fields = ["name", "provider"]
    filter_horizontal = ["themes", "target_groups", "levels"]
    raw_id_fields = ["organisation", "offers", "runs"]
