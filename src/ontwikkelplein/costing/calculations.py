"""The two calculators of issue 16 as plain arithmetic: no database, no request.

- `kaart_cost`: what a sociaal-educatieve kaart (the catalogue of a library's area) costs a year:
  the hours for entering new offers, checking existing ones and keeping in touch with partners,
  the editor's own hours, licence, hosting and support; plus the one-off hours to set it up.
- `ido_cost`: what an Informatiepunt Digitale Overheid costs a year under each of the three
  forms from the public exploitation study (Ecorys 2020): basic (spreekuren), always available
  (every desk colleague helps) and broad service (part of an information square with partners).

Every amount is a Decimal in euros and rounded only for display; every input is one of the
documented variables (docs/reports.md "Calculators"). The example values of the forms are our
own reading, not national norms: each library fills in its own.
"""

from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Line:
    """One row of a result: what it is, the hours it takes (None for money only), the euros."""

    label: str
    hours: Decimal | None
    cost: Decimal


@dataclass(frozen=True)
class Result:
    lines: list[Line]
    one_off: list[Line] = field(default_factory=list)

    @property
    def hours(self) -> Decimal:
        return sum((line.hours for line in self.lines if line.hours is not None), ZERO)

    @property
    def total(self) -> Decimal:
        return sum((line.cost for line in self.lines), ZERO)

    @property
    def one_off_total(self) -> Decimal:
        return sum((line.cost for line in self.one_off), ZERO)

    def per(self, count) -> Decimal | None:
        """The yearly total divided by a count (offers, partners, questions); None for zero."""
        return self.total / Decimal(count) if count else None


@dataclass(frozen=True)
class KaartInputs:
    offers: int
    partners: int
    new_share: Decimal  # percent of the offers that is new each year
    hours_new_offer: Decimal
    checks_per_year: Decimal
    hours_per_check: Decimal
    hours_per_partner: Decimal  # contact, agreements, training of a partner's editors, per year
    editor_hours: Decimal  # the editor's own yearly hours (functional management, promotion)
    hourly_cost: Decimal  # integral cost of an hour of library staff
    licence: Decimal
    hosting: Decimal
    support: Decimal
    setup_hours: Decimal  # one-off


def kaart_cost(i: KaartInputs, labels: dict[str, str]) -> Result:
    """`labels` gives the words of each line (the view passes translated ones)."""
    new_offers = Decimal(i.offers) * i.new_share / HUNDRED
    hours = {
        "new": new_offers * i.hours_new_offer,
        "checks": Decimal(i.offers) * i.checks_per_year * i.hours_per_check,
        "partners": Decimal(i.partners) * i.hours_per_partner,
        "editor": i.editor_hours,
    }
    lines = [Line(labels[key], value, value * i.hourly_cost) for key, value in hours.items()]
    lines += [
        Line(labels["licence"], None, i.licence),
        Line(labels["hosting"], None, i.hosting),
        Line(labels["support"], None, i.support),
    ]
    one_off = [Line(labels["setup"], i.setup_hours, i.setup_hours * i.hourly_cost)]
    return Result(lines, one_off)


@dataclass(frozen=True)
class IdoShared:
    hourly_cost: Decimal
    volunteer_cost: Decimal  # expenses per volunteer hour
    weeks: Decimal  # weeks a year the IDO is open


@dataclass(frozen=True)
class IdoModelInputs:
    help_hours: Decimal  # hours a week the IDO is staffed (spreekuur, or desk opening hours)
    help_share: Decimal  # percent of those hours spent on IDO questions
    volunteer_hours: Decimal  # per week
    coordination_hours: Decimal  # per week: planning, partners, registration, reports
    trained_staff: int  # colleagues who follow the IDO training each year
    training_hours: Decimal  # per colleague
    training_fee: Decimal  # per colleague
    space: Decimal  # per year
    equipment: Decimal  # per year: laptop, printer, scanner, written off
    promotion: Decimal  # per year


def ido_cost(shared: IdoShared, i: IdoModelInputs, labels: dict[str, str]) -> Result:
    help_hours = i.help_hours * i.help_share / HUNDRED * shared.weeks
    coordination = i.coordination_hours * shared.weeks
    volunteers = i.volunteer_hours * shared.weeks
    training_hours = Decimal(i.trained_staff) * i.training_hours
    lines = [
        Line(labels["help"], help_hours, help_hours * shared.hourly_cost),
        Line(labels["coordination"], coordination, coordination * shared.hourly_cost),
        Line(labels["volunteers"], volunteers, volunteers * shared.volunteer_cost),
        Line(
            labels["training"],
            training_hours,
            training_hours * shared.hourly_cost + Decimal(i.trained_staff) * i.training_fee,
        ),
        Line(labels["space"], None, i.space),
        Line(labels["equipment"], None, i.equipment),
        Line(labels["promotion"], None, i.promotion),
    ]
    return Result(lines)


# --- Example values ---------------------------------------------------------------------------
# Shown when a calculator opens; our own reading of what a medium-sized library organisation
# spends (docs/reports.md "Calculators"), to be replaced by the library's own figures.

D = Decimal

KAART_EXAMPLE = {
    "offers": 150,
    "partners": 30,
    "new_share": D(25),
    "hours_new_offer": D("0.75"),
    "checks_per_year": D(2),
    "hours_per_check": D("0.25"),
    "hours_per_partner": D(3),
    "editor_hours": D(80),
    "hourly_cost": D(55),
    "licence": D(0),
    "hosting": D(1200),
    "support": D(1500),
    "setup_hours": D(60),
}

IDO_SHARED_EXAMPLE = {"hourly_cost": D(55), "volunteer_cost": D(3), "weeks": D(46)}

IDO_MODELS = ("basis", "altijd", "breed")
IDO_EXAMPLE = {
    # Basic: a fixed desk or room with spreekuren; questions in between go to the spreekuur.
    "basis": {
        "help_hours": D(6),
        "help_share": D(100),
        "volunteer_hours": D(4),
        "coordination_hours": D(2),
        "trained_staff": 4,
        "training_hours": D(8),
        "training_fee": D(0),
        "space": D(1000),
        "equipment": D(1500),
        "promotion": D(500),
    },
    # Always available: every desk colleague helps during opening hours ("lopend IDO"); a
    # separate room when privacy asks for it.
    "altijd": {
        "help_hours": D(40),
        "help_share": D(15),
        "volunteer_hours": D(0),
        "coordination_hours": D(3),
        "trained_staff": 12,
        "training_hours": D(8),
        "training_fee": D(0),
        "space": D(2500),
        "equipment": D(2000),
        "promotion": D(750),
    },
    # Broad service: part of an information square with partners, with spreekuren.
    "breed": {
        "help_hours": D(10),
        "help_share": D(100),
        "volunteer_hours": D(6),
        "coordination_hours": D(6),
        "trained_staff": 6,
        "training_hours": D(8),
        "training_fee": D(0),
        "space": D(3000),
        "equipment": D(2000),
        "promotion": D(1000),
    },
}
