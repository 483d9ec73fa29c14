"""Whose numbers a figures page shows: the own organisation(s), the POI's region or the whole
country. Core imports no domain app, so the organisations come in as ids; the one place that
turns a user into scopes is organisations/figures.py (through organisations/scoping.py), so a
level means the same on every page."""

from dataclasses import dataclass

from ontwikkelplein.core.figures.vocabulary import Level


@dataclass(frozen=True)
class Scope:
    level: str
    label: str  # the name shown: the organisation, the POI(s), or "Heel Nederland"
    organisation_ids: frozenset | None = None  # None: the whole country

    @property
    def suppress(self) -> bool:
        """Staff see their own organisation exactly; upward levels never see small counts."""
        return self.level != Level.OWN

    @property
    def level_label(self) -> str:
        return str(Level(self.level).label)

    @property
    def is_country(self) -> bool:
        return self.organisation_ids is None

    def includes(self, organisation_id) -> bool:
        return self.organisation_ids is None or organisation_id in self.organisation_ids

    def filter(self, field: str = "organisation_id") -> dict:
        """Keyword arguments for a queryset filter on an organisation foreign key."""
        if self.organisation_ids is None:
            return {}
        return {f"{field}__in": self.organisation_ids}


def choose(scopes: list[Scope], level: str | None) -> Scope | None:
    """The scope of the level asked for (the first, most local one when none is asked for), or
    None when the user may not use that level."""
    if not scopes:
        return None
    if not level:
        return scopes[0]
    return next((s for s in scopes if s.level == level), None)
