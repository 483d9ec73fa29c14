"""What the address of a figures page asks for, checked, and what the shared templates need
(core/templates/core/figures/). Every figures page reads ?niveau=, ?periode= and ?datum= here;
a page's own parameters (a direction, a location) pass through `extra`.

A level the user may not use answers 404; a period or date that cannot be read falls back to
today's month with a notice, so no address ever gives a server error."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import Http404
from django.utils import timezone

from ontwikkelplein.core.figures import periods as period_module
from ontwikkelplein.core.figures.periods import EARLIEST, LATEST, Comparison, Period, PeriodKind
from ontwikkelplein.core.figures.scope import Scope, choose
from ontwikkelplein.core.figures.vocabulary import (
    DATE_PARAM,
    FORMAT_PARAM,
    LEGACY_LEVEL_PARAMS,
    LEGACY_LEVEL_VALUES,
    LEVEL_PARAM,
    PERIOD_PARAM,
    small_count_note,
)


def requested_level(params) -> str:
    """The level named by the address: ?niveau=, or the older ?weergave=."""
    value = (params.get(LEVEL_PARAM) or "").strip()
    if not value:
        for name in LEGACY_LEVEL_PARAMS:
            value = (params.get(name) or "").strip()
            if value:
                break
    return LEGACY_LEVEL_VALUES.get(value, value)


@dataclass
class FigureRequest:
    scopes: list[Scope]
    scope: Scope
    period: Period
    comparison: Comparison
    today: datetime.date
    extra: dict = field(default_factory=dict)  # the page's own parameters, already checked
    notices: list[str] = field(default_factory=list)
    # Page parameters the period form shows as fields of its own (not as hidden fields).
    form_fields: tuple = ()

    @property
    def level(self) -> str:
        return self.scope.level

    def params(self, **changes) -> dict:
        """The address parameters of this request, with changes (None removes one)."""
        params = {
            LEVEL_PARAM: self.scope.level,
            PERIOD_PARAM: self.period.kind,
            DATE_PARAM: self.period.start.isoformat(),
            **self.extra,
        }
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return params

    def query(self, **changes) -> str:
        return "?" + urlencode(self.params(**changes))

    def export_url(self, base: str, fmt: str, **changes) -> str:
        return base + self.query(**{FORMAT_PARAM: fmt, **changes})

    def context(self) -> dict:
        """Everything the shared templates need: the level picker, the period picker and the
        small-count note."""
        period, today = self.period, self.today
        previous, following = period.previous(), period.next()
        this_period = Period.containing(period.kind, today)
        comparison = self.comparison
        return {
            "figure_request": self,
            "scope": self.scope,
            "level": self.scope.level,
            "levels": [
                (
                    s.level,
                    s.level_label,
                    "?" + urlencode({LEVEL_PARAM: s.level, PERIOD_PARAM: period.kind}),
                )
                for s in self.scopes
            ],
            "period": period,
            "comparison": comparison,
            "period_kinds": PeriodKind.choices,
            "notices": self.notices,
            "hidden_params": sorted(
                (k, v)
                for k, v in self.params().items()
                if k not in (PERIOD_PARAM, DATE_PARAM, *self.form_fields)
            ),
            "previous_url": (
                self.query(**{DATE_PARAM: previous.start.isoformat()})
                if previous.end >= EARLIEST
                else ""
            ),
            "next_url": (
                self.query(**{DATE_PARAM: following.start.isoformat()})
                if following.start <= LATEST
                else ""
            ),
            "previous_label": previous.label,
            "next_label": following.label,
            "this_period_url": (
                self.query(**{DATE_PARAM: today.isoformat()}) if this_period != period else ""
            ),
            "is_running": comparison.partial,
            "suppressed": self.scope.suppress,
            "small_count_note": small_count_note(),
        }


def figure_request(
    params,
    scopes: list[Scope],
    *,
    extra: dict | None = None,
    compare: bool = True,
    today: datetime.date | None = None,
    default_kind: str = PeriodKind.MONTH,
) -> FigureRequest:
    """Reads ?niveau=, ?periode= and ?datum= against the user's scopes (from
    organisations/figures.py). Raises Http404 for a level the user may not use."""
    scope = choose(scopes, requested_level(params))
    if scope is None:
        raise Http404
    today = today or timezone.localdate()
    period, notices = period_module.parse(
        params.get(PERIOD_PARAM), params.get(DATE_PARAM), today, default_kind
    )
    comparison = period_module.compare(period, today, enabled=compare)
    return FigureRequest(scopes, scope, period, comparison, today, dict(extra or {}), notices)
