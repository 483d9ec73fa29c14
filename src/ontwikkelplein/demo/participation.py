"""The demo's programme register (/beheer/programmaregister/): every demo library takes part in
some national programmes, one Taalhuis is halfway its certification and one SPUK subsidy must be
accounted for within a month, so the counts, the register and the reminder show something.
Keyed on (library, scheme): loading the demo again gives the same register."""

import datetime
from decimal import Decimal

from django.db import transaction

from ontwikkelplein.organisations.models import Organisation, OrganisationKind
from ontwikkelplein.participation.models import (
    CertificationStep,
    Participation,
    ParticipationStatus,
    Scheme,
)


def _set(library, code, **fields):
    scheme = Scheme.objects.filter(code=code).first()
    if scheme is None:
        return None
    participation, _ = Participation.objects.update_or_create(
        organisation=library, scheme=scheme, defaults=fields
    )
    return participation


@transaction.atomic
def load_programme_register(today: datetime.date) -> int:
    libraries = list(Organisation.objects.filter(kind=OrganisationKind.LIBRARY).order_by("name"))
    count = 0
    for index, library in enumerate(libraries):
        ido = _set(
            library,
            "ido",
            status=ParticipationStatus.ACTIVE,
            started_on=datetime.date(2020 + index % 3, 3, 1),
            municipality=library.municipalities.order_by("name").first(),
        )
        if ido is not None:
            ido.locations.set(library.locations.filter(has_ido=True))
        certified = index % 2 == 0
        _set(
            library,
            "taalhuis",
            status=ParticipationStatus.ACTIVE if certified else ParticipationStatus.PREPARING,
            started_on=datetime.date(2022, 6, 1) if certified else None,
            ends_on=datetime.date(2026, 6, 1) + datetime.timedelta(days=365 * 2)
            if certified
            else None,
            certification_step=CertificationStep.CERTIFICATE
            if certified
            else CertificationStep.AUDIT,
        )
        _set(library, "boekstart", status=ParticipationStatus.ACTIVE)
        if index % 3 != 2:
            _set(
                library,
                "belastingdienst",
                status=ParticipationStatus.ACTIVE,
                started_on=datetime.date(today.year - 1, 1, 1),
                ends_on=datetime.date(today.year + 1, 12, 31),
            )
        if index == 0:
            _set(
                library,
                "spuk-ido",
                status=ParticipationStatus.ACTIVE,
                started_on=datetime.date(today.year, 1, 1),
                ends_on=datetime.date(today.year, 12, 31),
                amount=Decimal("42500.00"),
                accounting_due_on=today + datetime.timedelta(days=21),
            )
        count += 1
    return count
