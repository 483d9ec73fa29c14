"""Search over published offers: one module, two engines (SQLite FTS5 and PostgreSQL full text).
INTERFACE STUB: the real implementation replaces the bodies; the signatures are the contract."""

from dataclasses import dataclass, field

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.organisations.models import Location


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    themes: tuple[str, ...] = ()  # TaxonomyTerm codes
    target_groups: tuple[str, ...] = ()
    offer_types: tuple[str, ...] = ()
    free_only: bool = False
    walk_in_only: bool = False
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    origin: tuple[float, float] | None = None  # (latitude, longitude)
    radius_km: float | None = None
    page: int = 1
    per_page: int = 20


@dataclass
class SearchHit:
    offer: Offer
    distance_km: float | None = None
    nearest_location: Location | None = None


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    corrections: dict[str, str] = field(default_factory=dict)  # typed word -> word searched

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def search(params: SearchParams) -> SearchResults:
    raise NotImplementedError


def index_offer(offer_id) -> None:
    """(Re)index one offer; removes it from the index when it is not published."""


def rebuild_index() -> int:
    """Reindex every published offer; returns how many were indexed."""
    return 0
