"""All writes of the wegwijzer: versions (draft, publish, retire), questions and answers, and the
anonymous count of finished paths. Bad input raises WayfinderError with a Dutch message."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.core.forms import FieldError
from ontwikkelplein.wayfinder import selectors
from ontwikkelplein.wayfinder.models import (
    ANSWER_TRANSLATION_COLUMNS,
    QUESTION_TRANSLATION_COLUMNS,
    Answer,
    Channel,
    PathCount,
    Question,
    QuestionKind,
    Version,
    VersionStatus,
)
from ontwikkelplein.wayfinder.reference_data import ICONS, QUESTIONS

MIN_ANSWERS = 2
MAX_ANSWERS = 12


class WayfinderError(FieldError):
    pass


# --- Versions ---


def seed_first_version(version_model, question_model, answer_model, term_model) -> None:
    """Version 1 from reference_data.QUESTIONS, published; nothing when any version exists.
    Takes the model classes so that the data migration can call it with historical models."""
    if version_model.objects.exists():
        return
    now = timezone.now()
    version = version_model.objects.create(
        number=1, status=VersionStatus.PUBLISHED, published_at=now
    )
    slugs = (Taxonomy.THEME, Taxonomy.TARGET_GROUP, Taxonomy.OFFER_TYPE)
    for kind, order, text, referrer_text, help_text, icon, answers in QUESTIONS:
        question = question_model.objects.create(
            version=version,
            kind=kind,
            order=order,
            text=text[0],
            text_en=text[1],
            referrer_text=referrer_text[0],
            referrer_text_en=referrer_text[1],
            help_text=help_text[0],
            help_text_en=help_text[1],
            icon=icon,
        )
        for position, (key, label, answer_icon, *codes) in enumerate(answers, start=1):
            answer = answer_model.objects.create(
                question=question,
                key=key,
                order=position,
                label=label[0],
                label_en=label[1],
                icon=answer_icon,
            )
            for field, slug, wanted in zip(
                ("themes", "target_groups", "offer_types"), slugs, codes, strict=True
            ):
                terms = term_model.objects.filter(taxonomy__slug=slug, code__in=wanted)
                getattr(answer, field).set(terms)


@transaction.atomic
def create_draft() -> Version:
    """A new draft, a copy of the published version (questions, answers and their mappings).
    There is at most one draft at a time."""
    if Version.objects.filter(status=VersionStatus.DRAFT).exists():
        raise WayfinderError(
            _("Er is al een concept. Werk dat bij of publiceer het eerst."), field=None
        )
    source = Version.objects.filter(status=VersionStatus.PUBLISHED).first()
    number = (Version.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = Version.objects.create(number=number, status=VersionStatus.DRAFT, based_on=source)
    if source is None:
        return draft
    for question in source.questions.prefetch_related(
        "answers__themes", "answers__target_groups", "answers__offer_types"
    ):
        answers = list(question.answers.all())
        copy = Question.objects.create(
            version=draft,
            kind=question.kind,
            order=question.order,
            text=question.text,
            text_en=question.text_en,
            referrer_text=question.referrer_text,
            referrer_text_en=question.referrer_text_en,
            help_text=question.help_text,
            help_text_en=question.help_text_en,
            icon=question.icon,
            **{name: getattr(question, name) for name in QUESTION_TRANSLATION_COLUMNS},
        )
        for answer in answers:
            new = Answer.objects.create(
                question=copy,
                key=answer.key,
                order=answer.order,
                label=answer.label,
                label_en=answer.label_en,
                icon=answer.icon,
                **{name: getattr(answer, name) for name in ANSWER_TRANSLATION_COLUMNS},
            )
            new.themes.set(answer.themes.all())
            new.target_groups.set(answer.target_groups.all())
            new.offer_types.set(answer.offer_types.all())
    return draft


def _require_draft(version: Version) -> None:
    if version.status != VersionStatus.DRAFT:
        raise WayfinderError(
            _("Alleen een concept kun je veranderen. Maak eerst een nieuw concept."), field=None
        )


def _check_icon(icon: str) -> None:
    if icon and icon not in ICONS:
        raise WayfinderError(_("Dit pictogram bestaat niet. Kies er een uit de lijst."), "icon")


def problems(version: Version) -> list[str]:
    """What stops a version from being published, in Dutch; empty when it may be."""
    found = []
    questions = list(version.questions.prefetch_related("answers"))
    kinds = [q.kind for q in questions]
    if QuestionKind.NEED not in kinds:
        found.append(_("De vraag 'Waar wil je hulp bij?' ontbreekt."))
    if QuestionKind.WHERE not in kinds:
        found.append(_("De vraag naar de postcode of woonplaats ontbreekt."))
    elif questions[-1].kind != QuestionKind.WHERE:
        found.append(_("De vraag naar de postcode of woonplaats moet de laatste vraag zijn."))
    for question in questions:
        if question.kind == QuestionKind.WHERE:
            continue
        count = len(question.answers.all())
        if count < MIN_ANSWERS:
            found.append(
                _("De vraag '%(question)s' heeft minstens %(min)s antwoorden nodig.")
                % {"question": question.text, "min": MIN_ANSWERS}
            )
    return found


@transaction.atomic
def publish(version: Version) -> Version:
    """Publish a draft; the published version retires. A retired version stays answerable for a
    resident who started on it."""
    version = Version.objects.select_for_update().get(pk=version.pk)
    _require_draft(version)
    found = problems(version)
    if found:
        raise WayfinderError(found, field=None)
    now = timezone.now()
    Version.objects.filter(status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.RETIRED, retired_at=now
    )
    version.status = VersionStatus.PUBLISHED
    version.published_at = now
    version.save(update_fields=["status", "published_at", "updated_at"])
    return version


@transaction.atomic
def delete_draft(version: Version) -> None:
    _require_draft(version)
    version.delete()


# --- Questions and answers (drafts only) ---


@transaction.atomic
def update_question(question: Question, **values) -> Question:
    """Change a draft's question: text, referrer_text, help_text (and their _en), the
    translations of text and help_text (QUESTION_TRANSLATION_COLUMNS), icon, order."""
    _require_draft(question.version)
    _check_icon(values.get("icon", question.icon))
    allowed = {
        "text",
        "text_en",
        "referrer_text",
        "referrer_text_en",
        "help_text",
        "help_text_en",
        "icon",
        "order",
        *QUESTION_TRANSLATION_COLUMNS,
    }
    for name, value in values.items():
        if name not in allowed:
            raise WayfinderError(_("Onbekend veld."), field=None)
        setattr(question, name, value.strip() if isinstance(value, str) else value)
    if question.kind == QuestionKind.WHERE and question.order < max(
        (q.order for q in question.version.questions.exclude(pk=question.pk)), default=0
    ):
        raise WayfinderError(
            _("De vraag naar de postcode of woonplaats blijft de laatste vraag."), "order"
        )
    question.save()
    return question


def _check_terms(themes, target_groups, offer_types) -> None:
    for field, slug, terms in (
        ("themes", Taxonomy.THEME, themes),
        ("target_groups", Taxonomy.TARGET_GROUP, target_groups),
        ("offer_types", Taxonomy.OFFER_TYPE, offer_types),
    ):
        for term in terms:
            if not isinstance(term, TaxonomyTerm) or term.taxonomy.slug != slug:
                raise WayfinderError(_("Deze term hoort niet bij deze lijst."), field)


@transaction.atomic
def save_answer(
    question: Question,
    *,
    answer: Answer | None = None,
    key: str,
    label: str,
    label_en: str = "",
    icon: str,
    order: int,
    themes=(),
    target_groups=(),
    offer_types=(),
    **translations: str,
) -> Answer:
    """Add an answer to a draft's question, or change one. `translations`: the label in the
    other resident languages (ANSWER_TRANSLATION_COLUMNS: label_ar, label_tr ...)."""
    _require_draft(question.version)
    if set(translations) - set(ANSWER_TRANSLATION_COLUMNS):
        raise WayfinderError(_("Onbekend veld."), field=None)
    if question.kind == QuestionKind.WHERE:
        raise WayfinderError(
            _("De vraag naar de plaats heeft geen antwoorden om uit te kiezen."), field=None
        )
    _check_icon(icon)
    _check_terms(themes, target_groups, offer_types)
    others = question.answers.exclude(pk=answer.pk if answer else None)
    if others.filter(key=key).exists():
        raise WayfinderError(_("Deze code gebruikt een ander antwoord al."), "key")
    if answer is None and others.count() >= MAX_ANSWERS:
        raise WayfinderError(
            _("Een vraag heeft hoogstens %(max)s antwoorden.") % {"max": MAX_ANSWERS}, field=None
        )
    if answer is None:
        answer = Answer(question=question)
    answer.key = key
    answer.label = label.strip()
    answer.label_en = label_en.strip()
    for name, value in translations.items():
        setattr(answer, name, (value or "").strip())
    answer.icon = icon
    answer.order = order
    answer.save()
    answer.themes.set(themes)
    answer.target_groups.set(target_groups)
    answer.offer_types.set(offer_types)
    return answer


@transaction.atomic
def delete_answer(answer: Answer) -> None:
    _require_draft(answer.question.version)
    answer.delete()


# --- Counting ---


def record_finished(*, channel: str, flow, answers, place, found_nearby: bool) -> None:
    """Counts a finished path of a published version (a draft being tried out is not counted):
    what the answers were and where, through record_path."""
    if flow.version.is_draft:
        return

    def key(kind) -> str:
        answer = answers.chosen.get(kind)
        return answer.key if answer is not None else ""

    record_path(
        channel=channel,
        version_number=flow.version.number,
        need=key(QuestionKind.NEED),
        theme=selectors.main_theme(answers),
        for_whom=key(QuestionKind.FOR_WHOM),
        how=key(QuestionKind.HOW),
        municipality_code=place.municipality_code,
        town="" if place.municipality_code else place.town,
        found_nearby=found_nearby,
    )


def record_path(
    *,
    channel: str,
    version_number: int,
    need: str,
    theme: str,
    for_whom: str,
    how: str,
    municipality_code: str,
    town: str,
    found_nearby: bool,
    day: datetime.date | None = None,
) -> None:
    """Adds one finished path to the day's count: a counter per combination, no person."""
    if channel not in Channel.values:
        raise WayfinderError(_("Onbekend kanaal."), field=None)
    day = day or timezone.localdate()
    keys = {
        "day": day,
        "channel": channel,
        "version_number": version_number,
        "need": need[:40],
        "theme": theme[:60],
        "for_whom": for_whom[:40],
        "how": how[:40],
        "municipality_code": municipality_code[:6],
        "town": town[:100],
        "found_nearby": found_nearby,
    }
    for _attempt in range(2):
        try:
            with transaction.atomic():
                updated = PathCount.objects.filter(**keys).update(count=F("count") + 1)
                if not updated:
                    PathCount.objects.create(**keys, count=1)
            return
        except IntegrityError:
            # Another request created the row between our update and insert: update it now.
            continue
    PathCount.objects.filter(**keys).update(count=F("count") + 1)
