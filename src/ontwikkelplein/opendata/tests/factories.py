"""HSDS test data: small, valid HSDS 3.1 objects in the shape opendata.hsds exports (Dutch
addresses, our taxonomy terms), to change one field at a time in tests."""

import uuid
from pathlib import Path

from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm

# ../shared beside the checkout (here /work/shared); CI clones it next to main as well.
SHARED = Path(__file__).resolve().parents[4] / ".." / "shared"
EXAMPLES = SHARED / "hsds-3.1" / "examples"


def new_id() -> str:
    return str(uuid.uuid4())


def term_attribute(taxonomy_slug: str, code: str, service_id: str) -> dict:
    term = TaxonomyTerm.objects.select_related("taxonomy").get(
        taxonomy__slug=taxonomy_slug, code=code
    )
    return {
        "id": new_id(),
        "link_id": service_id,
        "link_type": taxonomy_slug,
        "link_entity": "service",
        "taxonomy_term_id": str(term.pk),
        "taxonomy_term": {
            "id": str(term.pk),
            "code": term.code,
            "name": term.name,
            "description": term.description,
            "taxonomy": term.taxonomy.name,
            "taxonomy_id": str(term.taxonomy_id),
        },
    }


def hsds_location(organization_id: str | None = None, **fields) -> dict:
    location_id = fields.pop("id", None) or new_id()
    location = {
        "id": location_id,
        "location_type": "physical",
        "name": "Bibliotheek Amersfoort Centrum",
        "description": "Midden in de stad.",
        "latitude": 52.156,
        "longitude": 5.387,
        "addresses": [
            {
                "id": new_id(),
                "location_id": location_id,
                "address_1": "Smallepad 11",
                "city": "Amersfoort",
                "region": "Amersfoort",
                "state_province": "Utrecht",
                "postal_code": "3811 MG",
                "country": "NL",
                "address_type": "physical",
            }
        ],
        "schedules": [
            {
                "id": new_id(),
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "10:00",
                "closes_at": "17:00",
            }
        ],
    }
    if organization_id:
        location["organization_id"] = organization_id
    location.update(fields)
    return location


def hsds_service(
    organization_id: str | None = None, location: dict | None = None, **fields
) -> dict:
    """A full service with one place, one weekly time, a theme, a target group and a type."""
    service_id = fields.pop("id", None) or new_id()
    location = location or hsds_location(organization_id)
    sal_id = new_id()
    service = {
        "id": service_id,
        "name": "Hulp bij DigiD",
        "description": "We helpen je met DigiD.\n\nNeem je telefoon mee. Het is gratis.",
        "status": "active",
        "application_process": "Vrije inloop.",
        "fees_description": "Gratis.",
        "email": "digid@bibliotheek.example",
        "service_at_locations": [
            {
                "id": sal_id,
                "service_id": service_id,
                "location_id": location["id"],
                "schedules": [
                    {
                        "id": new_id(),
                        "service_id": service_id,
                        "service_at_location_id": sal_id,
                        "freq": "WEEKLY",
                        "wkst": "MO",
                        "byday": "TU",
                        "opens_at": "10:00",
                        "closes_at": "12:00",
                        "interval": 1,
                    }
                ],
                "location": location,
            }
        ],
        "languages": [{"id": new_id(), "code": "nl"}],
        "cost_options": [{"id": new_id(), "option": "Gratis", "currency": "EUR", "amount": 0}],
        "attributes": [
            term_attribute(Taxonomy.OFFER_TYPE, "spreekuur", service_id),
            term_attribute(Taxonomy.THEME, "digitale-overheid", service_id),
            term_attribute(Taxonomy.TARGET_GROUP, "iedereen", service_id),
        ],
    }
    if organization_id:
        service["organization_id"] = organization_id
    service.update(fields)
    return service


def hsds_organization(services=(), locations=(), **fields) -> dict:
    organization = {
        "id": fields.pop("id", None) or new_id(),
        "name": "Stichting Digitaal Samen",
        "description": "Vrijwilligers die helpen met computers.",
        "website": "https://digitaalsamen.example",
        "email": "info@digitaalsamen.example",
    }
    organization.update(fields)
    organization["locations"] = list(locations)
    organization["services"] = list(services)
    for service in organization["services"]:
        service["organization_id"] = organization["id"]
    return organization
