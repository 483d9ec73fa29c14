"""The norms of the Taalhuis quality framework (kwaliteitskader), as reference data in code.

The seven themes follow the public description of the Taalhuis certification (issue 16, and
../shared/domain-notes.md §2.3: CBCT, "Kwaliteit in Beeld"). The full list of CBCT criteria is not
public, so what each norm asks (`question`) and which of the platform's evidence belongs to it
(`evidence`) are our own reading; docs/reports.md, "Taalhuis quality framework", says so.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# The kinds of evidence the platform fills in (quality/selectors.py computes each).
REGISTER = "register"
REFERRALS = "referrals"
PARTNERS = "partners"
REFERRAL_PARTNERS = "referral_partners"
STAFF = "staff"
COURSES = "courses"
IMPACT = "impact"
RETENTION = "retention"


@dataclass(frozen=True)
class Norm:
    code: str
    number: int
    title: str
    question: str
    evidence: tuple[str, ...]


NORMS = (
    Norm(
        "beleid-financien",
        1,
        _("Beleid en financiën"),
        _(
            "Het Taalhuis heeft een plan met doelen voor een aantal jaren, afspraken met de "
            "gemeente over de financiering en een jaarlijkse verantwoording."
        ),
        (REGISTER,),
    ),
    Norm(
        "middelen",
        2,
        _("Middelen, waaronder de kwaliteit en snelheid van doorverwijzen"),
        _(
            "Het Taalhuis heeft genoeg tijd, ruimte en materiaal. Wie zich meldt, krijgt snel "
            "contact en wordt doorverwezen naar een passend aanbod, en de doorverwijzing wordt "
            "afgerond."
        ),
        (REFERRALS,),
    ),
    Norm(
        "samenwerking",
        3,
        _("Samenwerking"),
        _(
            "Het Taalhuis werkt met vaste partners (welzijn, onderwijs, gemeente, werk en "
            "inkomen) en legt de afspraken vast: wie verwijst naar wie, en hoe snel."
        ),
        (PARTNERS, REFERRAL_PARTNERS),
    ),
    Norm(
        "mensen",
        4,
        _("Mensen"),
        _(
            "Medewerkers en vrijwilligers zijn opgeleid voor hun taak, worden begeleid en "
            "houden hun kennis bij."
        ),
        (STAFF,),
    ),
    Norm(
        "producten-diensten",
        5,
        _("Producten en diensten"),
        _(
            "Het aanbod past bij de doelgroepen en hun niveau, met passend lesmateriaal; "
            "deelnemers komen en blijven."
        ),
        (COURSES,),
    ),
    Norm(
        "resultaten",
        6,
        _("Resultaten en maatschappelijk effect"),
        _(
            "Het Taalhuis meet wat deelnemers bereiken en wat dat voor hen betekent, en "
            "verbetert het aanbod met die uitkomsten."
        ),
        (IMPACT,),
    ),
    Norm(
        "persoonsgegevens",
        7,
        _("Rechtmatig omgaan met persoonsgegevens"),
        _(
            "Het Taalhuis vraagt toestemming, legt alleen vast wat nodig is, bewaart het niet "
            "langer dan nodig en weet wie het mag zien."
        ),
        (RETENTION,),
    ),
)

BY_CODE = {norm.code: norm for norm in NORMS}
CODES = [(norm.code, norm.title) for norm in NORMS]


def get(code: str) -> Norm | None:
    return BY_CODE.get(code)
