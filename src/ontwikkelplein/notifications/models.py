"""E-mail outbox and in-application notifications.

Mail is never sent inside the request that causes it: a message is stored in the outbox in the same
transaction as the change it reports, then sent (and retried with back-off) by `send_outbox`. So an
unreachable mail server loses nothing.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import CreatedAtModel


class OutboxMessage(CreatedAtModel):
    class State(models.TextChoices):
        PENDING = "pending", _("Wacht op verzending")
        SENT = "sent", _("Verstuurd")
        FAILED = "failed", _("Mislukt (opgegeven)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    to = models.JSONField(_("aan"), default=list)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    html_body = models.TextField(blank=True)
    # Values the mail needs but the database should not keep, such as a link's token: the bodies
    # hold a placeholder (services.secret_placeholder), filled in when the mail is sent; once it
    # is sent this is emptied.
    secrets = models.JSONField(default=dict, blank=True, editable=False)
    # What the message is about, e.g. "referral:<uuid>", so it can be erased with that record.
    reference = models.CharField(max_length=100, blank=True, db_index=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")

    def __str__(self):
        return self.subject


class Notification(CreatedAtModel):
    """A message for one staff member inside the application."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(_("tekst"), max_length=300)
    url = models.CharField(max_length=300, blank=True)
    reference = models.CharField(max_length=100, blank=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self):
        return self.text


class ScheduledRun(models.Model):
    """One run of a scheduled task (notifications/scheduled.py) for one slot of its django-q2
    schedule. The unique (task, slot) is the guard that a slot runs once, however the job got to
    a worker: a second scheduler on another node, or a job handed out again after its worker
    died. Kept 30 days, for operators (Django admin)."""

    task = models.CharField(_("taak"), max_length=100)
    slot = models.DateTimeField(_("gepland voor"))
    started_at = models.DateTimeField(_("gestart"), auto_now_add=True)
    finished_at = models.DateTimeField(_("klaar"), null=True, blank=True)
    succeeded = models.BooleanField(_("gelukt"), null=True)
    result = models.CharField(_("resultaat"), max_length=500, blank=True)

    class Meta:
        ordering = ["-slot"]
        constraints = [
            models.UniqueConstraint(fields=["task", "slot"], name="scheduled_run_once_per_slot")
        ]
        verbose_name = _("geplande taak (uitvoering)")
        verbose_name_plural = _("geplande taken (uitvoeringen)")

    def __str__(self):
        return f"{self.task} {self.slot:%Y-%m-%d %H:%M}"
