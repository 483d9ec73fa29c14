"""The outbox in the Django admin: see what is queued, what failed and why, and resend given-up
messages. Bodies are not shown: they may hold personal details and are not needed to fix a
delivery problem."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ontwikkelplein.notifications import services
from ontwikkelplein.notifications.models import OutboxMessage, ScheduledRun


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "state", "attempts", "next_attempt_at", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["subject", "reference"]
    date_hierarchy = "created_at"
    fields = [
        "to",
        "subject",
        "reference",
        "state",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["resend_messages"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Opnieuw versturen"), permissions=["change"])
    def resend_messages(self, request, queryset):
        count = services.resend(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)s bericht staat weer klaar om te versturen.",
                "%(count)s berichten staan weer klaar om te versturen.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    """What the worker's scheduled tasks did, slot by slot (the failures also appear under
    Achtergrondtaken → Failed tasks, with the traceback)."""

    list_display = ["task", "slot", "succeeded", "result", "started_at", "finished_at"]
    list_filter = ["succeeded", "task"]
    date_hierarchy = "slot"
    readonly_fields = ["task", "slot", "succeeded", "result", "started_at", "finished_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
