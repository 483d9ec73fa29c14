"""Demo front-desk registrations, so the figures pages have something to show after `make run`.

About a year and a month of registrations for every demo library, drawn from a fixed random seed
with the shares a real IDO sees (mostly DigiD at the balie). They go through
`desk.services.register_contact`, so the roll-ups are exactly what real registrations give; each
has a fixed client reference, so loading again stores nothing twice."""

import datetime
import random
import zoneinfo

from django.conf import settings

from ontwikkelplein.demo import data
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.desk.models import Agency, Topic
from ontwikkelplein.desk.services import ContactData, QuestionData, register_contact
from ontwikkelplein.organisations.models import Location, Organisation

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DAYS = 400
SEED = 20261121

CHANNELS = [("desk", 60), ("appointment", 20), ("phone", 10), ("online", 5), ("outreach", 5)]
QUESTIONS_PER_CONTACT = [(1, 75), (2, 18), (3, 7)]
# (topic code, category, agency code, weight)
TOPICS = [
    ("digid-aanvragen", "digital_government", "gemeente", 14),
    ("digid-activeren", "digital_government", "gemeente", 10),
    ("digid-app", "digital_government", "gemeente", 8),
    ("digid-machtigen", "digital_government", "svb", 5),
    ("mijnoverheid", "digital_government", "gemeente", 8),
    ("toeslagen", "digital_government", "toeslagen", 8),
    ("belastingaangifte", "digital_government", "belastingdienst", 7),
    ("aow-pensioen", "digital_government", "svb", 4),
    ("uitkering-werk", "digital_government", "uwv", 4),
    ("zorg", "digital_government", "zorgverzekeraar", 4),
    ("studiefinanciering", "digital_government", "duo", 2),
    ("boetes", "digital_government", "cjib", 2),
    ("rijbewijs-voertuig", "digital_government", "rdw", 3),
    ("wonen-huur", "other", "woningcorporatie", 3),
    ("gemeentelijke-voorzieningen", "digital_government", "gemeente", 4),
    ("apparaat", "library", "", 8),
    ("veilig-internet", "library", "bank", 3),
    ("overig", "other", "", 3),
]
HELP = [
    (["digital_contact"], 55),
    (["provider_info"], 15),
    (["digital_society"], 8),
    (["course"], 8),
    (["provider_info", "referral"], 14),
]
ROLES = ["ido", "specialist_basic_skills", "taalhuis", "belastinghulp"]
DURATIONS = [("", 40), ("short", 35), ("medium", 20), ("long", 5)]
# Libraries are busy on weekdays, quieter on Saturday and mostly closed on Sunday.
PER_WEEKDAY = [3, 3, 2, 3, 2, 1, 0]


def _pick(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _question(rng: random.Random, topics, agencies) -> QuestionData:
    code, category, agency_code, _weight = rng.choices(TOPICS, [t[3] for t in TOPICS])[0]
    help_types = list(_pick(rng, HELP))
    question = QuestionData(
        category=category,
        help_types=help_types,
        topic=topics.get(code),
        agency=agencies.get(agency_code),
        duration=_pick(rng, DURATIONS),
        low_literacy_signal=rng.random() < 0.04,
    )
    if "referral" in help_types:
        question.referral_target = "colleague"
        question.referred_role = rng.choice(ROLES)
    return question


def load_desk_registrations(today: datetime.date, days: int | None = None) -> int:
    """Register the demo contacts of the last `days` days (settings.DEMO_DESK_DAYS, else DAYS;
    the test suite uses a few weeks); returns how many were new."""
    if days is None:
        days = getattr(settings, "DEMO_DESK_DAYS", DAYS)
    rng = random.Random(SEED)
    topics = {t.code: t for t in Topic.objects.all()}
    agencies = {a.code: a for a in Agency.objects.all()}
    created = 0
    for spec in data.LIBRARIES:
        organisation = Organisation.objects.get(pk=demo_uuid("organisation", spec["key"]))
        # The main branch first: most visitors come there.
        ids = [
            demo_uuid("location", spec[k]) for k in ("main", "second", "community") if spec.get(k)
        ]
        found = Location.objects.in_bulk(ids)
        locations = [found[i] for i in ids if i in found]
        if not locations:
            continue
        for offset in range(days, 0, -1):
            day = today - datetime.timedelta(days=offset)
            for index in range(rng.randint(0, PER_WEEKDAY[day.weekday()] * 2)):
                moment = datetime.datetime.combine(
                    day, datetime.time(9 + rng.randint(0, 7), rng.randint(0, 59)), AMSTERDAM
                )
                count = _pick(rng, QUESTIONS_PER_CONTACT)
                contact = ContactData(
                    organisation=organisation,
                    location=locations[0] if rng.random() < 0.7 else rng.choice(locations),
                    channel=_pick(rng, CHANNELS),
                    questions=[_question(rng, topics, agencies) for _ in range(count)],
                    registered_at=moment,
                    client_reference=demo_uuid("contact", f"{spec['key']}-{day}-{index}"),
                )
                _contact, was_new = register_contact(contact, source="demo", check_time=False)
                created += was_new
    return created
