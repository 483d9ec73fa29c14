"""OpenAPI descriptions of the HSDS responses, for drf-spectacular (/api/schema/).

They name the fields we publish and their types; the full definitions are the HSDS 3.1 object
schemas (https://docs.openreferral.org/en/v3.1/hsds/schema_reference.html), against which the
tests validate every response. Objects allow further fields, as HSDS does."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

STRING = {"type": "string"}
UUID = {"type": "string", "format": "uuid"}
NUMBER = {"type": "number"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}


def _object(required: list[str], **properties) -> dict:
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": True,
    }


def _array(items: dict) -> dict:
    return {"type": "array", "items": items}


TAXONOMY = _object(
    ["id", "name", "description"], id=UUID, name=STRING, description=STRING, version=STRING
)
TAXONOMY_TERM = _object(
    ["id", "name", "description"],
    id=UUID,
    code=STRING,
    name=STRING,
    description=STRING,
    parent_id=UUID,
    taxonomy=STRING,
    taxonomy_id=UUID,
    language=STRING,
    taxonomy_detail=TAXONOMY,
)
SCHEDULE = _object(
    ["id"],
    id=UUID,
    service_id=UUID,
    location_id=UUID,
    service_at_location_id=UUID,
    valid_from={"type": "string", "format": "date"},
    valid_to={"type": "string", "format": "date"},
    dtstart={"type": "string", "format": "date"},
    until={"type": "string", "format": "date"},
    count=INTEGER,
    freq={"type": "string", "enum": ["WEEKLY", "MONTHLY"]},
    interval=INTEGER,
    byday=STRING,
    wkst=STRING,
    opens_at={"type": "string", "description": "HH:MM, Dutch local time"},
    closes_at={"type": "string", "description": "HH:MM, Dutch local time"},
    description=STRING,
    notes=STRING,
)
ADDRESS = _object(
    ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    id=UUID,
    location_id=UUID,
    address_1=STRING,
    city=STRING,
    region=STRING,
    state_province=STRING,
    postal_code=STRING,
    country=STRING,
    address_type=STRING,
)
PHONE = _object(["id", "number"], id=UUID, number=STRING, type=STRING)
LOCATION = _object(
    ["id", "location_type"],
    id=UUID,
    location_type=STRING,
    organization_id=UUID,
    name=STRING,
    description=STRING,
    latitude=NUMBER,
    longitude=NUMBER,
    addresses=_array(ADDRESS),
    schedules=_array(SCHEDULE),
    accessibility=_array(_object(["id"], id=UUID, description=STRING)),
)
ORGANIZATION = _object(
    ["id", "name", "description"],
    id=UUID,
    name=STRING,
    description=STRING,
    email=STRING,
    website=STRING,
    phones=_array(PHONE),
    organization_identifiers=_array(
        _object(["id", "identifier_type", "identifier"], id=UUID, identifier=STRING)
    ),
    locations=_array(LOCATION),
    services=_array({"type": "object"}),
)
SERVICE_AT_LOCATION = _object(
    ["id"],
    id=UUID,
    service_id=UUID,
    location_id=UUID,
    description=STRING,
    schedules=_array(SCHEDULE),
    location=LOCATION,
    distance_km={"type": "number", "description": "Only with postcode: km to the postcode."},
)
SERVICE = _object(
    ["id", "name", "status"],
    id=UUID,
    organization_id=UUID,
    program_id=UUID,
    name=STRING,
    description=STRING,
    url=STRING,
    email=STRING,
    status={"type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]},
    application_process=STRING,
    fees_description=STRING,
    assured_date={"type": "string", "format": "date"},
    assurer_email=STRING,
    last_modified={"type": "string", "format": "date-time"},
    organization=ORGANIZATION,
    program=_object(["id", "name", "description"], id=UUID, name=STRING, description=STRING),
    service_at_locations=_array(SERVICE_AT_LOCATION),
    contacts=_array(_object(["id"], id=UUID, name=STRING, email=STRING, phones=_array(PHONE))),
    phones=_array(PHONE),
    languages=_array(_object(["id"], id=UUID, code=STRING, name=STRING)),
    required_documents=_array(_object(["id"], id=UUID, document=STRING)),
    cost_options=_array(_object(["id"], id=UUID, option=STRING, currency=STRING, amount=NUMBER)),
    capacities=_array(
        _object(
            ["id", "unit", "available", "updated"],
            id=UUID,
            available=NUMBER,
            maximum=NUMBER,
            updated={"type": "string", "format": "date-time"},
        )
    ),
    attributes=_array(
        _object(
            ["id"],
            id=UUID,
            link_id=UUID,
            link_type=STRING,
            link_entity=STRING,
            taxonomy_term_id=UUID,
            taxonomy_term=TAXONOMY_TERM,
        )
    ),
)
META = _object(
    ["version", "profile", "openapi_url"],
    version=STRING,
    profile={"type": "string", "format": "uri"},
    openapi_url={"type": "string", "format": "uri"},
)
ERROR = _object(["detail"], detail=STRING)


def page_of(item: dict) -> dict:
    return _object(
        [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        total_items=INTEGER,
        total_pages=INTEGER,
        page_number=INTEGER,
        size=INTEGER,
        first_page=BOOLEAN,
        last_page=BOOLEAN,
        empty=BOOLEAN,
        contents=_array(item),
    )


NDJSON = {"type": "string", "description": "One JSON object per line."}


def list_responses(item: dict) -> dict:
    return {
        (200, "application/json"): OpenApiResponse(page_of(item), description="One page."),
        (200, "application/x-ndjson"): OpenApiResponse(
            NDJSON, description="With format=ndjson: every result, one object per line, no paging."
        ),
        (400, "application/json"): OpenApiResponse(ERROR, description="A bad parameter (Dutch)."),
    }


def detail_responses(item: dict) -> dict:
    return {
        200: OpenApiResponse(item, description="The object."),
        404: OpenApiResponse(ERROR, description="No published object with this id."),
        400: OpenApiResponse(ERROR, description="A bad parameter (Dutch)."),
    }


def _query(name: str, type_, description: str, **kwargs) -> OpenApiParameter:
    return OpenApiParameter(
        name, type_, OpenApiParameter.QUERY, required=False, description=description, **kwargs
    )


UUID_PARAM = {"type": "string", "format": "uuid"}
P_SEARCH = _query(
    "search",
    {"type": "string", "maxLength": 500},
    "Full text search, the same engine and ranking as the public site.",
)
P_PAGE = _query("page", {"type": "integer", "minimum": 1, "maximum": 100000}, "Page, from 1.")
P_PER_PAGE = _query(
    "per_page", {"type": "integer", "minimum": 1, "maximum": 100}, "Results per page (20)."
)
P_FORMAT = _query(
    "format",
    {"type": "string", "enum": ["json", "ndjson"]},
    "ndjson: every result as one JSON object per line, without paging.",
)
P_TERM = _query("taxonomy_term_id", UUID_PARAM, "Only results with this taxonomy term.")
P_TAXONOMY = _query("taxonomy_id", UUID_PARAM, "Only results with a term of this taxonomy.")
P_ORGANISATION = _query("organization_id", UUID_PARAM, "Only services of this organization.")
P_MODIFIED = _query(
    "modified_after",
    {"type": "string", "format": "date-time"},
    "Only services changed on or after this moment (ISO 8601; a date also works).",
)
P_FULL = _query("full", {"type": "boolean"}, "true: fully nested objects.")
P_FULL_SERVICE = _query(
    "full_service", {"type": "boolean"}, "true: each organization with its full services."
)
P_POSTCODE = _query(
    "postcode",
    {"type": "string", "pattern": r"^[1-9][0-9]{3} ?([A-Za-z]{2})?$"},
    "A Dutch postcode (3811 or 3811 AB): nearest first, from the centre of its PC4 area.",
)
P_PROXIMITY = _query(
    "proximity",
    {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 400},
    "With postcode: only results within this many KILOMETRES (not metres).",
)
P_TOP_ONLY = _query("top_only", {"type": "boolean"}, "true: only terms without a parent.")
P_PARENT = _query("parent_id", UUID_PARAM, "Only the children of this term.")
LIST_PARAMS = [P_SEARCH, P_PAGE, P_PER_PAGE, P_FORMAT]
