from django.contrib import admin

from ontwikkelplein.organisations.models import (
    ClosurePeriod,
    Location,
    Membership,
    OpeningHours,
    Organisation,
    SpecialOpeningHours,
)


class ClosurePeriodInline(admin.TabularInline):
    model = ClosurePeriod
    extra = 0


class SpecialOpeningHoursInline(admin.TabularInline):
    model = SpecialOpeningHours
    extra = 0


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector"]
    list_filter = ["kind", "sector"]
    search_fields = ["name"]
    filter_horizontal = ["provinces", "municipalities"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "kind", "city", "has_ido", "has_taalhuis"]
    list_filter = ["kind", "has_ido", "has_taalhuis"]
    search_fields = ["name", "city", "postcode"]
    autocomplete_fields = ["organisation", "municipality"]
    inlines = [OpeningHoursInline, ClosurePeriodInline, SpecialOpeningHoursInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "organisation"]
