"""Kept figures: what the overview computed for one library and one closed stretch of days, so a
closed year is added up from a few hundred small rows instead of millions of registrations.

A row is the scope (one library organisation: every level of the overview is made of libraries),
the window (first and last day), the figure set and its version. `selectors.FIGURE_SET_VERSION`
changes when the code that computes the figures changes; rows of another version are never read.
Only windows that ended before `selectors.settled_before(today)` are kept (open periods stay
live). A late change in a kept window (a back-dated desk registration, a referral or course
register changed afterwards) deletes the rows it touches in the same transaction (signals.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.organisations.models import Organisation


class KeptFigures(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisatie")
    )
    figure_set = models.CharField(_("cijferset"), max_length=40)
    version = models.PositiveIntegerField(_("versie"))
    start = models.DateField(_("eerste dag"))
    end = models.DateField(_("laatste dag"))
    data = models.JSONField(_("cijfers"))
    computed_at = models.DateTimeField(_("berekend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bewaarde cijfers")
        verbose_name_plural = _("bewaarde cijfers")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "figure_set", "version", "start", "end"],
                name="overview_kept_figures_once",
            )
        ]
        indexes = [
            models.Index(fields=["figure_set", "version", "start", "end"]),
            models.Index(fields=["organisation", "start", "end"]),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.figure_set} v{self.version} {self.start}–{self.end}"
