from django.contrib import admin

from ontwikkelplein.reports.models import Report, ReportVersion


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("__str__", "organisation", "year", "quarter", "updated_at")
    list_filter = ("subject", "year")
    readonly_fields = ("token",)


@admin.register(ReportVersion)
class ReportVersionAdmin(admin.ModelAdmin):
    list_display = ("title", "report", "number", "created_at")
    readonly_fields = ("report", "number", "title", "subtitle", "content", "published_by")
