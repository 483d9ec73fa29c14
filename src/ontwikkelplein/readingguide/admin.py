from django.contrib import admin

from ontwikkelplein.readingguide.models import Label, LabelTable


class LabelInline(admin.TabularInline):
    model = Label
    extra = 0


@admin.register(LabelTable)
class LabelTableAdmin(admin.ModelAdmin):
    list_display = ("__str__", "national", "updated_at")
    inlines = [LabelInline]
