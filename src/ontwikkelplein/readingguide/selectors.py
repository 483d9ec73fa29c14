"""Reads of the leeswijzer: which table a library uses, and the answer to a question."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from ontwikkelplein.catalogue.search import SearchParams, search
from ontwikkelplein.core.translations import DEFAULT_LANGUAGE
from ontwikkelplein.readingguide import query
from ontwikkelplein.readingguide.models import Label, LabelTable

# What the catalogue offers near by for an age: words for the search and its target groups.
NEAR_KM = 25
ACTIVITY_THEME = "kinderen-lezen-en-cultuur"
YOUNG = ("kinderen-0-4", "ouders-jonge-kinderen")
SCHOOL = ("schoolkinderen",)


def national_table() -> LabelTable | None:
    return LabelTable.objects.filter(national=True).first()


def own_table(organisation) -> LabelTable | None:
    if organisation is None:
        return None
    return LabelTable.objects.filter(organisation=organisation).first()


def table_for(organisation) -> LabelTable | None:
    """The library's own table, else the national one (None when even that is missing)."""
    return own_table(organisation) or national_table()


def labels(table: LabelTable | None, language: str = DEFAULT_LANGUAGE) -> list[Label]:
    """The table's labels, each with `shown`: its texts in `language` (Label.texts), the Dutch
    where a translation is empty. The desk keeps Dutch; the resident page asks its language."""
    if table is None:
        return []
    found = list(table.labels.all())
    for label in found:
        label.shown = label.texts(language)
    return found


def tables_with_labels():
    return LabelTable.objects.prefetch_related(Prefetch("labels", Label.objects.all()))


@dataclass
class Answer:
    question: query.Question
    labels: list[Label] = field(default_factory=list)

    @property
    def understood(self) -> bool:
        return bool(self.question.kind)

    @property
    def asked(self) -> bool:
        return bool(self.question.text)


def answer(table: LabelTable | None, text, language: str = DEFAULT_LANGUAGE) -> Answer:
    """The labels for what was typed: by age, AVI level or code, in the table's order, with their
    texts in `language`."""
    all_labels = labels(table, language)
    question = query.parse(text, [label.code for label in all_labels])
    if question.kind == query.AGE:
        found = [label for label in all_labels if label.fits_age(question.age)]
    elif question.kind == query.AVI:
        found = [label for label in all_labels if question.avi in label.avi_list]
    elif question.kind == query.CODE:
        found = [label for label in all_labels if label.code.upper() == question.code]
    else:
        found = []
    return Answer(question, found)


def activity_search(answer: Answer) -> tuple[str, tuple[str, ...]]:
    """Words and target groups to find the catalogue's activities for this answer: BoekStart
    and the voorleesuurtje for the youngest, VoorleesExpress and reading for school children."""
    ages = [label.age_from for label in answer.labels]
    age = answer.question.age if answer.question.age is not None else (min(ages) if ages else 4)
    if age <= 3:
        return "boekstart voorlezen voorleesuurtje dreumesuurtje", YOUNG
    if age <= 12:
        return "voorlezen voorleesexpress voorleesuurtje leesplezier", SCHOOL + YOUNG
    return "lezen leesplezier boeken", ()


def activities(answer: Answer, origin=None, limit: int = 4) -> list:
    """The catalogue's reading activities for this age, the nearest first when `origin`
    (latitude, longitude) is known. Search hits (catalogue.search.SearchHit)."""
    if not answer.labels:
        return []
    words, target_groups = activity_search(answer)
    params = SearchParams(
        text=words,
        themes=(ACTIVITY_THEME,),
        origin=origin,
        radius_km=NEAR_KM if origin else None,
        per_page=limit,
    )
    hits = search(params).hits
    if target_groups:
        wanted = set(target_groups)
        fitting = [h for h in hits if wanted & {t.code for t in h.offer.target_groups.all()}]
        hits = fitting or hits
    return hits
