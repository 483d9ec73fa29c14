"""Impact questionnaires of course runs, anonymous by design.

A run may have a "voor" (before) and a "na" (after) questionnaire, each a standard QuestionSet.
Staff hand out cards: each Card carries two one-time codes, one for "voor" and one for "na".
The system knows which cards exist per run, and which answers came in through which card, but
it never stores who got a card (there is no link to Enrolment or Person, and no user on a
Response). The codes themselves are stored only as hashes. docs/impact.md explains the design
and its limits.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.courses.models import Run


class ItemKind(models.TextChoices):
    SKILL = "skill", _("Vaardigheid (ik kan dit zelf)")
    ATTITUDE = "attitude", _("Houding (hoe voel je je)")
    SATISFACTION = "satisfaction", _("Tevredenheid (alleen bij 'na')")


class Moment(models.TextChoices):
    BEFORE = "before", _("Voor de cursus")
    AFTER = "after", _("Na de cursus")


class Value(models.IntegerChoices):
    """One three-point scale for every item; its words depend on the item's kind (see
    answer_choices in forms.py). YES is "ik kan dit zelf" for a skill, "ja" for the others."""

    NO = 0, _("Nee")
    PARTLY = 1, _("Een beetje")
    YES = 2, _("Ja")


class QuestionSet(models.Model):
    """A standard questionnaire for a theme, kept by the KB-beheerder."""

    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    introduction = models.TextField(
        _("uitleg voor de deelnemer"), blank=True, help_text=_("Kort en in B1-taal.")
    )
    active = models.BooleanField(_("in gebruik"), default=True)
    # The national Impactmonitor has measured only afterwards since 2022, with a short list that
    # asks what changed. Such a list cannot be used before the course; its results have no pairs.
    after_only = models.BooleanField(
        _("alleen na de cursus (verkorte meting)"),
        default=False,
        help_text=_("Een korte lijst die alleen na de cursus vraagt wat er veranderd is."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")

    def __str__(self):
        return self.name

    def questions_for(self, moment: str):
        items = self.questions.filter(active=True)
        if moment == Moment.BEFORE:
            # Satisfaction with the course, and what changed ("Ik ben minder bang ..."), can
            # only be asked afterwards. Before, every question is about the situation now.
            items = items.exclude(kind=ItemKind.SATISFACTION).exclude(after_only=True)
        return items


class Question(models.Model):
    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.CASCADE, related_name="questions", verbose_name=_("lijst")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ItemKind.choices)
    text = models.CharField(
        _("vraag"),
        max_length=200,
        help_text=_("Kort en in B1-taal, bijv. 'Ik kan inloggen met DigiD.'"),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # Retire a question instead of deleting it, so earlier answers keep their meaning.
    active = models.BooleanField(_("in gebruik"), default=True)
    # A question about change ("Ik ben minder bang om het zelf te doen.") only makes sense
    # afterwards; before the course every question asks about the situation now.
    after_only = models.BooleanField(
        _("alleen na de cursus"),
        default=False,
        help_text=_("Voor vragen over wat er veranderd is, zoals 'Ik ben minder bang ...'."),
    )

    class Meta:
        ordering = ["question_set", "order", "id"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")

    def __str__(self):
        return self.text


class RunMeasurement(models.Model):
    """Which questionnaires a run uses; both are optional."""

    run = models.OneToOneField(Run, on_delete=models.CASCADE, related_name="impact")
    before_set = models.ForeignKey(
        QuestionSet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vragenlijst voor de cursus"),
    )
    after_set = models.ForeignKey(
        QuestionSet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vragenlijst na de cursus"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("impactmeting van een uitvoering")
        verbose_name_plural = _("impactmetingen van uitvoeringen")

    def __str__(self):
        return str(self.run)

    def set_for(self, moment: str) -> QuestionSet | None:
        return self.before_set if moment == Moment.BEFORE else self.after_set


class Card(models.Model):
    """A card handed out in class: a "voor" code and a "na" code that pair the two answers.
    No field says who got it; the codes are stored as SHA-256 hashes only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="impact_cards")
    before_hash = models.CharField(max_length=64, unique=True)
    after_hash = models.CharField(max_length=64, unique=True)
    # Cards are made in batches; the batch only helps staff count what they printed.
    batch = models.PositiveSmallIntegerField(default=1)

    class Meta:
        verbose_name = _("kaart")
        verbose_name_plural = _("kaarten")

    def __str__(self):
        return str(self.pk)


class Response(models.Model):
    """One filled-in questionnaire. Deliberately without a time of day or a user: the date only
    says which week it came in, not who sat at the keyboard."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="responses")
    moment = models.CharField(max_length=10, choices=Moment.choices)
    question_set = models.ForeignKey(QuestionSet, on_delete=models.PROTECT, related_name="+")
    entered_by_staff = models.BooleanField(_("ingevoerd door medewerker"), default=False)
    submitted_on = models.DateField()

    class Meta:
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")
        constraints = [
            models.UniqueConstraint(fields=["card", "moment"], name="impact_one_response_per_code")
        ]

    def __str__(self):
        return f"{self.moment} {self.submitted_on}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField(choices=Value.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="impact_one_answer")
        ]

    def __str__(self):
        return f"{self.question_id}: {self.value}"


class Story(models.Model):
    """What a run meant for someone, told by staff: with consent, without a name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="impact_stories")
    text = models.TextField(_("verhaal"), max_length=1500)
    consent = models.BooleanField(_("toestemming gegeven"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        ordering = ["-created_on"]
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")

    def __str__(self):
        return self.text[:60]
