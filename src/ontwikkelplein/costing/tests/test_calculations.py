"""The arithmetic of the calculators, checked against sums done by hand."""

from decimal import Decimal as D

import pytest

from ontwikkelplein.costing import calculations

KAART_LABELS = {
    k: k for k in ("new", "checks", "partners", "editor", "licence", "hosting", "support", "setup")
}
IDO_LABELS = {
    k: k
    for k in ("help", "coordination", "volunteers", "training", "space", "equipment", "promotion")
}


def test_kaart_cost_of_the_example_by_hand():
    result = calculations.kaart_cost(
        calculations.KaartInputs(**calculations.KAART_EXAMPLE), KAART_LABELS
    )
    hours = {line.label: line.hours for line in result.lines}
    # 150 offers, 25% new at 0.75 h; 2 checks of 0.25 h each; 30 partners at 3 h; 80 h editing.
    assert hours["new"] == D("28.125")
    assert hours["checks"] == D(75)
    assert hours["partners"] == D(90)
    assert hours["editor"] == D(80)
    assert result.hours == D("273.125")
    # 273.125 h at 55 euro, plus hosting 1200 and support 1500.
    assert result.total == D("273.125") * 55 + 1200 + 1500
    assert result.per(150) == result.total / 150
    assert result.per(0) is None
    assert result.one_off_total == 60 * 55


def test_ido_cost_of_the_basic_form_by_hand():
    shared = calculations.IdoShared(**calculations.IDO_SHARED_EXAMPLE)
    result = calculations.ido_cost(
        shared, calculations.IdoModelInputs(**calculations.IDO_EXAMPLE["basis"]), IDO_LABELS
    )
    cost = {line.label: line.cost for line in result.lines}
    assert cost["help"] == 6 * 46 * 55
    assert cost["coordination"] == 2 * 46 * 55
    assert cost["volunteers"] == 4 * 46 * 3
    assert cost["training"] == 4 * 8 * 55
    assert result.total == 6 * 46 * 55 + 2 * 46 * 55 + 4 * 46 * 3 + 4 * 8 * 55 + 1000 + 1500 + 500


def test_always_available_counts_only_the_share_of_desk_hours_spent_on_ido_questions():
    shared = calculations.IdoShared(hourly_cost=D(50), volunteer_cost=D(0), weeks=D(40))
    inputs = {**calculations.IDO_EXAMPLE["altijd"], "help_hours": D(40), "help_share": D(10)}
    result = calculations.ido_cost(shared, calculations.IdoModelInputs(**inputs), IDO_LABELS)
    help_line = result.lines[0]
    assert help_line.hours == D(160)  # 40 h x 10% x 40 weeks
    assert help_line.cost == D(8000)


@pytest.mark.parametrize("model", calculations.IDO_MODELS)
def test_every_form_has_an_example_for_every_variable(model):
    calculations.IdoModelInputs(**calculations.IDO_EXAMPLE[model])
