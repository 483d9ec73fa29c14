"""No input ever gives a 500: the importer answers any JSON shape, any value in any field and
any spreadsheet cell with a finished run (done, or rejected with Dutch reasons), never an
exception."""

import copy
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ontwikkelplein.core.tabular import to_csv
from ontwikkelplein.opendata import exports, services
from ontwikkelplein.opendata.models import ImportStatus
from ontwikkelplein.opendata.tests.factories import hsds_organization, hsds_service
from ontwikkelplein.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

odd_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", " ", "null", "NaN", "1e999", "-0", "\u202e", "<script>", "'=1+1", "06-", "0" * 60]
    ),
)
odd_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.just(10**40),
)
scalars = st.one_of(st.none(), st.booleans(), odd_numbers, odd_text)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(odd_text, inner, max_size=3)
    ),
    max_leaves=12,
)
FIELDS = [
    "id",
    "name",
    "status",
    "description",
    "email",
    "url",
    "organization_id",
    "program",
    "phones",
    "contacts",
    "cost_options",
    "schedules",
    "attributes",
    "languages",
    "capacities",
    "service_at_locations",
    "assured_date",
    "application_process",
]
LOCATION_FIELDS = ["latitude", "longitude", "addresses", "schedules", "name", "location_type"]
ADDRESS_FIELDS = ["postal_code", "city", "region", "country", "state_province", "address_1"]


def outcome(data, **kwargs):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "import.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        run = services.import_path(path, **kwargs)
    assert run.status in (ImportStatus.DONE, ImportStatus.REJECTED)
    for problem in run.errors:
        assert problem["message"]
    return run


@FUZZ
@given(data=json_values)
def test_any_json_shape(data):
    outcome(data, organisation=OrganisationFactory())


@FUZZ
@given(
    field=st.sampled_from(FIELDS),
    location_field=st.sampled_from(LOCATION_FIELDS),
    address_field=st.sampled_from(ADDRESS_FIELDS),
    value=json_values,
    publish=st.booleans(),
)
def test_any_value_in_any_field(field, location_field, address_field, value, publish):
    service = hsds_service()
    location = service["service_at_locations"][0]["location"]
    service[field] = copy.deepcopy(value)
    if field != "service_at_locations":
        location[location_field] = copy.deepcopy(value)
        addresses = location.get("addresses")
        if isinstance(addresses, list) and addresses and isinstance(addresses[0], dict):
            addresses[0][address_field] = copy.deepcopy(value)
    outcome([hsds_organization(services=[service])], publish=publish)


@FUZZ
@given(cells=st.lists(st.one_of(odd_text, odd_numbers.map(str)), min_size=1, max_size=12))
def test_any_cells_in_a_gids_sheet(cells):
    row = [""] * len(exports.HEADERS)
    for index, cell in enumerate(cells):
        row[(index * 7) % len(row)] = cell
    row[exports.HEADERS.index("Titel")] = row[exports.HEADERS.index("Titel")] or "Iets"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aanbod.csv"
        path.write_text(to_csv([exports.HEADERS, row]), encoding="utf-8")
        run = services.import_path(path, organisation=OrganisationFactory())
    assert run.status in (ImportStatus.DONE, ImportStatus.REJECTED)


def test_a_nul_in_a_key_or_value_is_reported_and_the_report_is_stored():
    """PostgreSQL's jsonb cannot hold NUL: the report quotes it as the replacement character."""
    service = hsds_service(name="Naam\x00met NUL")
    service["bad\x00key"] = "x\x00"
    run = outcome([hsds_organization(services=[service])])
    assert run.status == ImportStatus.REJECTED
    run.refresh_from_db()
    assert any("NUL" in e["message"] for e in run.errors)
    assert not any("\x00" in v for e in run.errors for v in e.values())
