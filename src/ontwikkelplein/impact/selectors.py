"""Reads of the impact app: runs in a user's scope, and the results of the questionnaires as
aggregates (per run, per library, per POI region, for the country).

The small-group rule: every result rests on at least SMALL_GROUP respondents. A list's column
("voor", "na", "gepaard") is hidden when fewer people filled it in, and so is every item share
with a smaller base. The rule holds at every level, also for the KB. Nothing here returns a
card, a code or a single response."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.http import Http404

from ontwikkelplein.core.figures.charts import Bar, Chart
from ontwikkelplein.core.figures.periods import Window
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.figures.vocabulary import SMALL_COUNT_LIMIT, SMALL_TEXT
from ontwikkelplein.courses.models import Run
from ontwikkelplein.impact.models import Answer, ItemKind, Moment, Question, QuestionSet, Value
from ontwikkelplein.organisations import scoping

SMALL_GROUP = SMALL_COUNT_LIMIT


def own_runs(user) -> QuerySet[Run]:
    """Runs whose detail (per-run numbers, cards, stories) the user may see: those of the
    user's own organisations. POI advisers and the KB see aggregates only."""
    return Run.objects.filter(organisation__in=scoping.own_organisations(user)).select_related(
        "offer", "organisation", "location"
    )


def run_for_user(user, run_id) -> Run:
    run = own_runs(user).filter(pk=run_id).first()
    if run is None:
        raise Http404
    return run


def runs_in_scope(scope: Scope) -> QuerySet[Run]:
    """The runs of a figures scope (organisations/figures.py): own, region or the country."""
    return Run.objects.filter(**scope.filter("organisation_id"))


# --- Results ----------------------------------------------------------------------------------


@dataclass
class Share:
    """The share of answers "ja" / "ik kan dit zelf" among `base` answers."""

    yes: int
    base: int
    hidden: bool = False

    @property
    def percent(self) -> int | None:
        if self.hidden or not self.base:
            return None
        return round(100 * self.yes / self.base)

    @property
    def display(self) -> str:
        if self.hidden:
            return SMALL_TEXT
        if not self.base:
            return "–"
        return f"{self.percent}%"

    @property
    def export_value(self) -> int | str:
        """The percentage as a number for a spreadsheet, or the text that stands in for it."""
        return self.percent if self.percent is not None else self.display


@dataclass
class ItemResult:
    question: Question
    before: Share
    after: Share
    pair_before: Share  # among the pairs: the share before ...
    pair_after: Share  # ... and after
    improved: Share  # the share of pairs whose answer went up

    @property
    def change_display(self) -> str:
        if self.pair_before.percent is None or self.pair_after.percent is None:
            return self.pair_after.display if self.pair_after.hidden else "–"
        change = self.pair_after.percent - self.pair_before.percent
        return f"{change:+d} %-punt"

    @property
    def kind_label(self) -> str:
        return str(ItemKind(self.question.kind).label)


@dataclass
class SetResult:
    question_set: QuestionSet
    respondents_before: int
    respondents_after: int
    pairs: int
    items: list[ItemResult] = field(default_factory=list)

    @property
    def after_only(self) -> bool:
        """A short after-only list: only "after" numbers, no before and no pairs."""
        return self.question_set.after_only

    @property
    def before_hidden(self) -> bool:
        return self.respondents_before < SMALL_GROUP

    @property
    def after_hidden(self) -> bool:
        return self.respondents_after < SMALL_GROUP

    @property
    def pairs_hidden(self) -> bool:
        return self.pairs < SMALL_GROUP

    @property
    def all_hidden(self) -> bool:
        if self.after_only:
            return self.after_hidden
        return self.before_hidden and self.after_hidden

    def count(self, which: str) -> int:
        return {"before": self.respondents_before, "after": self.respondents_after}.get(
            which, self.pairs
        )

    def count_display(self, which: str) -> str:
        return SMALL_TEXT if self.count(which) < SMALL_GROUP else str(self.count(which))

    def count_export(self, which: str) -> int | str:
        return SMALL_TEXT if self.count(which) < SMALL_GROUP else self.count(which)

    # For templates, which cannot pass an argument.
    @property
    def before_display(self) -> str:
        return self.count_display("before")

    @property
    def after_display(self) -> str:
        return self.count_display("after")

    @property
    def pairs_display(self) -> str:
        return self.count_display("pairs")

    def chart(self) -> Chart:
        """Bars for the chart (core/figures/charts.py): the share "ja" after, with the share
        before as the smaller bar, per item. A hidden share gets no bar."""
        bars = [
            Bar(
                label=item.question.text,
                text=item.after.display,
                width=round(0.8 * (item.after.percent or 0)),
                previous_text=item.before.display,
                previous_width=round(0.8 * (item.before.percent or 0)),
            )
            for item in self.items
            if item.question.kind != ItemKind.SATISFACTION
        ]
        return Chart(bars=bars, measure="yes", measure_label="", compared=True)


def _share(yes: int, base: int) -> Share:
    return Share(yes, base, hidden=0 < base < SMALL_GROUP)


def results(runs: QuerySet | list, window: Window | None = None) -> list[SetResult]:
    """The results of every questionnaire used by `runs`, added up over the runs; with a window,
    only questionnaires filled in on its days (a pair needs both inside it). Only counts leave
    this function; cards are used inside it to pair before and after."""
    answers = Answer.objects.filter(response__card__run__in=runs)
    if window is not None:
        answers = answers.filter(
            response__submitted_on__gte=window.start, response__submitted_on__lte=window.end
        )
    rows = answers.values_list(
        "response__card_id",
        "response__moment",
        "response__question_set_id",
        "question_id",
        "value",
    )
    respondents: dict[int, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    values: dict[int, dict[str, dict]] = defaultdict(lambda: defaultdict(dict))
    for card_id, moment, set_id, question_id, value in rows.iterator():
        respondents[set_id][moment].add(card_id)
        values[question_id][moment][card_id] = value
    if not respondents:
        return []
    sets = QuestionSet.objects.in_bulk(list(respondents))
    questions = Question.objects.filter(pk__in=list(values)).order_by(
        "question_set__order", "order", "pk"
    )
    by_set: dict[int, list[Question]] = defaultdict(list)
    for question in questions:
        by_set[question.question_set_id].append(question)

    out = []
    for set_id, question_set in sorted(sets.items(), key=lambda kv: (kv[1].order, kv[1].name)):
        before_cards = respondents[set_id][Moment.BEFORE]
        after_cards = respondents[set_id][Moment.AFTER]
        result = SetResult(
            question_set,
            respondents_before=len(before_cards),
            respondents_after=len(after_cards),
            pairs=len(before_cards & after_cards),
        )
        for question in by_set[set_id]:
            before = values[question.pk][Moment.BEFORE]
            after = values[question.pk][Moment.AFTER]
            paired = before.keys() & after.keys()
            yes = Value.YES
            item = ItemResult(
                question,
                before=_share(sum(v == yes for v in before.values()), len(before)),
                after=_share(sum(v == yes for v in after.values()), len(after)),
                pair_before=_share(sum(before[c] == yes for c in paired), len(paired)),
                pair_after=_share(sum(after[c] == yes for c in paired), len(paired)),
                improved=_share(sum(after[c] > before[c] for c in paired), len(paired)),
            )
            # A column of a group under the limit is hidden as a whole.
            if result.before_hidden:
                item.before.hidden = True
            if result.after_hidden:
                item.after.hidden = True
            if result.pairs_hidden:
                item.pair_before.hidden = item.pair_after.hidden = item.improved.hidden = True
            result.items.append(item)
        out.append(result)
    return out


def runs_with_measurement(runs: QuerySet) -> QuerySet[Run]:
    """Runs with their questionnaires and the number of cards made."""
    return (
        runs.select_related("offer", "organisation", "impact__before_set", "impact__after_set")
        .annotate(card_count=Count("impact_cards"))
        .order_by("-created_at")
    )
