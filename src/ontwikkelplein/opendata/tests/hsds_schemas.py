"""Validation against the official HSDS 3.1 schemas in ../shared/hsds-3.1 (never copied into
the project). Tests that need them skip, with the reason, when that folder is absent."""

import json
from functools import cache
from pathlib import Path

import pytest

# src/ontwikkelplein/opendata/tests/ -> the checkout -> its sibling "shared"
SHARED = Path(__file__).resolve().parents[4] / ".." / "shared" / "hsds-3.1"
SCHEMAS = SHARED / "schema"

needs_hsds = pytest.mark.skipif(
    not (SCHEMAS / "service.json").is_file(),
    reason=f"the HSDS 3.1 schemas are not at {SCHEMAS} (clone 'shared' beside the checkout)",
)


@cache
def validator(name: str):
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = [
        (
            p.name,
            Resource.from_contents(json.loads(p.read_text()), default_specification=DRAFT202012),
        )
        for p in SCHEMAS.glob("*.json")
    ]
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    return Draft202012Validator(
        schema,
        registry=Registry().with_resources(resources),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@cache
def official_validator(name: str):
    """As ../shared/hsds-3.1/validate.py validates: Draft 2020-12 without a format checker
    ("format": "uuid" is an annotation there, so an id such as "svc-1" is valid)."""
    return validator(name).evolve(format_checker=None)


def official_errors(name: str, obj) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in official_validator(name).iter_errors(obj)
    ]


def errors(name: str, obj) -> list[str]:
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in validator(name).iter_errors(obj)
    ]


def assert_valid(name: str, obj) -> None:
    problems = errors(name, obj)
    assert not problems, f"invalid HSDS {name}:\n" + "\n".join(problems[:20])


PAGE_FIELDS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
    "contents": list,
}


def assert_valid_page(name: str, page: dict) -> None:
    """An HSDS API page: the Page fields of the HSDS OpenAPI file, each item a valid `name`."""
    for field, kind in PAGE_FIELDS.items():
        assert isinstance(page.get(field), kind), f"page field {field}: {page.get(field)!r}"
    assert page["size"] == len(page["contents"])
    for item in page["contents"]:
        assert_valid(name, item)
