from django.contrib import admin

from ontwikkelplein.participation.models import Scheme


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    """The KB adds a scheme (a new pilot or subsidy) here; participations are kept in the
    back office."""

    list_display = ["name", "kind", "code", "order"]
    list_filter = ["kind"]
