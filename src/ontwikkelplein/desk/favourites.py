"""Favourites of the desk screen: one tap registers a complete contact with one question.

A favourite is data: a default set for the questions every IDO sees most, the user's own most
frequent one-question registrations of late, and "Zelfde als vorige" (the user's latest
registration once more). Each has a key that the screen posts back; `questions_for` turns a key
into QuestionData again, so nothing the browser sends is trusted beyond a key."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ontwikkelplein.desk.models import Agency, Category, HelpType, Topic
from ontwikkelplein.desk.screen_selectors import last_contact, recent_single_questions
from ontwikkelplein.desk.services import QuestionData

SAME_AS_LAST = "zelfde"
OWN_PREFIX = "eigen:"
# A combination the user registered at least this often recently becomes their favourite.
OWN_MIN_COUNT = 3
OWN_MAX = 3


@dataclass(frozen=True)
class Default:
    key: str
    label: object
    category: str
    help_types: tuple[str, ...]
    agency: str = ""  # Agency code
    topic: str = ""  # Topic code


DEFAULTS = [
    Default(
        "digid-aanvragen",
        _("DigiD aanvragen"),
        Category.DIGITAL_GOVERNMENT,
        (HelpType.DIGITAL_CONTACT,),
        topic="digid-aanvragen",
    ),
    Default(
        "digid-activeren",
        _("DigiD activeren"),
        Category.DIGITAL_GOVERNMENT,
        (HelpType.DIGITAL_CONTACT,),
        topic="digid-activeren",
    ),
    Default(
        "toeslagen",
        _("Toeslagen"),
        Category.DIGITAL_GOVERNMENT,
        (HelpType.DIGITAL_CONTACT,),
        agency="toeslagen",
        topic="toeslagen",
    ),
    Default(
        "belastingaangifte",
        _("Belastingaangifte"),
        Category.DIGITAL_GOVERNMENT,
        (HelpType.DIGITAL_CONTACT,),
        agency="belastingdienst",
        topic="belastingaangifte",
    ),
    Default(
        "apparaat",
        _("Apparaat gebruiken"),
        Category.OTHER,
        (HelpType.DIGITAL_SOCIETY,),
        topic="apparaat",
    ),
    Default("bibliotheek", _("Bibliotheekvraag"), Category.LIBRARY, (HelpType.PROVIDER_INFO,)),
]

# Short words for the line under a favourite's name.
HELP_SHORT = {
    HelpType.DIGITAL_CONTACT: _("ter plekke geholpen"),
    HelpType.COURSE: _("naar een cursus begeleid"),
    HelpType.DIGITAL_SOCIETY: _("uitleg gegeven"),
    HelpType.PROVIDER_INFO: _("informatie gegeven"),
    HelpType.REFERRAL: _("doorverwezen"),
}


@dataclass
class Favourite:
    key: str
    label: str
    description: str
    questions: list[QuestionData] = field(default_factory=list)


def _describe(help_types) -> str:
    return ", ".join(str(HELP_SHORT[h]) for h in help_types if h in HELP_SHORT)


def _defaults() -> list[Favourite]:
    agencies = {a.code: a for a in Agency.objects.filter(is_active=True)}
    topics = {t.code: t for t in Topic.objects.filter(is_active=True)}
    favourites = []
    for default in DEFAULTS:
        agency = agencies.get(default.agency) if default.agency else None
        topic = topics.get(default.topic) if default.topic else None
        if (default.agency and agency is None) or (default.topic and topic is None):
            continue  # the KB retired a term this favourite uses
        question = QuestionData(
            category=default.category,
            help_types=list(default.help_types),
            agency=agency,
            topic=topic,
        )
        favourites.append(
            Favourite(default.key, str(default.label), _describe(default.help_types), [question])
        )
    return favourites


def _signature(q) -> tuple:
    return (q.category, q.agency.pk if q.agency else 0, q.topic.pk if q.topic else 0) + tuple(
        sorted(q.help_types)
    )


def _own_key(signature: tuple) -> str:
    category, agency_id, topic_id, *help_types = signature
    return f"{OWN_PREFIX}{category}:{agency_id}:{topic_id}:{'+'.join(help_types)}"


def _question_label(q) -> str:
    if q.topic is not None:
        return q.topic.name
    if q.agency is not None:
        return q.agency.name
    return str(Category(q.category).label)


def _own(user, taken: set) -> list[Favourite]:
    """The user's frequent one-question registrations without a referral or extra details."""
    plain = [
        q
        for q in recent_single_questions(user)
        if not q.referral_target
        and not q.duration
        and not q.low_literacy_signal
        and (q.agency is None or q.agency.is_active)
        and (q.topic is None or q.topic.is_active)
    ]
    counts = Counter(_signature(q) for q in plain)
    examples = {}
    for q in plain:
        examples.setdefault(_signature(q), q)
    favourites = []
    for signature, count in counts.most_common():
        if count < OWN_MIN_COUNT or len(favourites) == OWN_MAX:
            break
        if signature in taken:
            continue
        q = examples[signature]
        details = [q.agency.name] if q.agency and q.topic else []
        favourites.append(
            Favourite(
                _own_key(signature),
                _question_label(q),
                ", ".join([*details, _describe(q.help_types)]),
                [_question_data(q)],
            )
        )
    return favourites


def _question_data(q) -> QuestionData:
    return QuestionData(
        category=q.category,
        help_types=list(q.help_types),
        agency=q.agency,
        topic=q.topic,
        referral_target=q.referral_target,
        referred_role=q.referred_role,
        referred_organisation=q.referred_organisation,
        referred_offer=q.referred_offer,
        duration=q.duration,
        low_literacy_signal=q.low_literacy_signal,
    )


def _same_as_last(user) -> Favourite | None:
    contact = last_contact(user)
    if contact is None:
        return None
    questions = list(contact.questions.all())
    if not questions:
        return None
    if len(questions) == 1:
        description = _question_label(questions[0])
    else:
        description = ngettext(
            "%(n)d vraag: %(first)s …", "%(n)d vragen: %(first)s …", len(questions)
        ) % {
            "n": len(questions),
            "first": _question_label(questions[0]),
        }
    return Favourite(
        SAME_AS_LAST,
        str(_("Zelfde als vorige")),
        description,
        [_question_data(q) for q in questions],
    )


def favourites_for(user) -> list[Favourite]:
    """The favourite buttons for `user`, in the order they are shown."""
    defaults = _defaults()
    taken = {_signature(f.questions[0]) for f in defaults}
    favourites = defaults + _own(user, taken)
    same = _same_as_last(user)
    if same is not None:
        favourites.append(same)
    return favourites


def questions_for(key: str, user) -> list[QuestionData] | None:
    """The questions a favourite key stands for, or None for a key that means nothing (now)."""
    if key == SAME_AS_LAST:
        same = _same_as_last(user)
        return same.questions if same else None
    if key.startswith(OWN_PREFIX):
        return _own_questions(key[len(OWN_PREFIX) :])
    for favourite in _defaults():
        if favourite.key == key:
            return favourite.questions
    return None


def _own_questions(value: str) -> list[QuestionData] | None:
    # Any well-formed combination is accepted: the services validate it like any other.
    parts = value.split(":")
    if len(parts) != 4:
        return None
    category, agency_id, topic_id, help_types = parts
    try:
        agency_id, topic_id = int(agency_id), int(topic_id)
    except ValueError:
        return None
    agency = Agency.objects.filter(pk=agency_id).first() if agency_id else None
    topic = Topic.objects.filter(pk=topic_id).first() if topic_id else None
    if (agency_id and agency is None) or (topic_id and topic is None):
        return None
    return [
        QuestionData(
            category=category,
            help_types=[h for h in help_types.split("+") if h],
            agency=agency,
            topic=topic,
        )
    ]


# --- Pre-filled questions: "Registreer deze vraag" on the leeswijzer, BoekStart and the catalogue
# search opens the desk screen at /balie/?vraag=<key> with one question block filled in, so the
# question is registered with one more tap (docs/desk-knowledge.md). Keys, not data, travel.

PREFILLS = {
    "leesadvies": Default(
        "leesadvies",
        _("Leesadvies (leeswijzer)"),
        Category.LIBRARY,
        (HelpType.PROVIDER_INFO,),
        topic="leesadvies",
    ),
    "boekstart": Default(
        "boekstart",
        _("BoekStart"),
        Category.LIBRARY,
        (HelpType.PROVIDER_INFO,),
        topic="boekstart",
    ),
    "aanbod": Default(
        "aanbod",
        _("Aanbod gezocht en uitgelegd"),
        Category.OTHER,
        (HelpType.PROVIDER_INFO,),
    ),
    "leermiddel": Default(
        "leermiddel",
        _("Leermiddel gezocht en uitgelegd"),
        Category.LIBRARY,
        (HelpType.PROVIDER_INFO,),
    ),
}


def prefill_for(key) -> tuple[str, dict] | None:
    """(label, initial data of one question block) for a pre-fill key, or None for a key that
    means nothing (also when the KB retired its topic)."""
    default = PREFILLS.get(key) if isinstance(key, str) else None
    if default is None:
        return None
    initial = {"category": default.category, "help_types": list(default.help_types)}
    if default.topic:
        topic = Topic.objects.filter(code=default.topic, is_active=True).first()
        if topic is None:
            return None
        initial["topic"] = topic.pk
    return str(default.label), initial
