"""Forms of activity plans. They check input; the services do the work and check again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.activityplans.models import MAX_OFFSET_DAYS, MAX_SESSIONS, ActivityPlan
from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.forms import StaffFormMixin, date_input, time_input
from ontwikkelplein.organisations.models import Location

MAX_TEXT = 4000


def _terms(slug, current=()):
    from django.db.models import Q

    return TaxonomyTerm.objects.filter(
        Q(is_active=True) | Q(pk__in=[t.pk for t in current]), taxonomy__slug=slug
    ).order_by("position", "name")


class PlanForm(StaffFormMixin, forms.ModelForm):
    fieldsets = [
        (_("Wat en voor wie"), ["title", "kind", "themes", "target_groups", "audience", "aim"]),
        (
            _("Wanneer en waar"),
            ["starts_on", "start_time", "end_time", "sessions", "location", "venue"],
        ),
        (_("Co-creatie en promotie"), ["co_creation", "promotion_channels", "promotion_materials"]),
        (_("Herinneringen"), ["remind_owners"]),
    ]

    class Meta:
        model = ActivityPlan
        fields = [
            "title",
            "kind",
            "themes",
            "target_groups",
            "audience",
            "aim",
            "starts_on",
            "start_time",
            "end_time",
            "sessions",
            "location",
            "venue",
            "co_creation",
            "promotion_channels",
            "promotion_materials",
            "remind_owners",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "audience": forms.Textarea(attrs={"rows": 3}),
            "aim": forms.Textarea(attrs={"rows": 4}),
            "starts_on": date_input(),
            "start_time": time_input(),
            "end_time": time_input(),
            "co_creation": forms.Textarea(attrs={"rows": 4}),
            "promotion_channels": forms.Textarea(attrs={"rows": 3}),
            "promotion_materials": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        existing = self.instance.pk is not None
        for name, slug in (("themes", Taxonomy.THEME), ("target_groups", Taxonomy.TARGET_GROUP)):
            current = getattr(self.instance, name).all() if existing else ()
            self.fields[name].queryset = _terms(slug, current)
        organisation = organisation or self.instance.organisation
        self.fields["location"].queryset = Location.objects.filter(
            organisation=organisation
        ).order_by("name")
        self.fields["location"].empty_label = _("Geen locatie van de bibliotheek")
        self.fields["sessions"].min_value = 1
        self.fields["sessions"].max_value = MAX_SESSIONS
        self.fields["sessions"].widget.attrs.update(min=1, max=MAX_SESSIONS)
        for name in ("audience", "aim", "co_creation", "promotion_channels", "promotion_materials"):
            self.fields[name].max_length = MAX_TEXT if name in ("aim", "co_creation") else 2000
        self.fields["title"].strip = True

    def clean_sessions(self):
        value = self.cleaned_data.get("sessions")
        if value is None or not 1 <= value <= MAX_SESSIONS:
            raise forms.ValidationError(
                _("Vul een aantal bijeenkomsten in van 1 tot en met %(max)s.")
                % {"max": MAX_SESSIONS}
            )
        return value

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        return data


class Direction:
    BEFORE = "before"
    ON = "on"
    AFTER = "after"


UNIT_CHOICES = [("days", _("dagen")), ("weeks", _("weken"))]
DIRECTION_CHOICES = [
    (Direction.BEFORE, _("voor de activiteit")),
    (Direction.ON, _("op de dag zelf")),
    (Direction.AFTER, _("na de activiteit")),
]


class TaskForm(StaffFormMixin, forms.Form):
    """A task with its deadline relative to the activity's date: '3 weken voor de activiteit'."""

    title = forms.CharField(label=_("Taak"), max_length=200)
    amount = forms.IntegerField(
        label=_("Hoeveel"), min_value=0, max_value=MAX_OFFSET_DAYS, required=False, initial=1
    )
    unit = forms.ChoiceField(label=_("Dagen of weken"), choices=UNIT_CHOICES, initial="weeks")
    direction = forms.ChoiceField(
        label=_("Wanneer"), choices=DIRECTION_CHOICES, initial=Direction.BEFORE
    )
    owner = forms.ModelChoiceField(label=_("Wie doet het"), queryset=None, required=False)
    is_promotion = forms.BooleanField(label=_("Dit is promotie"), required=False)

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff
        self.fields["owner"].empty_label = _("Nog niemand")
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.get_username()

    def clean(self):
        data = super().clean()
        direction = data.get("direction")
        amount = data.get("amount")
        unit = data.get("unit")
        if direction is None or unit is None or "amount" in self.errors:
            return data
        if direction == Direction.ON:
            data["offset_days"] = 0
            return data
        if not amount:
            self.add_error("amount", _("Vul in hoeveel dagen of weken, of kies 'op de dag zelf'."))
            return data
        days = amount * 7 if unit == "weeks" else amount
        if days > MAX_OFFSET_DAYS:
            self.add_error(
                "amount", _("Een taak ligt hoogstens een jaar voor of na de activiteit.")
            )
            return data
        data["offset_days"] = -days if direction == Direction.BEFORE else days
        return data

    @classmethod
    def initial_for(cls, task) -> dict:
        days = task.offset_days
        amount = abs(days)
        weeks = amount and amount % 7 == 0
        return {
            "title": task.title,
            "amount": amount // 7 if weeks else amount,
            "unit": "weeks" if weeks else "days",
            "direction": Direction.ON
            if days == 0
            else (Direction.BEFORE if days < 0 else Direction.AFTER),
            "owner": task.owner_id,
            "is_promotion": task.is_promotion,
        }


class PartnerForm(StaffFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Partnerorganisatie"), queryset=None, required=False
    )
    name = forms.CharField(
        label=_("Of een co-creator"),
        max_length=150,
        required=False,
        help_text=_("Bijvoorbeeld 'bezoekers van het taalcafé' of 'de wijkvereniging'."),
    )
    contribution = forms.CharField(
        label=_("Wat zij inbrengen"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Ruimte, vrijwilligers, deelnemers werven, kennis, geld. En wat levert het hen op?"
        ),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.order_by("name")
        self.fields["organisation"].empty_label = _("Geen organisatie: een co-creator")

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not (data.get("name") or "").strip():
            if not self.errors:
                self.add_error(
                    "name", _("Kies een partnerorganisatie of vul de naam van een co-creator in.")
                )
        elif data.get("organisation") and (data.get("name") or "").strip():
            self.add_error(
                "name", _("Kies een partnerorganisatie óf vul een naam in, niet allebei.")
            )
        return data


class CopyForm(StaffFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Voor de bibliotheek"), queryset=None)
    as_template = forms.TypedChoiceField(
        label=_("Wat wordt het"),
        choices=[("0", _("Een nieuwe activiteit")), ("1", _("Een eigen sjabloon"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="0",
    )
    starts_on = forms.DateField(
        label=_("Datum van de nieuwe activiteit"),
        required=False,
        widget=date_input(),
        help_text=_("De deadlines van de taken rekenen vanaf deze datum. Mag later."),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations is not None and organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first().pk
            self.fields["organisation"].widget = forms.HiddenInput()


class OfferForm(StaffFormMixin, forms.Form):
    offer_type = forms.ModelChoiceField(
        label=_("Soort aanbod"), queryset=None, widget=forms.RadioSelect
    )
    summary = forms.CharField(
        label=_("Korte zin (B1)"),
        max_length=200,
        help_text=_("Eén zin in eenvoudige taal: wat heeft iemand eraan?"),
    )
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("Leeg: geen grens."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer_type"].queryset = _terms(Taxonomy.OFFER_TYPE)


class EvaluationForm(StaffFormMixin, forms.Form):
    reach = forms.IntegerField(
        label=_("Aantal deelnemers"), min_value=0, max_value=1_000_000, required=False
    )
    partner_reach = forms.IntegerField(
        label=_("Aantal partners en vrijwilligers die meededen"),
        min_value=0,
        max_value=100_000,
        required=False,
    )
    went_well = forms.CharField(
        label=_("Wat werkte goed"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    to_change = forms.CharField(
        label=_("Wat doen we volgende keer anders"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    story = forms.CharField(
        label=_("Een verhaal"),
        max_length=1500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Wat betekende de activiteit voor iemand? Zonder naam of iets waaraan je de persoon "
            "herkent. Met toestemming gaat het naar de verhalen bij impact."
        ),
    )
    consent = forms.BooleanField(
        label=_("De persoon heeft toestemming gegeven om dit verhaal te delen"), required=False
    )
