"""The leeswijzer in the demo: the national table (seeded by the migration) and one library,
Bibliotheek Eemland, with a table of its own: a copy of the national one with the Z-O-U-T
variant (AP up to about 3, AK from 3, C for 12 to 14) and its own places in the building."""

from django.db import transaction

from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.readingguide.models import Label, LabelTable
from ontwikkelplein.readingguide.services import LABEL_FIELDS, ensure_national_table

OWN_TABLE_LIBRARY = "eemland"

CHANGES = {
    "AB": {"place": "In de BoekStarthoek op de begane grond, naast de kinderwagens."},
    "AP": {
        "age_from": 0,
        "age_to": 2,
        "meaning": "Prentenboeken met korte zinnen en veel plaatjes, voor kinderen tot ongeveer "
        "3 jaar. Om voor te lezen.",
        "place": "In de Kinderbieb op de eerste verdieping, in de lage bakken.",
    },
    "AK": {
        "age_from": 3,
        "age_to": 6,
        "meaning": "Prentenboeken met een langer verhaal, voor kinderen vanaf ongeveer 3 jaar.",
        "place": "In de Kinderbieb op de eerste verdieping, naast de peuterboeken.",
    },
    "E": {"place": "In de Kinderbieb, in de kast met de gekleurde AVI-stickers."},
    "C": {"age_to": 14, "place": "Op de jongerenplek bij de trap, eerste verdieping."},
}


@transaction.atomic
def load_reading_guide() -> int:
    """Make sure the national table exists and give the demo library its own; returns the
    number of tables."""
    national = ensure_national_table()
    organisation = Organisation.objects.filter(
        pk=demo_uuid("organisation", OWN_TABLE_LIBRARY)
    ).first()
    if organisation is not None:
        LabelTable.objects.filter(organisation=organisation).delete()
        table = LabelTable.objects.create(
            organisation=organisation,
            source="Landelijke tabel, overgenomen en aangepast door Bibliotheek Eemland "
            "(AK vanaf 3 jaar, C voor 12 tot en met 14 jaar).",
        )
        for label in national.labels.all():
            values = {name: getattr(label, name) for name in LABEL_FIELDS}
            values.update(CHANGES.get(label.code, {}))
            Label.objects.create(table=table, position=label.position, **values)
    return LabelTable.objects.count()
