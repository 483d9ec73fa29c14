"""Anonymous wegwijzer path counts for the demo (the last 60 days), so that its figures page
(/beheer/wegwijzer/cijfers/) shows finished paths and unmet need. Drawn from a fixed random seed
and written as day totals (set, not added), so loading the demo again gives the same numbers."""

import datetime
import random
from collections import Counter

from django.db import transaction

from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.wayfinder.models import Channel, PathCount, QuestionKind, Version

SEED = 13
DAYS = 60


@transaction.atomic
def load_wayfinder_paths(today: datetime.date, days: int = DAYS) -> int:
    version = Version.objects.filter(number=1).first()
    if version is None:
        return 0
    answers = {
        q.kind: [(a.key, [t.code for t in a.themes.all()]) for a in q.answers.all()]
        for q in version.questions.prefetch_related("answers__themes")
    }
    if not answers.get(QuestionKind.NEED):
        return 0
    codes = sorted(
        {
            c
            for c in Organisation.objects.filter(kind=OrganisationKind.LIBRARY).values_list(
                "municipalities__code", flat=True
            )
            if c
        }
    )
    rng = random.Random(SEED)
    counts = Counter()
    start = today - datetime.timedelta(days=days - 1)
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        for code in codes:
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                need, themes = rng.choice(answers[QuestionKind.NEED])
                for_whom = rng.choice(answers.get(QuestionKind.FOR_WHOM) or [("", [])])[0]
                how = rng.choice(answers.get(QuestionKind.HOW) or [("", [])])[0]
                channel = Channel.REFERRER if rng.random() < 0.25 else Channel.RESIDENT
                found = rng.random() < 0.8
                key = (day, channel, need, themes[0] if themes else "", for_whom, how, code, found)
                counts[key] += 1
    PathCount.objects.filter(day__gte=start, day__lte=today, version_number=1).delete()
    PathCount.objects.bulk_create(
        PathCount(
            day=day,
            channel=channel,
            version_number=1,
            need=need,
            theme=theme,
            for_whom=for_whom,
            how=how,
            municipality_code=code,
            town="",
            found_nearby=found,
            count=count,
        )
        for (day, channel, need, theme, for_whom, how, code, found), count in counts.items()
    )
    return sum(counts.values())
