"""The share of offers verified in the last six months (docs/offer-verification.md), at every
level of the figures engine (core/figures): the own organisation (a library), the POI's
region and the whole country, with a row per organisation. Counts of 1 to 4 are hidden above
the own organisation, with the complementary rule for the rows that add up to the total."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import formats
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.core.figures.cells import Cell, hide_small, protect_group
from ontwikkelplein.core.figures.scope import Scope
from ontwikkelplein.core.tabular import Sheet
from ontwikkelplein.verification.services import ASKED_STATUSES, months_before

# "Verified in the last six months" is fixed, so that figures compare between organisations
# whatever interval each has chosen.
WINDOW_MONTHS = 6


@dataclass
class ShareRow:
    label: str
    offers: Cell
    verified: Cell
    hidden: Cell  # hidden from residents because nobody confirmed them

    @property
    def share(self) -> str:
        """The share as "83%", or "" when a count it comes from is hidden or there are none."""
        if self.offers.hidden or self.verified.hidden or not self.offers.value:
            return ""
        percent = round(100 * self.verified.value / self.offers.value)
        return f"{formats.number_format(percent)}%"


@dataclass
class VerificationFigures:
    since: datetime.date
    total: ShareRow
    rows: list[ShareRow]


def figures(scope: Scope, *, today: datetime.date) -> VerificationFigures:
    since = months_before(today, WINDOW_MONTHS)
    offers = Offer.objects.filter(status__in=ASKED_STATUSES, **scope.filter())
    counts = (
        offers.values("organisation_id", "organisation__name")
        .annotate(
            offers=Count("pk"),
            verified=Count("pk", filter=Q(last_verified_on__gte=since)),
            hidden=Count("pk", filter=~Q(status="published")),
        )
        .order_by("organisation__name", "organisation_id")
    )
    rows = [
        ShareRow(
            row["organisation__name"],
            Cell(row["offers"]),
            Cell(row["verified"]),
            Cell(row["hidden"]),
        )
        for row in counts
    ]
    total = ShareRow(
        "",
        Cell(sum(r.offers.value for r in rows)),
        Cell(sum(r.verified.value for r in rows)),
        Cell(sum(r.hidden.value for r in rows)),
    )
    if scope.suppress:
        for column in ("offers", "verified", "hidden"):
            hide_small(getattr(total, column))
            cells = [getattr(r, column) for r in rows]
            for cell in cells:
                hide_small(cell)
            protect_group(cells)
    return VerificationFigures(since, total, rows)


def figures_sheets(result: VerificationFigures) -> list[Sheet]:
    """The page's numbers as one table: the total first, then a row per organisation."""
    rows = [[_("Organisatie"), _("Aanbod"), _("Gecontroleerd"), _("Deel"), _("Verborgen")]]
    for label, row in [(_("Totaal"), result.total), *((r.label, r) for r in result.rows)]:
        rows.append(
            [
                label,
                row.offers.export_value,
                row.verified.export_value,
                row.share,
                row.hidden.export_value,
            ]
        )
    return [Sheet(_("Actueel aanbod"), rows)]
