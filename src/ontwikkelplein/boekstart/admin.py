from django.contrib import admin

from ontwikkelplein.boekstart.models import Births, Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("day", "kind", "via", "organisation", "location", "postcode_area")
    list_filter = ("kind", "via")
    date_hierarchy = "day"


@admin.register(Births)
class BirthsAdmin(admin.ModelAdmin):
    list_display = ("municipality", "year", "count", "source")
    list_filter = ("year",)
    search_fields = ("municipality__name", "municipality__code")
