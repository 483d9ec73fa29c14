"""The demo's library network (/beheer/netwerk/, docs/community.md): Bibliotheek Eemland, the
library of the demo specialist, with thirteen partners and stakeholders across the five stages
of a relationship (partners on the platform and organisations not yet on it: a primary school,
a community centre, a housing corporation, an employer), their roles, themes and target
groups, the weighing, contact people, and three agreements: one with Humanitas that ends
within three months, a multi-year one with the municipality to be evaluated soon and a letter
of intent with the ROC. Keyed on the library and the name: loading again gives the same network
(dates move with today, the documents are replaced)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from ontwikkelplein.catalogue.models import TaxonomyTerm
from ontwikkelplein.network.models import (
    Agreement,
    AgreementDocument,
    ContactPerson,
    Stakeholder,
)
from ontwikkelplein.organisations.models import Membership, Organisation

D = datetime.timedelta

# name, platform organisation (or None), kind, roles, themes, target groups, stage, next step
# (text, days from today or None), own strength, (fit, added value, feasibility), their gain,
# our gain, contact people [(name, role, e-mail, phone)].
STAKEHOLDERS = [
    (
        "Gemeente Amersfoort",
        "Gemeente Amersfoort",
        "municipality",
        ["funding", "referring"],
        ["digitale-overheid", "geldzaken", "lezen-en-schrijven"],
        ["laaggeletterden", "niet-digivaardigen"],
        "evaluated",
        ("Jaargesprek subsidie IDO en Taalhuis voorbereiden", 24),
        3,
        (3, 3, 3),
        "De bibliotheek voert het IDO en het Taalhuis uit voor de doelen van het "
        "re-integratie- en armoedebeleid; de gemeente verantwoordt de SPUK met onze cijfers.",
        "Structurele financiering, doorverwijzingen van Werk en Inkomen en het wijkteam.",
        [
            (
                "Marieke van Dijk",
                "beleidsadviseur basisvaardigheden",
                "m.vandijk@amersfoort.example",
                "",
            )
        ],
    ),
    (
        "Humanitas Amersfoort",
        "Humanitas Amersfoort",
        "volunteers",
        ["finding", "referring", "training"],
        ["geldzaken", "lezen-en-schrijven"],
        ["laaggeletterden", "65-plussers"],
        "agreement",
        ("Gesprek over verlenging van de samenwerkingsovereenkomst", 12),
        3,
        (3, 3, 2),
        "Een vaste plek voor het spreekuur Thuisadministratie en nieuwe vrijwilligers via het "
        "Taalhuis.",
        "Vrijwilligers die mensen met geldzorgen helpen, en mensen die via hen de weg naar het "
        "Taalhuis vinden.",
        [
            (
                "Joost Bakker",
                "coördinator Thuisadministratie",
                "coordinator@humanitas.example",
                "033 465 12 34",
            )
        ],
    ),
    (
        "ROC Midden Nederland",
        "ROC Midden Nederland",
        "vocational",
        ["training", "referring"],
        ["nederlands-leren", "lezen-en-schrijven"],
        ["anderstaligen", "laaggeletterden"],
        "intent",
        ("Samenwerkingsovereenkomst Taalhuis laten tekenen", 35),
        2,
        (3, 2, 2),
        "Studenten en cursisten die buiten de lessen oefenen in het Taalcafé.",
        "Taalcursussen op niveau voor wie het Taalhuis doorverwijst.",
        [("Samira El Idrissi", "teamleider Educatie", "s.elidrissi@rocmn.example", "")],
    ),
    (
        "GGD regio Utrecht",
        "GGD regio Utrecht (jeugdgezondheidszorg)",
        "health",
        ["referring", "finding"],
        ["opvoeden-en-gezin", "kinderen-lezen-en-cultuur"],
        ["ouders-jonge-kinderen", "kinderen-0-4"],
        "agreement",
        ("BoekStart-koffertjes voor het consultatiebureau Vathorst bestellen", -5),
        2,
        (3, 3, 3),
        "Ouders krijgen bij het consultatiebureau iets tastbaars mee voor de taalontwikkeling.",
        "Jonge ouders vinden de bibliotheek; BoekStart bereikt gezinnen die we anders missen.",
        [("Ellen Jansen", "jeugdverpleegkundige", "", "")],
    ),
    (
        "UWV",
        "UWV",
        "national_agency",
        ["referring"],
        ["werk", "digitale-vaardigheden"],
        ["werkzoekenden"],
        "first_talk",
        ("Tweede gesprek met het Werkgeversservicepunt plannen", 20),
        1,
        (2, 2, 2),
        "Werkzoekenden die oefenen met digitale sollicitaties zonder extra druk op de "
        "UWV-adviseurs.",
        "Doorverwijzingen van werkzoekenden naar Klik & Tik en het Digisterker-aanbod.",
        [],
    ),
    (
        "SeniorWeb",
        "SeniorWeb",
        "volunteers",
        ["training", "hosting"],
        ["digitale-vaardigheden"],
        ["65-plussers", "niet-digivaardigen"],
        "agreement",
        ("", None),
        2,
        (3, 2, 3),
        "Een ruimte met computers voor de leslocatie Amersfoort.",
        "Vrijwillige docenten voor de cursussen computer en tablet voor senioren.",
        [],
    ),
    (
        "Stichting Lezen & Schrijven",
        "Stichting Lezen & Schrijven",
        "other",
        ["training"],
        ["lezen-en-schrijven"],
        ["laaggeletterden"],
        "evaluated",
        ("Training Herkennen en doorverwijzen voor de balie in het voorjaar", 60),
        2,
        (3, 2, 3),
        "Een bibliotheek die de aanpak van laaggeletterdheid in de regio uitdraagt.",
        "Trainingen voor medewerkers en vrijwilligers, materiaal voor Taalhuis-campagnes.",
        [],
    ),
    (
        "Basisschool De Wonderboom",
        None,
        "school",
        ["finding", "hosting"],
        ["kinderen-lezen-en-cultuur", "opvoeden-en-gezin"],
        ["schoolkinderen", "ouders-jonge-kinderen"],
        "first_talk",
        ("Koffieochtend voor ouders over voorlezen en de Taalmeter", 9),
        None,
        (3, 3, 2),
        "Ouders die moeite hebben met lezen worden geholpen; dat helpt ook de kinderen.",
        "Ouders die we via de school bereiken voor het Taalhuis (gezinsaanpak).",
        [("Petra de Groot", "intern begeleider", "", "")],
    ),
    (
        "Buurthuis De Koppel",
        None,
        "community_centre",
        ["hosting", "finding"],
        ["digitale-overheid", "geldzaken"],
        ["iedereen", "65-plussers"],
        "intent",
        ("Eerste IDO-spreekuur in het buurthuis proefdraaien", 14),
        2,
        (3, 3, 3),
        "Meer bezoekers en een vast spreekuur waar de buurt om vraagt.",
        "Een plek in de wijk waar we mensen bereiken die niet naar de bibliotheek komen.",
        [("Hasan Yilmaz", "beheerder", "", "033 472 00 11")],
    ),
    (
        "Woningcorporatie Eemland Wonen",
        None,
        "housing",
        ["finding", "funding"],
        ["geldzaken", "digitale-vaardigheden"],
        ["iedereen"],
        "exploring",
        ("Uitzoeken wie de wijkconsulent voor Kruiskamp is", 30),
        None,
        (2, 3, 1),
        "Huurders die hun post en digitale zaken beter regelen, dus minder huurachterstand.",
        "Huurders bereiken via de wijkconsulenten; mogelijk een bijdrage aan het spreekuur.",
        [],
    ),
    (
        "Werkgeversvereniging Amersfoort Zakelijk",
        None,
        "employer",
        ["finding"],
        ["werk", "lezen-en-schrijven"],
        ["werkenden"],
        "exploring",
        ("Pitch op de netwerkbijeenkomst van de werkgeversvereniging", 45),
        None,
        (2, 2, 1),
        "Werknemers die beter lezen en digitaal werken; een taalvriendelijke werkplek.",
        "Werkenden met een taalvraag bereiken, die overdag niet in de bibliotheek komen.",
        [],
    ),
    (
        "Voedselbank Amersfoort",
        None,
        "welfare",
        ["finding", "referring"],
        ["geldzaken"],
        ["iedereen"],
        "exploring",
        ("", None),
        None,
        (2, 2, 2),
        "",
        "Mensen met geldzorgen bereiken met het spreekuur Thuisadministratie.",
        [],
    ),
    (
        "VluchtelingenWerk Amersfoort",
        None,
        "volunteers",
        ["finding", "referring"],
        ["nederlands-leren"],
        ["nieuwkomers", "anderstaligen"],
        "first_talk",
        ("Afspraken maken over taalcoaches in het Taalcafé", 3),
        1,
        (3, 2, 2),
        "Taalcoaches oefenen met statushouders op een vaste plek.",
        "Nieuwkomers vinden het Taalcafé en de leesclubs.",
        [],
    ),
]

_PDF = b"""%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R
/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 64>>stream
BT /F1 18 Tf 72 760 Td (Samenwerkingsovereenkomst Taalhuis) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF
"""


def _terms(codes, slug):
    return list(TaxonomyTerm.objects.filter(taxonomy__slug=slug, code__in=codes))


@transaction.atomic
def load_network(today: datetime.date) -> int:
    """Returns the number of stakeholders in the demo library's network."""
    user = get_user_model().objects.filter(username="specialist").first()
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    if membership is None:
        return 0
    library = membership.organisation
    made = {}
    for (
        name,
        partner_name,
        kind,
        roles,
        themes,
        groups,
        stage,
        (next_step, next_in),
        strength,
        (fit, added, feasible),
        their_gain,
        our_gain,
        contacts,
    ) in STAKEHOLDERS:
        partner = Organisation.objects.filter(name=partner_name).first() if partner_name else None
        stakeholder, _created = Stakeholder.objects.update_or_create(
            organisation=library,
            name=name,
            defaults={
                "partner": partner,
                "kind": kind,
                "finds_people": "finding" in roles,
                "refers": "referring" in roles,
                "trains": "training" in roles,
                "hosts": "hosting" in roles,
                "funds": "funding" in roles,
                "stage": stage,
                "next_step": next_step,
                "next_step_on": today + D(days=next_in) if next_in is not None else None,
                "strength": strength,
                "fit": fit,
                "added_value": added,
                "feasibility": feasible,
                "their_gain": their_gain,
                "our_gain": our_gain,
                "updated_by": user,
            },
        )
        stakeholder.themes.set(_terms(themes, "thema"))
        stakeholder.target_groups.set(_terms(groups, "doelgroep"))
        ContactPerson.objects.filter(stakeholder=stakeholder).delete()
        for contact_name, role, email, phone in contacts:
            ContactPerson.objects.create(
                stakeholder=stakeholder, name=contact_name, role=role, email=email, phone=phone
            )
        made[name] = stakeholder

    agreements = [
        (
            "Humanitas Amersfoort",
            "cooperation",
            "Samenwerkingsovereenkomst Taalhuis en Thuisadministratie",
            today - D(days=2 * 365 - 60),
            today + D(days=60),
            today + D(days=30),
            ["space", "materials", "recruitment"],
            "Spreekuurruimte in het Eemhuis op dinsdag en donderdag, promotie via de balie.",
            ["staff", "recruitment", "expertise"],
            "Twee getrainde vrijwilligers per spreekuur; werving onder eigen vrijwilligers.",
        ),
        (
            "Gemeente Amersfoort",
            "subsidy",
            "Subsidieafspraak IDO en Taalhuis 2025-2028",
            datetime.date(today.year - 1, 1, 1),
            datetime.date(today.year + 2, 12, 31),
            today + D(days=21),
            ["staff", "space", "expertise"],
            "Het IDO in het Eemhuis en Vathorst, het Taalhuis met intake en doorverwijzing.",
            ["money", "recruitment"],
            "Jaarlijkse subsidie; doorverwijzing door Werk en Inkomen en de wijkteams.",
        ),
        (
            "ROC Midden Nederland",
            "intent",
            "Intentieverklaring Taalhuis Amersfoort",
            today - D(days=90),
            None,
            None,
            ["space", "recruitment"],
            "",
            ["expertise"],
            "Docenten NT2 denken mee over het Taalcafé.",
        ),
    ]
    for (
        name,
        kind,
        title,
        starts,
        ends,
        evaluation,
        library_gives,
        library_note,
        partner_gives,
        partner_note,
    ) in agreements:
        agreement, _created = Agreement.objects.update_or_create(
            stakeholder=made[name],
            title=title,
            defaults={
                "kind": kind,
                "starts_on": starts,
                "ends_on": ends,
                "evaluation_on": evaluation,
                "library_gives": library_gives,
                "library_gives_note": library_note,
                "partner_gives": partner_gives,
                "partner_gives_note": partner_note,
                "updated_by": user,
            },
        )
        if kind == "cooperation":
            for old in AgreementDocument.objects.filter(agreement=agreement):
                default_storage.delete(old.stored_name)
                old.delete()
            stored = default_storage.save(
                f"network/{library.pk}/samenwerkingsovereenkomst.pdf", ContentFile(_PDF)
            )
            AgreementDocument.objects.create(
                agreement=agreement,
                title="Getekende samenwerkingsovereenkomst",
                file_name="Samenwerkingsovereenkomst Taalhuis.pdf",
                stored_name=stored,
                content_type="application/pdf",
                size=len(_PDF),
                uploaded_by=user,
            )
    return len(made)
