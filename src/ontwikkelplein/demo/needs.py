"""The demo's neighbourhood needs (/beheer/behoeften/, docs/community.md): for Bibliotheek
Eemland, notes staff took from conversations, three people on the waiting list of the next
Digisterker series, and national searches without results. The desk questions, wegwijzer paths
and referrals come from their own demo modules.

The public figures are DEMO FIGURES, not official ones: made up per demo municipality and
stored with the source "Demo-cijfer, geen officiële bron", shown beside every number. Real
figures are loaded with `manage.py load_public_figures` (needs/data/README.md)."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm, UnmatchedSearch
from ontwikkelplein.courses.models import EnrolmentStatus, Run
from ontwikkelplein.demo import data
from ontwikkelplein.demo.courses import _enrolment
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.needs.models import Indicator, NeedNote, PublicFigure
from ontwikkelplein.organisations.models import Membership
from ontwikkelplein.places.models import Municipality

SEED = 17
DEMO_SOURCE = "Demo-cijfer, geen officiële bron"
DEMO_LICENCE = "Demo, niet voor gebruik buiten de demo"

# (days ago, municipality code or "", theme code or "", text)
NOTES = [
    (
        12,
        "GM0307",
        "digitale-overheid",
        "Bij het wijkteam in Schothorst horen ze vaak dat ouderen hun DigiD kwijt zijn en "
        "niet weten hoe ze de toeslagen moeten wijzigen. Het inloopspreekuur zit vol.",
    ),
    (
        26,
        "GM0307",
        "nederlands-leren",
        "Het buurthuis vraagt om een taalcafé op zaterdag: wie werkt, kan doordeweeks niet.",
    ),
    (
        45,
        "GM0327",
        "geldzaken",
        "De voedselbank in Leusden merkt dat veel bezoekers hun post niet begrijpen. Er is in "
        "Leusden geen hulp bij formulieren in de bibliotheek.",
    ),
    (
        70,
        "",
        "rekenen",
        "Het ROC ziet cursisten die vastlopen op rekenen in het dagelijks leven; een "
        "rekencursus voor volwassenen is er nu niet.",
    ),
    (
        95,
        "GM0307",
        "opvoeden-en-gezin",
        "Het consultatiebureau vraagt of er voorleesochtenden kunnen komen voor ouders die "
        "zelf moeite hebben met lezen.",
    ),
    (
        140,
        "",
        "",
        "Een huisarts noemde dat mensen met weinig geld de weg naar de bibliotheek niet vinden; "
        "bekendheid bij de huisartsen kan beter.",
    ),
]

WAITING = [
    ("Samira El Idrissi", "0612345671", ""),
    ("Henk Jansen", "", "henk.jansen@example.org"),
    ("Olena Kovalenko", "0612345673", ""),
]

UNMATCHED = [
    ("cursus arabisch lezen", 14),
    ("hulp belastingaangifte pools", 11),
    ("rekenen voor volwassenen", 9),
    ("taalles zaterdag", 7),
    ("schuldhulp", 6),
]


def _theme(code):
    if not code:
        return None
    return TaxonomyTerm.objects.filter(taxonomy__slug=Taxonomy.THEME, code=code).first()


@transaction.atomic
def load_needs(today: datetime.date) -> int:
    """Returns the number of notes of the demo library."""
    user = get_user_model().objects.filter(username="specialist").first()
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    if membership is None:
        return 0
    library = membership.organisation
    municipalities = {m.code: m for m in Municipality.objects.all()}
    for n, (days, code, theme, text) in enumerate(NOTES):
        NeedNote.objects.update_or_create(
            pk=demo_uuid("need-note", f"{library.pk}:{n}"),
            defaults={
                "organisation": library,
                "municipality": municipalities.get(code),
                "theme": _theme(theme),
                "text": text,
                "noted_on": today - datetime.timedelta(days=days),
                "author": user,
            },
        )
    run = Run.objects.filter(pk=demo_uuid("course-run", "eemland:digisterker:next")).first()
    if run is not None:
        for n, person in enumerate(WAITING, start=20):
            _enrolment(run, "eemland:digisterker:next", n, EnrolmentStatus.WAITING, person)
    for phrase, count in UNMATCHED:
        UnmatchedSearch.objects.update_or_create(phrase=phrase, defaults={"count": count})
    _load_figures(today, municipalities)
    return len(NOTES)


def _load_figures(today, municipalities) -> None:
    """Made-up figures for the demo libraries' municipalities, clearly labelled as such."""
    rng = random.Random(SEED)
    codes = sorted({code for spec in data.LIBRARIES for code in spec.get("municipalities", [])})
    ranges = {
        Indicator.LOW_LITERACY: (8, 16),
        Indicator.LOW_DIGITAL: (12, 22),
        Indicator.LOW_NUMERACY: (14, 24),
    }
    for code in codes:
        municipality = municipalities.get(code)
        if municipality is None:
            continue
        for indicator, (low, high) in ranges.items():
            PublicFigure.objects.update_or_create(
                municipality=municipality,
                indicator=indicator,
                year=today.year - 1,
                defaults={
                    "value": Decimal(str(round(rng.uniform(low, high), 1))),
                    "source": DEMO_SOURCE,
                    "licence": DEMO_LICENCE,
                },
            )
