"""Activity plans (draaiboeken, community.md "Activity plans (draaiboek)"): a library plans an
activity or programme with its target group, aim, partners and co-creators, promotion and a task
list whose deadlines are relative to the activity's date, so a plan can be copied and kept as a
template. After the activity, an evaluation that feeds the impact stories."""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.models import Offer, Taxonomy, TaxonomyTerm
from ontwikkelplein.core.models import TimestampedModel
from ontwikkelplein.organisations.models import Location, Organisation

# How far a task's deadline may lie from the activity's date, in days (a year either way).
MAX_OFFSET_DAYS = 365
MAX_SESSIONS = 52


class PlanKind(models.TextChoices):
    ACTIVITY = "activity", _("Eenmalige activiteit")
    PROGRAMME = "programme", _("Reeks of programma")


class ActivityPlan(TimestampedModel):
    """One draaiboek of a library, or a template: the library's own (`is_template`) or a
    national example (no organisation), which every library may copy."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activity_plans",
        verbose_name=_("bibliotheekorganisatie"),
        help_text=_("Leeg: een landelijk voorbeeld dat iedere bibliotheek kan kopiëren."),
    )
    is_template = models.BooleanField(_("sjabloon"), default=False)
    title = models.CharField(_("naam van de activiteit"), max_length=150)
    kind = models.CharField(
        _("soort"), max_length=20, choices=PlanKind.choices, default=PlanKind.ACTIVITY
    )
    themes = models.ManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="activity_plans_by_theme",
        limit_choices_to={"taxonomy__slug": Taxonomy.THEME, "is_active": True},
        verbose_name=_("thema's"),
    )
    target_groups = models.ManyToManyField(
        TaxonomyTerm,
        blank=True,
        related_name="activity_plans_by_target_group",
        limit_choices_to={"taxonomy__slug": Taxonomy.TARGET_GROUP, "is_active": True},
        verbose_name=_("doelgroepen"),
    )
    audience = models.TextField(
        _("voor wie precies"),
        max_length=2000,
        blank=True,
        help_text=_("Wie wil je bereiken, en waarom juist zij?"),
    )
    aim = models.TextField(
        _("doel"),
        max_length=4000,
        blank=True,
        help_text=_("Wat moeten deelnemers eraan hebben? Wat wil de bibliotheek bereiken?"),
    )
    starts_on = models.DateField(_("datum"), null=True, blank=True)
    start_time = models.TimeField(_("begintijd"), null=True, blank=True)
    end_time = models.TimeField(_("eindtijd"), null=True, blank=True)
    sessions = models.PositiveSmallIntegerField(
        _("aantal bijeenkomsten"),
        default=1,
        help_text=_("Bij een reeks: elke week één bijeenkomst, vanaf de datum."),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("locatie van de bibliotheek"),
    )
    venue = models.CharField(
        _("of een andere plek"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld het buurthuis of de school van een partner."),
    )
    co_creation = models.TextField(
        _("co-creatie: wat bezoekers inbrengen"),
        max_length=4000,
        blank=True,
        help_text=_(
            "Hoe bezoekers meedenken en meedoen: zelf iets vertellen, organiseren, kiezen."
        ),
    )
    promotion_channels = models.TextField(
        _("promotie: kanalen"),
        max_length=2000,
        blank=True,
        help_text=_("Website, sociale media, huis-aan-huisblad, partners die het doorvertellen."),
    )
    promotion_materials = models.TextField(
        _("promotie: materialen"), max_length=2000, blank=True, help_text=_("Poster, flyer, tekst.")
    )
    remind_owners = models.BooleanField(
        _("herinner de eigenaren van taken"),
        default=True,
        help_text=_("Een melding in het platform drie dagen voordat een taak klaar moet zijn."),
    )
    offer = models.ForeignKey(
        Offer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_plans",
        verbose_name=_("aanbod in de catalogus"),
    )
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("gekopieerd van"),
    )
    # The evaluation, after the activity.
    evaluated_on = models.DateField(_("geëvalueerd op"), null=True, blank=True)
    reach = models.PositiveIntegerField(_("bereik: aantal deelnemers"), null=True, blank=True)
    partner_reach = models.PositiveIntegerField(
        _("bereik: aantal partners en vrijwilligers"), null=True, blank=True
    )
    went_well = models.TextField(_("wat werkte goed"), max_length=4000, blank=True)
    to_change = models.TextField(_("wat doen we volgende keer anders"), max_length=4000, blank=True)
    story = models.TextField(_("verhaal"), max_length=1500, blank=True)
    story_consent = models.BooleanField(_("toestemming voor het verhaal"), default=False)
    story_shared = models.BooleanField(_("verhaal gedeeld met impact"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_on", "title"]
        verbose_name = _("activiteitenplan")
        verbose_name_plural = _("activiteitenplannen")
        indexes = [models.Index(fields=["organisation", "is_template", "starts_on"])]

    def __str__(self):
        return self.title

    @property
    def is_national(self) -> bool:
        return self.organisation_id is None

    @property
    def ends_on(self) -> datetime.date | None:
        if self.starts_on is None:
            return None
        return self.starts_on + datetime.timedelta(weeks=max(self.sessions, 1) - 1)

    @property
    def is_evaluated(self) -> bool:
        return self.evaluated_on is not None

    def is_past(self, today: datetime.date) -> bool:
        return self.starts_on is not None and self.ends_on < today


class PlanPartner(models.Model):
    """A partner organisation or a co-creator (a visitor, a volunteer, a group without an
    account) and what they contribute."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ActivityPlan, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partnerorganisatie"),
    )
    name = models.CharField(
        _("of een co-creator"),
        max_length=150,
        blank=True,
        help_text=_("Bijvoorbeeld 'bezoekers van het taalcafé' of 'de wijkvereniging'."),
    )
    contribution = models.TextField(_("wat zij inbrengen"), max_length=2000, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner of co-creator")
        verbose_name_plural = _("partners en co-creators")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.name


class PlanTask(models.Model):
    """A task of the draaiboek. Its deadline is relative to the activity's date
    (`offset_days`: negative before, positive after), so it moves with the date and survives a
    copy; it becomes a date once the plan has one."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(ActivityPlan, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("taak"), max_length=200)
    is_promotion = models.BooleanField(_("promotie"), default=False)
    offset_days = models.SmallIntegerField(_("dagen ten opzichte van de datum"), default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_plan_tasks",
        verbose_name=_("wie doet het"),
    )
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["offset_days", "title"]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")

    def __str__(self):
        return self.title

    @property
    def due_on(self) -> datetime.date | None:
        if self.plan.starts_on is None:
            return None
        return self.plan.starts_on + datetime.timedelta(days=self.offset_days)

    @property
    def offset_text(self) -> str:
        return offset_label(self.offset_days)

    def is_overdue(self, today: datetime.date) -> bool:
        due = self.due_on
        return self.done_on is None and due is not None and due < today


def offset_label(days: int) -> str:
    """'3 weken voor', '1 dag na', 'op de dag': a relative deadline in words."""
    from django.utils.translation import gettext, ngettext

    if days == 0:
        return gettext("op de dag zelf")
    amount = abs(days)
    if amount % 7 == 0:
        weeks = amount // 7
        text = ngettext("%(n)s week", "%(n)s weken", weeks) % {"n": weeks}
    else:
        text = ngettext("%(n)s dag", "%(n)s dagen", amount) % {"n": amount}
    if days < 0:
        return gettext("%(span)s voor") % {"span": text}
    return gettext("%(span)s na") % {"span": text}
