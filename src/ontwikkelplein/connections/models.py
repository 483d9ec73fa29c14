"""De educatief maatschappelijke bibliotheek in verbinding (docs/community.md): the library's
programmes are computed from the other apps' data (selectors.py); only the planned actions that
connect two programmes are stored here."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.core.models import TimestampedModel
from ontwikkelplein.organisations.models import Organisation


class Programme(models.TextChoices):
    """The educational and social programmes of a library, in the order the map draws them."""

    IDO = "ido", _("IDO (Informatiepunt Digitale Overheid)")
    TAALHUIS = "taalhuis", _("Taalhuis")
    BOEKSTART = "boekstart", _("BoekStart")
    DBOS = "dbos", _("de Bibliotheek op school")
    COURSES = "courses", _("Cursussen")
    ONTWIKKELPLEIN = "ontwikkelplein", _("Ontwikkelplein")
    OUTREACH = "outreach", _("Buitenlocaties")


class ConnectionAction(TimestampedModel):
    """A planned action that strengthens the tie between two of the library's programmes, e.g.
    "Het IDO presenteren aan de teams van de dBos-scholen". The owner is a role or team in
    words, not a person's full name: the actions go into a document for partners."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="connection_actions",
        verbose_name=_("bibliotheekorganisatie"),
    )
    from_programme = models.CharField(_("van programma"), max_length=20, choices=Programme.choices)
    to_programme = models.CharField(_("naar programma"), max_length=20, choices=Programme.choices)
    description = models.CharField(_("actie"), max_length=300)
    owner = models.CharField(
        _("wie trekt het"),
        max_length=100,
        help_text=_(
            "Een rol of team, bijvoorbeeld 'specialist basisvaardigheden' of 'team jeugd'."
        ),
    )
    due_on = models.DateField(_("klaar op"))
    done = models.BooleanField(_("gedaan"), default=False)

    class Meta:
        ordering = ["done", "due_on", "description"]
        verbose_name = _("actie voor een verbinding")
        verbose_name_plural = _("acties voor verbindingen")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_programme=models.F("to_programme")),
                name="connection_action_two_programmes",
            )
        ]

    def __str__(self) -> str:
        return self.description

    def is_overdue(self, today) -> bool:
        return not self.done and self.due_on < today
