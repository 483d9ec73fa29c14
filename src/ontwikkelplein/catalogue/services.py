"""Writes to the catalogue. Every function is atomic and is the only way views, API views and
commands change offers. Offer services check the user's rights through organisations.scoping
(raising PermissionDenied) and reindex the offer for search once the transaction commits."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import classification, reference_data, search, selectors, unmatched
from ontwikkelplein.catalogue.models import (
    NeedPhrase,
    Offer,
    OfferLocation,
    OfferStatus,
    OfferTemplate,
    OfferTemplateAdoption,
    OfferTemplateVersion,
    OfferTranslation,
    Schedule,
    ScheduleKind,
    SignUp,
    Taxonomy,
    TaxonomyTerm,
    UnmatchedSearch,
    UnmatchedSearchVisitor,
    translation_languages,
)
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.calendar import LocationCalendar, SlotProblem, check_slot
from ontwikkelplein.organisations.models import Location

UNMATCHED_PHRASE_MAX = 200


def record_unmatched_search(text: str, *, visitor: str) -> None:
    """Count a search that found nothing (catalogue/unmatched.py): only its known words, and
    on the staff list only once enough different visitors searched for them. `visitor` is
    unmatched.visitor_key(request, day): a keyed hash, never an address."""
    phrase = unmatched.known_phrase(text)[:UNMATCHED_PHRASE_MAX].strip()
    if not phrase or not visitor:
        return
    today = timezone.localdate()
    with transaction.atomic():
        UnmatchedSearchVisitor.objects.filter(
            day__lt=today - datetime.timedelta(days=unmatched.window_days())
        ).delete()
        _, new_visitor = UnmatchedSearchVisitor.objects.get_or_create(
            phrase=phrase, visitor=visitor[:64], defaults={"day": today}
        )
        if not new_visitor:
            return  # the same visitor again that day counts once
        listed = UnmatchedSearch.objects.filter(phrase=phrase)
        if listed.update(count=F("count") + 1, last_seen=today):
            return
        visitors = UnmatchedSearchVisitor.objects.filter(phrase=phrase).count()
        if visitors >= unmatched.min_visitors():
            UnmatchedSearch.objects.get_or_create(phrase=phrase, defaults={"count": visitors})


# --- Offers (back office) ---

OFFER_M2M_FIELDS = ("themes", "target_groups", "levels", "partners")
# The fields of the staff offer form, in the order the form shows them.
OFFER_FORM_FIELDS = (
    "organisation",
    "title",
    "summary",
    "description",
    "offer_type",
    "themes",
    "target_groups",
    "levels",
    "programme",
    "partners",
    "guidance",
    "sign_up",
    "sign_up_instructions",
    "is_free",
    "cost_amount",
    "cost_description",
    "membership_required",
    "requirements",
    "requirements_other",
    "computers",
    "printer",
    "privacy_room",
    "languages",
    "capacity",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
    "valid_from",
    "valid_to",
    "season_start_month",
    "season_end_month",
)
OFFER_FIELDS = set(OFFER_FORM_FIELDS) - set(OFFER_M2M_FIELDS)


class OfferIncomplete(ValidationError):
    """The offer cannot be published yet; the messages say what is missing."""


def _require_edit(user, organisation_id) -> None:
    if not scoping.can_edit(user, organisation_id):
        raise PermissionDenied(_("Je mag het aanbod van deze organisatie niet wijzigen."))


def _reindex(offer_id) -> None:
    transaction.on_commit(lambda: search.index_offer(offer_id))


def _locked(offer: Offer) -> Offer:
    """The stored offer, locked for this transaction: rights are checked on what is stored,
    never on an instance a form may already have changed in memory."""
    return Offer.objects.select_for_update().get(pk=offer.pk)


def _split_fields(fields: dict) -> tuple[dict, dict]:
    m2m = {name: fields.pop(name) for name in OFFER_M2M_FIELDS if name in fields}
    unknown = set(fields) - OFFER_FIELDS
    if unknown:
        raise TypeError(f"Unknown offer fields: {', '.join(sorted(unknown))}")
    return fields, m2m


def _save_offer(offer: Offer, m2m: dict) -> None:
    # M2M fields are checked by the form; the model checks the rest, including that the offer
    # type is an active term of the right taxonomy.
    offer.full_clean(exclude=list(OFFER_M2M_FIELDS))
    offer.save()
    for name, values in m2m.items():
        getattr(offer, name).set(values)


@transaction.atomic
def create_offer(user, *, organisation, locations: Iterable[Location] = (), **fields) -> Offer:
    """A new draft offer of `organisation`, at `locations`."""
    _require_edit(user, organisation.pk)
    fields, m2m = _split_fields(fields)
    offer = Offer(organisation=organisation, status=OfferStatus.DRAFT, created_by=user, **fields)
    _save_offer(offer, m2m)
    _replace_locations(offer, locations)
    _reindex(offer.pk)
    return offer


@transaction.atomic
def update_offer(user, offer: Offer, *, locations: Iterable[Location] | None = None, **fields):
    """Change an offer; its status stays as it is (a published offer stays published).
    Moving it to another organisation needs edit rights on both."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    fields, m2m = _split_fields(fields)
    organisation = fields.pop("organisation", None)
    if organisation is not None and organisation.pk != stored.organisation_id:
        _require_edit(user, organisation.pk)
        stored.organisation = organisation
    for name, value in fields.items():
        setattr(stored, name, value)
    if stored.auto_classified and (
        {"themes", "target_groups"} & set(m2m) or "offer_type" in fields
    ):
        stored.auto_classified = False  # staff saw the terms on the form and kept or changed them
    _save_offer(stored, m2m)
    if locations is not None:
        _replace_locations(stored, locations)
        if stored.is_published and not stored.offer_locations.exists():
            raise OfferIncomplete(_("Een gepubliceerd aanbod heeft minstens één plek nodig."))
    _reindex(stored.pk)
    return stored


@transaction.atomic
def set_offer_locations(user, offer: Offer, locations: Iterable[Location]) -> None:
    """Place the offer at exactly these locations. Places that stay keep their schedules."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    _replace_locations(stored, locations)
    _reindex(stored.pk)


def _replace_locations(offer: Offer, locations: Iterable[Location]) -> None:
    locations = list(locations)
    # Tenancy: an offer can only be placed at its own organisation's or its partners' places.
    allowed = {offer.organisation_id, *offer.partners.values_list("pk", flat=True)}
    for location in locations:
        if location.organisation_id not in allowed:
            raise ValidationError(
                _("%(location)s hoort niet bij de aanbieder of een partner van dit aanbod.")
                % {"location": location.name}
            )
    wanted = {location.pk for location in locations}
    offer.offer_locations.exclude(location_id__in=wanted).delete()
    present = set(offer.offer_locations.values_list("location_id", flat=True))
    OfferLocation.objects.bulk_create(
        OfferLocation(offer=offer, location_id=pk) for pk in wanted - present
    )


# Other apps that hold times of an offer (courses: a run's sessions) register a function
# offer -> bool here ("has it times ahead?"); the catalogue may not import them.
OFFER_TIME_SOURCES: list = []


def schedule_problem(schedule: Schedule, *, offer: Offer, calendar=None) -> tuple[str, str] | None:
    """What contradicts in a time: (form field, Dutch message), or None. A dated time out of the
    offer's season or on a day the location is closed; a time outside the opening hours that
    staff did not mark "ook buiten openingstijden"."""
    if schedule.kind == ScheduleKind.DATED and schedule.date and not offer.in_season(schedule.date):
        return "date", _(
            "Deze datum valt buiten het seizoen van het aanbod (%(start)s tot en met %(end)s)."
        ) % {
            "start": offer.get_season_start_month_display(),
            "end": offer.get_season_end_month_display(),
        }
    if calendar is None:
        calendar = LocationCalendar.of(schedule.offer_location.location)
    dated = schedule.kind == ScheduleKind.DATED
    found = check_slot(
        calendar,
        start=schedule.opens_at,
        end=schedule.closes_at,
        date=schedule.date if dated else None,
        weekday=None if dated else schedule.weekday,
    )
    if found is None:
        return None
    kind, message = found
    if kind == SlotProblem.OUTSIDE_HOURS:
        return None if schedule.outside_opening_hours else ("opens_at", message)
    return "date", message


def schedule_problems(offer: Offer) -> list[str]:
    """The contradictions in an offer's current times (weekly, and dated from today), in Dutch."""
    today = timezone.localdate()
    problems = []
    offer_locations = offer.offer_locations.select_related("location").prefetch_related(
        "location__opening_hours", "location__closures", "location__special_hours", "schedules"
    )
    for offer_location in offer_locations:
        calendar = LocationCalendar.of(offer_location.location)
        for schedule in offer_location.schedules.all():
            if schedule.kind == ScheduleKind.DATED and schedule.date < today:
                continue
            problem = schedule_problem(schedule, offer=offer, calendar=calendar)
            if problem:
                problems.append(
                    _("De tijd %(time)s bij %(place)s: %(problem)s")
                    % {
                        "time": schedule_label(schedule),
                        "place": offer_location.location.name,
                        "problem": problem[1],
                    }
                )
    return problems


def schedule_label(schedule: Schedule) -> str:
    when = (
        formats.date_format(schedule.date, "j F Y")
        if schedule.kind == ScheduleKind.DATED
        else _("elke %(day)s") % {"day": schedule.get_weekday_display()}
    )
    return f"{when} {schedule.opens_at:%H:%M}–{schedule.closes_at:%H:%M}"


def has_times_ahead(offer: Offer) -> bool:
    """Whether the offer has a weekly time, a dated time from today on, or (OFFER_TIME_SOURCES)
    a course session ahead."""
    today = timezone.localdate()
    if (
        Schedule.objects.filter(offer_location__offer=offer)
        .filter(Q(kind=ScheduleKind.WEEKLY) | Q(date__gte=today))
        .exists()
    ):
        return True
    return any(source(offer) for source in OFFER_TIME_SOURCES)


def missing_for_publication(offer: Offer) -> list[str]:
    """What an offer still needs before it can be published, in Dutch; empty when complete."""
    missing = []
    if not offer.offer_locations.exists():
        missing.append(_("Kies minstens één plek waar het aanbod is."))
    if not offer.themes.exists():
        missing.append(_("Kies minstens één thema."))
    if not offer.target_groups.exists():
        missing.append(_("Kies minstens één doelgroep."))
    if offer.sign_up == SignUp.WALK_IN and not has_times_ahead(offer):
        missing.append(
            _(
                "Bij vrije inloop moeten inwoners weten wanneer ze kunnen komen. Voeg minstens "
                "één tijd toe bij Tijden."
            )
        )
    if offer.sign_up == SignUp.APPOINTMENT and not offer.sign_up_instructions.strip():
        missing.append(_("Schrijf op hoe iemand een afspraak maakt: telefoon, website of balie."))
    missing += schedule_problems(offer)
    return missing


@transaction.atomic
def publish_offer(user, offer: Offer) -> Offer:
    """Make the offer public. Only complete offers; raises OfferIncomplete otherwise.
    Publishing counts as a check of the content, so it also sets last_verified_on."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    missing = missing_for_publication(stored)
    if missing:
        raise OfferIncomplete(missing)
    now = timezone.now()
    if not (stored.is_published and stored.published_at):
        stored.published_at = now  # publishing twice keeps the first date
    stored.status = OfferStatus.PUBLISHED
    stored.last_verified_on = timezone.localdate(now)
    stored.last_verified_by = user
    stored.save(
        update_fields=[
            "status",
            "published_at",
            "last_verified_on",
            "last_verified_by",
            "updated_at",
        ]
    )
    _reindex(stored.pk)
    return stored


@transaction.atomic
def archive_offer(user, offer: Offer) -> Offer:
    """Take the offer off the public site; it stays in the back office."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    stored.status = OfferStatus.ARCHIVED
    stored.save(update_fields=["status", "updated_at"])
    _reindex(stored.pk)
    return stored


@transaction.atomic
def verify_offer(user, offer: Offer) -> Offer:
    """Record that a staff member checked the offer is still correct today."""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    return _mark_verified(stored, user)


def _mark_verified(stored: Offer, user, *, restore: bool = True) -> Offer:
    stored.last_verified_on = timezone.localdate()
    stored.last_verified_by = user
    fields = ["last_verified_on", "last_verified_by", "updated_at"]
    if restore and stored.status == OfferStatus.UNCONFIRMED:
        # Hidden because nobody confirmed it: a confirmation brings it back.
        stored.status = OfferStatus.PUBLISHED
        fields.append("status")
        _reindex(stored.pk)
    stored.save(update_fields=fields)
    return stored


@transaction.atomic
def confirm_offer_by_contact(offer: Offer, *, restore: bool = True) -> Offer:
    """The offer's contact answered a verification request (docs/offer-verification.md):
    the offer counts as verified today, without a staff member, and comes back when it was
    hidden (unless `restore` is False: the contact asked for changes, which the library
    decides on first). The caller checked the contact's link."""
    return _mark_verified(_locked(offer), None, restore=restore)


@transaction.atomic
def hide_unconfirmed_offer(offer: Offer) -> bool:
    """Hide a published offer nobody confirmed in time from residents; False when it is no
    longer published (or was confirmed meanwhile, which the caller's query checked)."""
    stored = _locked(offer)
    if stored.status != OfferStatus.PUBLISHED:
        return False
    stored.status = OfferStatus.UNCONFIRMED
    stored.save(update_fields=["status", "updated_at"])
    _reindex(stored.pk)
    return True


@transaction.atomic
def add_schedule(
    user,
    offer_location: OfferLocation,
    *,
    kind: str,
    opens_at: datetime.time,
    closes_at: datetime.time,
    weekday: int | None = None,
    date: datetime.date | None = None,
    notes: str = "",
    outside_opening_hours: bool = False,
) -> Schedule:
    """A weekly time (weekday) or one dated session (date) of the offer at one place. A dated
    time on a day the location is closed, or out of the offer's season, is refused; a time
    outside the location's opening hours only with `outside_opening_hours`."""
    offer = _locked(offer_location.offer)
    _require_edit(user, offer.organisation_id)
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("De eindtijd moet na de begintijd liggen.")})
    if kind == ScheduleKind.DATED:
        if date is None:
            raise ValidationError({"date": _("Vul de datum in.")})
        if date < timezone.localdate():
            raise ValidationError(
                {"date": _("Deze datum is al voorbij. Kies een datum vanaf vandaag.")}
            )
        weekday = date.weekday()
    elif kind == ScheduleKind.WEEKLY:
        if weekday is None:
            raise ValidationError({"weekday": _("Kies een dag.")})
        date = None
    else:
        raise ValidationError(_("Onbekende soort tijd."))
    schedule = Schedule(
        offer_location=offer_location,
        kind=kind,
        weekday=weekday,
        date=date,
        opens_at=opens_at,
        closes_at=closes_at,
        notes=notes,
        outside_opening_hours=bool(outside_opening_hours),
    )
    problem = schedule_problem(schedule, offer=offer)
    if problem:
        raise ValidationError({problem[0]: problem[1]})
    schedule.full_clean()
    schedule.save()
    _reindex(offer.pk)
    return schedule


@transaction.atomic
def delete_schedule(user, schedule: Schedule) -> None:
    offer = _locked(schedule.offer_location.offer)
    _require_edit(user, offer.organisation_id)
    schedule.delete()
    _reindex(offer.pk)


# --- Offer templates (sjablonen) ---

TEMPLATE_SCALAR_FIELDS = set(selectors.TEMPLATE_CONTENT_FIELDS) - set(selectors.TEMPLATE_M2M_FIELDS)


class TemplateChanged(ValidationError):
    """The template got a newer version while the library was looking at the comparison."""


def _require_template_owner(user, owner_id) -> None:
    if owner_id not in selectors.template_owner_ids(user):
        raise PermissionDenied(
            _(
                "Sjablonen maken de KB en de POI's. Een POI-adviseur maakt ze alleen voor de "
                "eigen POI."
            )
        )


def _split_template_fields(fields: dict) -> tuple[dict, dict]:
    m2m = {name: fields.pop(name) for name in selectors.TEMPLATE_M2M_FIELDS if name in fields}
    unknown = set(fields) - TEMPLATE_SCALAR_FIELDS
    if unknown:
        raise TypeError(f"Unknown template fields: {', '.join(sorted(unknown))}")
    return fields, m2m


def _write_template(template: OfferTemplate, scalars: dict, m2m: dict, user) -> bool:
    """Save the content; a change of content makes a new version. True when it changed."""
    is_new = template._state.adding
    before = None if is_new else selectors.template_content(template)
    for name, value in scalars.items():
        setattr(template, name, value)
    template.full_clean(exclude=list(selectors.TEMPLATE_M2M_FIELDS))
    template.save()
    for name, values in m2m.items():
        getattr(template, name).set(values)
    if not template.themes.exists() or not template.target_groups.exists():
        # An adopted offer must be publishable as it is.
        raise ValidationError(_("Kies minstens één thema en minstens één doelgroep."))
    after = selectors.template_content(template)
    if after == before:
        return False
    if not is_new:
        template.version += 1
        template.save(update_fields=["version", "updated_at"])
    OfferTemplateVersion.objects.create(
        template=template, number=template.version, content=after, created_by=user
    )
    return True


@transaction.atomic
def create_template(user, *, owner, **fields) -> OfferTemplate:
    """A new template (version 1) of `owner`: the KB (KB-beheerder) or the user's POI."""
    _require_template_owner(user, owner.pk)
    scalars, m2m = _split_template_fields(fields)
    template = OfferTemplate(owner=owner, version=1, created_by=user)
    _write_template(template, scalars, m2m, user)
    return template


@transaction.atomic
def update_template(user, template: OfferTemplate, **fields) -> OfferTemplate:
    """Change a template's content. When the content changes, the version goes up by one and
    the libraries that adopted it see a suggestion. The owner never changes."""
    stored = OfferTemplate.objects.select_for_update().get(pk=template.pk)
    _require_template_owner(user, stored.owner_id)
    scalars, m2m = _split_template_fields(fields)
    _write_template(stored, scalars, m2m, user)
    return stored


@transaction.atomic
def load_template(pk, *, owner, **fields) -> OfferTemplate:
    """Create or update a template with a fixed id, without a rights check: for trusted
    callers only (the demo data). Versions work as for staff edits."""
    template = OfferTemplate.objects.select_for_update().filter(pk=pk).first()
    if template is None:
        template = OfferTemplate(pk=pk, owner=owner, version=1)
    elif template.owner_id != owner.pk:
        template.owner = owner
    scalars, m2m = _split_template_fields(fields)
    _write_template(template, scalars, m2m, None)
    return template


def _template_values(template: OfferTemplate, names) -> dict:
    """Model values (objects, not ids) of the template's content fields, ready for an offer."""
    values = {}
    for name in names:
        if name in selectors.TEMPLATE_M2M_FIELDS:
            values[name] = list(getattr(template, name).all())
        elif name in ("guidance", "requirements", "languages"):
            values[name] = list(getattr(template, name) or [])
        else:
            values[name] = getattr(template, name)
    return values


@transaction.atomic
def adopt_template(
    user,
    template: OfferTemplate,
    *,
    organisation,
    locations: Iterable[Location],
    schedule: dict | None = None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    publish: bool = False,
) -> Offer:
    """A library's offer made from a template: the template's content, the library's place,
    time and contact. A draft, unless `publish` (then published like publish_offer).
    `schedule` is add_schedule's keywords and is added at every location."""
    _require_edit(user, organisation.pk)
    if not selectors.template_available_to(template, organisation):
        raise PermissionDenied(_("Dit sjabloon is niet beschikbaar voor deze organisatie."))
    locations = list(locations)
    if not locations:
        raise ValidationError({"locations": _("Kies minstens één plek.")})
    template = OfferTemplate.objects.select_for_update().get(pk=template.pk)
    offer = create_offer(
        user,
        organisation=organisation,
        locations=locations,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        **_template_values(template, selectors.TEMPLATE_CONTENT_FIELDS),
    )
    OfferTemplateAdoption.objects.create(offer=offer, template=template, version=template.version)
    if schedule:
        for offer_location in offer.offer_locations.all():
            add_schedule(user, offer_location, **schedule)
    if publish:
        offer = publish_offer(user, offer)
    return offer


def _locked_adoption(user, offer: Offer) -> OfferTemplateAdoption:
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    adoption = (
        OfferTemplateAdoption.objects.select_for_update()
        .select_related("template")
        .filter(offer=stored)
        .first()
    )
    if adoption is None:
        raise ValidationError(_("Dit aanbod is niet gemaakt met een sjabloon."))
    return adoption


@transaction.atomic
def accept_template_version(
    user, offer: Offer, *, version: int, fields: Iterable[str] | None = None
) -> Offer:
    """Take over the template's latest version. `fields`: the content fields to copy; by
    default those the template changed since the version the offer took over (the library's
    own edits of other fields stay). `version` is the version the library looked at: if the
    template changed since, nothing happens and TemplateChanged asks to look again."""
    adoption = _locked_adoption(user, offer)
    template = adoption.template
    if template.version != version:
        raise TemplateChanged(
            _("Het sjabloon is net weer veranderd. Bekijk de verschillen opnieuw.")
        )
    suggestion = selectors.template_suggestion(adoption.offer)
    differing = {c.name for c in suggestion.changes} if suggestion else set()
    if fields is None:
        names = {c.name for c in suggestion.changes if c.suggested} if suggestion else set()
    else:
        names = set(fields)
        unknown = names - set(selectors.TEMPLATE_CONTENT_FIELDS)
        if unknown:
            raise ValidationError(_("Onbekende velden: %(names)s") % {"names": ", ".join(unknown)})
        names &= differing
    if names:
        offer = update_offer(user, adoption.offer, **_template_values(template, names))
    adoption.version = template.version
    adoption.dismissed_version = None
    adoption.save(update_fields=["version", "dismissed_version", "updated_at"])
    _reindex(adoption.offer_id)
    return offer


@transaction.atomic
def dismiss_template_version(user, offer: Offer) -> None:
    """Keep the offer as it is; no suggestion until the template's next version."""
    adoption = _locked_adoption(user, offer)
    adoption.dismissed_version = adoption.template.version
    adoption.save(update_fields=["dismissed_version", "updated_at"])


# --- The needs vocabulary (behoeftewoordenlijst) ------------------------------------------------


def _require_vocabulary_keeper(user) -> None:
    if not scoping.is_kb_admin(user):
        raise PermissionDenied(_("Alleen een KB-beheerder mag de behoeftewoordenlijst wijzigen."))


@transaction.atomic
def save_need_phrase(user, form) -> NeedPhrase:
    """Save a phrase from a valid NeedPhraseForm; the search uses it from the next search on
    (search/vocabulary.py notices the change)."""
    _require_vocabulary_keeper(user)
    return form.save()


@transaction.atomic
def delete_need_phrase(user, phrase: NeedPhrase) -> None:
    _require_vocabulary_keeper(user)
    phrase.delete()


def seed_national_need_phrases() -> int:
    """Add the national set's phrases that are missing (reference_data.NEED_PHRASES); the KB's
    own changes stay. Used by load_demo; a fresh install gets them from a data migration."""
    return reference_data.seed_need_phrases(NeedPhrase, TaxonomyTerm)


# --- Automatic classification (issue 14; catalogue/classification.py) -------------------------


def offer_type_for(suggestion) -> TaxonomyTerm:
    """The offer type term a Suggestion points to, or "activiteit" when none: for an importer
    that must give a new offer an offer type before it can be saved (then call classify_offer
    with offer_type_assumed=True, so that the type is reviewed too)."""
    code = (
        suggestion.offer_type.code if suggestion.offer_type else classification.FALLBACK_OFFER_TYPE
    )
    return TaxonomyTerm.objects.get(taxonomy__slug=Taxonomy.OFFER_TYPE, code=code)


@transaction.atomic
def classify_offer(offer: Offer, *, offer_type_assumed: bool = False, rules=None):
    """Give a stored offer that arrived without our taxonomy the themes and target groups its
    title, summary and description point to (classification.classify), and, when
    `offer_type_assumed` (the caller had to pick a placeholder type), the offer type too. Only
    what is missing is filled in; if anything is, the offer is marked `auto_classified` so that
    its organisation's staff review it ("Automatisch ingedeeld — controleren"). Returns the
    Suggestion. For the importer (opendata), which checks the user's rights itself and calls
    this after saving each offer without themes or target groups; publishing afterwards works
    as usual, since the offer is then complete."""
    stored = _locked(offer)
    suggestion = classification.classify(stored.title, stored.summary, stored.description, rules)
    terms = {
        str(t.pk): t
        for t in TaxonomyTerm.objects.filter(
            pk__in=[
                s.id
                for s in (*suggestion.themes, *suggestion.target_groups, suggestion.offer_type)
                if s is not None
            ]
        )
    }
    changed = False
    if not stored.themes.exists() and suggestion.themes:
        stored.themes.set([terms[s.id] for s in suggestion.themes if s.id in terms])
        changed = True
    if not stored.target_groups.exists() and suggestion.target_groups:
        stored.target_groups.set([terms[s.id] for s in suggestion.target_groups if s.id in terms])
        changed = True
    if offer_type_assumed:
        stored.offer_type = offer_type_for(suggestion)
        changed = True
    if changed:
        stored.auto_classified = True
        stored.save(update_fields=["offer_type", "auto_classified", "updated_at"])
        _reindex(stored.pk)
    offer.auto_classified = stored.auto_classified
    offer.offer_type_id = stored.offer_type_id
    return suggestion


@transaction.atomic
def confirm_classification(user, offer: Offer) -> Offer:
    """Staff agree with the themes, target groups and offer type chosen automatically: the
    mark goes. (Saving the offer form, which shows them, clears it too: update_offer.)"""
    stored = _locked(offer)
    _require_edit(user, stored.organisation_id)
    stored.auto_classified = False
    stored.save(update_fields=["auto_classified", "updated_at"])
    return stored


# --- The word lists for automatic classification (indeelwoorden), KB-beheerders ---------------


def _require_keyword_keeper(user) -> None:
    if not scoping.is_kb_admin(user):
        raise PermissionDenied(_("Alleen een KB-beheerder mag de woorden voor indelen wijzigen."))


@transaction.atomic
def save_term_keywords(user, term: TaxonomyTerm, keywords: str) -> TaxonomyTerm:
    """Replace a term's word list; classification uses it from the next offer on."""
    _require_keyword_keeper(user)
    stored = TaxonomyTerm.objects.select_for_update().get(pk=term.pk)
    stored.keywords = keywords
    stored.save(update_fields=["keywords"])
    transaction.on_commit(classification.clear)
    return stored


def seed_national_term_keywords() -> int:
    """Give terms without words the national word list (reference_data.TERM_KEYWORDS)."""
    filled = reference_data.seed_term_keywords(TaxonomyTerm)
    classification.clear()
    return filled


# --- Translations of an offer's title and summary (docs/public-site.md, "Talen") ---


def save_offer_translations(offer: Offer, texts: dict[str, tuple[str, str]]) -> None:
    """Stores a library's translations of an offer's title and summary, per language code of
    translation_languages(). An empty title removes that language's translation. A summary
    without a title is refused: the page would show a Dutch title above a translated summary."""
    allowed = dict(translation_languages())
    errors = {}
    for code, (title, summary) in texts.items():
        if code not in allowed:
            raise ValidationError(_("Deze taal kan niet."))
        if summary.strip() and not title.strip():
            errors[f"title_{code}"] = _("Vul ook de titel in deze taal in.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for code, (title, summary) in texts.items():
            if not title.strip():
                OfferTranslation.objects.filter(offer=offer, language=code).delete()
                continue
            OfferTranslation.objects.update_or_create(
                offer=offer,
                language=code,
                defaults={"title": title.strip(), "summary": summary.strip()},
            )
        # Residents also find an offer by its translated title and summary.
        _reindex(offer.pk)
