"""Forms of the desk screen. They parse what the screen posts into the services' ContactData;
the rules (what makes a registration valid, the note's privacy check) live in the services,
whose errors are put back on the fields here.

A registration is one DeskForm (location, channel, note) and a QuestionBlocks: one or more
QuestionForms named vraag-0-..., vraag-1-... and a hidden count "vragen". Without JavaScript
"Nog een vraag toevoegen" posts the form and gets it back with one more block; desk.js adds
the block in the browser instead. A block left completely empty is ignored."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ontwikkelplein.catalogue.selectors import offer_choices
from ontwikkelplein.core.forms import StaffFormMixin, errors_for_summary
from ontwikkelplein.desk.models import (
    Agency,
    Category,
    Channel,
    ColleagueRole,
    DurationBand,
    HelpType,
    ReferralTarget,
    Topic,
)
from ontwikkelplein.desk.services import MAX_QUESTIONS, ContactData, QuestionData, check_note

BLOCK_PREFIX = "vraag"
COUNT_FIELD = "vragen"
REFERRAL_FIELDS = {
    ReferralTarget.COLLEAGUE: "referred_role",
    ReferralTarget.ORGANISATION: "referred_organisation",
    ReferralTarget.OFFER: "referred_offer",
}


class QuietMixin:
    def quiet(self) -> None:
        """Render the submitted values without validating them (after "Nog een vraag
        toevoegen"): an empty errors dict means Django does not run the validation."""
        self._errors = ErrorDict()


class DeskForm(QuietMixin, StaffFormMixin, forms.Form):
    """Where and how (location, channel), the note, and what desk.js adds: the browser's own
    reference and clock, so a registration sent twice is stored once, at the right time."""

    location = forms.ModelChoiceField(queryset=None, label=_("Locatie"), empty_label=None)
    channel = forms.ChoiceField(
        label=_("Kanaal"), choices=Channel.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Notitie (niet verplicht)"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Geen namen of andere persoonsgegevens: geen BSN, e-mailadres, telefoonnummer of adres."
        ),
    )
    client_reference = forms.UUIDField(required=False, widget=forms.HiddenInput)
    registered_at = forms.CharField(required=False, widget=forms.HiddenInput)
    sent_at = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["location"].label_from_instance = self._location_label(locations)
        if len(self.fields["location"].choices) == 1:
            # One location: nothing to choose, the screen shows its name.
            self.fields["location"].widget = forms.HiddenInput()

    @staticmethod
    def _location_label(locations):
        several = len({location.organisation_id for location in locations}) > 1
        if several:
            return lambda location: f"{location.name} ({location.organisation.name})"
        return lambda location: location.name

    def clean_note(self):
        # The services check again; here it is so the page shows every problem at once.
        note = self.cleaned_data.get("note", "")
        check_note(note)
        return note

    def clean_registered_at(self):
        """The moment of registering. desk.js sends the browser's clock at the moment the
        button was pressed and again when sending (sent_at); the difference is how long it
        waited offline, so a device whose clock is wrong still gets the right time."""
        try:
            registered = self._moment("registered_at")
            sent = self._moment("sent_at")
        except ValidationError as error:
            self.add_error(None, error)  # a hidden field: the message goes on top
            return None
        if registered is None:
            return None
        if sent is None:
            return registered
        waited = max(sent - registered, datetime.timedelta(0))
        return timezone.now() - waited

    def _moment(self, name):
        value = (self.data.get(self.add_prefix(name)) or "").strip()
        if not value:
            return None
        try:
            moment = parse_datetime(value)
        except ValueError:
            moment = None
        if moment is None or timezone.is_naive(moment):
            raise ValidationError(_("Het tijdstip van registreren is niet leesbaar."))
        return moment


class QuestionForm(QuietMixin, StaffFormMixin, forms.Form):
    category = forms.ChoiceField(
        label=_("Soort vraag"), choices=Category.choices, widget=forms.RadioSelect
    )
    agency = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Over welke organisatie?"),
        empty_label=_("Geen of weet ik niet"),
    )
    topic = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Onderwerp"), empty_label=_("Geen onderwerp")
    )
    help_types = forms.MultipleChoiceField(
        label=_("Geboden hulp"), choices=HelpType.choices, widget=forms.CheckboxSelectMultiple
    )
    referral_target = forms.ChoiceField(
        label=_("Doorverwezen naar"),
        required=False,
        choices=ReferralTarget.choices,
        widget=forms.RadioSelect,
    )
    referred_role = forms.ChoiceField(
        label=_("Welke collega of welk programma?"),
        required=False,
        choices=[("", _("Kies een collega of programma")), *ColleagueRole.choices],
    )
    referred_organisation = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Welke partnerorganisatie?"),
        empty_label=_("Kies een partnerorganisatie"),
    )
    referred_offer = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Welk aanbod?"),
        empty_label=_("Kies een aanbod"),
    )
    duration = forms.ChoiceField(
        label=_("Hoe lang duurde het? (niet verplicht)"),
        required=False,
        choices=[("", _("Niet ingevuld")), *DurationBand.choices],
        widget=forms.RadioSelect,
        initial="",
    )
    low_literacy_signal = forms.BooleanField(
        label=_("Signaal laaggeletterdheid"),
        required=False,
        help_text=_("Alleen het vinkje: schrijf nergens op wie het was."),
    )

    def __init__(self, *args, choices: "BlockChoices", number: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.number = number
        self.fields["category"].error_messages["required"] = _("Kies de soort vraag.")
        self.fields["help_types"].error_messages["required"] = _(
            "Kies minstens één soort geboden hulp."
        )
        self.fields["agency"].queryset = choices.agencies
        self.fields["topic"].queryset = choices.topics
        self.fields["referred_organisation"].queryset = choices.partners
        self.fields["referred_offer"].queryset = choices.offers
        # Nearest to the desk location first, with the distance (validation uses the queryset).
        self.fields["referred_offer"].choices = choices.offer_choices

    def is_blank(self) -> bool:
        """Nothing filled in at all (the empty duration choice is no answer)."""
        if not self.is_bound:
            return False
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if value not in (None, "", [], False):
                return False
        return True

    def clean(self):
        cleaned = super().clean()
        if HelpType.REFERRAL not in cleaned.get("help_types", []):
            return cleaned
        target = cleaned.get("referral_target")
        if not target:
            # Only one kind of referral filled in: that is where the visitor went.
            filled = [t for t, name in REFERRAL_FIELDS.items() if cleaned.get(name)]
            if len(filled) == 1:
                target = cleaned["referral_target"] = filled[0]
        if target:
            # Each select belongs to its own choice; the ones of another choice are ignored.
            for other, name in REFERRAL_FIELDS.items():
                if other != target and name in cleaned:
                    cleaned[name] = None if name != "referred_role" else ""
        return cleaned

    def question_data(self) -> QuestionData:
        data = self.cleaned_data
        return QuestionData(
            category=data["category"],
            help_types=list(data["help_types"]),
            agency=data.get("agency"),
            topic=data.get("topic"),
            referral_target=data.get("referral_target") or "",
            referred_role=data.get("referred_role") or "",
            referred_organisation=data.get("referred_organisation"),
            referred_offer=data.get("referred_offer"),
            duration=data.get("duration") or "",
            low_literacy_signal=bool(data.get("low_literacy_signal")),
        )

    def referral_fields(self):
        return [self[name] for name in ("referral_target", *REFERRAL_FIELDS.values())]


class BlockChoices:
    """The querysets every question block offers, made once per request."""

    def __init__(self, *, partners, offers, origin=None, keep_agencies=(), keep_topics=()):
        # Retired terms stay selectable on a registration that already uses them.
        self.agencies = Agency.objects.filter(Q(is_active=True) | Q(pk__in=keep_agencies))
        self.topics = Topic.objects.filter(Q(is_active=True) | Q(pk__in=keep_topics))
        self.partners = partners
        self.offers = offers
        self.origin = origin  # the desk location: offers nearest to it come first

    @cached_property
    def offer_choices(self) -> list[tuple]:
        return offer_choices(self.offers, self.origin, _("Kies een aanbod"))


def question_initial(question) -> dict:
    return {
        "category": question.category,
        "agency": question.agency_id,
        "topic": question.topic_id,
        "help_types": list(question.help_types),
        "referral_target": question.referral_target,
        "referred_role": question.referred_role,
        "referred_organisation": question.referred_organisation_id,
        "referred_offer": question.referred_offer_id,
        "duration": question.duration,
        "low_literacy_signal": question.low_literacy_signal,
    }


class QuestionBlocks:
    """One QuestionForm per question the visitor brought."""

    def __init__(self, data=None, *, choices: BlockChoices, initial: list[dict] | None = None):
        self.data = data
        self.choices = choices
        posted = data is not None
        count = _count(data.get(COUNT_FIELD)) if posted else max(1, len(initial or []))
        self.forms = [
            self._form(i, initial[i] if initial and i < len(initial) else None)
            for i in range(count)
        ]
        self.filled: list[QuestionForm] = []

    def _form(self, index: int, initial=None) -> QuestionForm:
        return QuestionForm(
            self.data,
            prefix=f"{BLOCK_PREFIX}-{index}",
            initial=initial,
            choices=self.choices,
            number=index + 1,
        )

    def __iter__(self):
        return iter(self.forms)

    def __len__(self) -> int:
        return len(self.forms)

    max = MAX_QUESTIONS

    @property
    def can_add(self) -> bool:
        return len(self.forms) < MAX_QUESTIONS

    def template_form(self) -> QuestionForm:
        """An empty block with placeholders, for desk.js to copy."""
        form = QuestionForm(prefix=f"{BLOCK_PREFIX}-__i__", choices=self.choices, number=0)
        form.is_template = True
        return form

    def is_valid(self) -> bool:
        filled = [form for form in self.forms if not form.is_blank()]
        for form in self.forms:
            if form not in filled:
                form.quiet()
        if not filled:
            filled = self.forms[:1]  # nothing at all: say what the first block needs
        self.filled = filled
        return all(form.is_valid() for form in filled)

    def question_data(self) -> list[QuestionData]:
        return [form.question_data() for form in self.filled]

    def quiet(self) -> None:
        for form in self.forms:
            form.quiet()

    def error_summary(self) -> list[dict]:
        items = []
        for form in self.forms:
            label = _("Vraag %(n)s") % {"n": form.number}
            items += errors_for_summary(form, label_prefix=f"{label} – ")
        return items


def _count(value) -> int:
    try:
        count = int(value)
    except (TypeError, ValueError):
        count = 1
    return min(max(count, 1), MAX_QUESTIONS)


def with_block_added(data):
    """The posted data with one more (empty) question block."""
    data = data.copy()
    data[COUNT_FIELD] = str(min(_count(data.get(COUNT_FIELD)) + 1, MAX_QUESTIONS))
    return data


def with_block_removed(data, index: int):
    """The posted data without block `index`; the blocks after it move up one place."""
    count = _count(data.get(COUNT_FIELD))
    if count <= 1 or not 0 <= index < count:
        return data
    result = data.copy()
    for key in list(result.keys()):
        if key.startswith(f"{BLOCK_PREFIX}-"):
            del result[key]
    for key, values in data.lists():
        parts = key.split("-", 2)
        if len(parts) != 3 or parts[0] != BLOCK_PREFIX or not parts[1].isdigit():
            continue
        position = int(parts[1])
        if position == index:
            continue
        new_position = position - 1 if position > index else position
        result.setlist(f"{BLOCK_PREFIX}-{new_position}-{parts[2]}", values)
    result[COUNT_FIELD] = str(count - 1)
    return result


def contact_data(desk_form: DeskForm, blocks: QuestionBlocks) -> ContactData:
    location = desk_form.cleaned_data["location"]
    return ContactData(
        organisation=location.organisation,
        location=location,
        channel=desk_form.cleaned_data["channel"],
        questions=blocks.question_data(),
        note=desk_form.cleaned_data.get("note", ""),
        registered_at=desk_form.cleaned_data.get("registered_at"),
        client_reference=desk_form.cleaned_data.get("client_reference"),
    )


def add_service_errors(error: ValidationError, desk_form: DeskForm, blocks=None) -> None:
    """Put the services' errors on the fields they are about ("questions[1].topic" is the
    topic of the second filled-in block)."""
    if not hasattr(error, "error_dict"):
        desk_form.add_error(None, error)
        return
    for key, errors in error.error_dict.items():
        if key.startswith("questions[") and "]." in key and blocks is not None:
            index_text, name = key[len("questions[") :].split("].", 1)
            index = int(index_text)
            if index < len(blocks.filled) and name in blocks.filled[index].fields:
                blocks.filled[index].add_error(name, errors)
                continue
        if key in desk_form.fields and key not in {"registered_at", "client_reference"}:
            desk_form.add_error(key, errors)
        else:
            desk_form.add_error(None, errors)


def error_summary(desk_form: DeskForm, blocks: QuestionBlocks) -> list[dict]:
    """Every error once, in the order of the page: where and how, the blocks, the note."""
    items = errors_for_summary(desk_form)
    note_anchor = desk_form["note"].auto_id
    top = [item for item in items if item["anchor"] != note_anchor]
    bottom = [item for item in items if item["anchor"] == note_anchor]
    return top + blocks.error_summary() + bottom
