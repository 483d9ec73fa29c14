"""The demo's draaiboeken (/beheer/draaiboeken/): Bibliotheek Eemland (the library of the demo
specialist, team leader and front desk) has an upcoming voorleesmiddag with its tasks partly done
and one overdue, a taalcafé series that is over and evaluated, and its own template for a
workshop on safe online banking. The national example templates come from the migration (seeded
again here, in case they were removed). Keyed on library and title: loading the demo again gives
the same plans with their tasks reset to this state, dated from today."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from ontwikkelplein.activityplans import national_templates
from ontwikkelplein.activityplans.models import ActivityPlan, PlanPartner, PlanTask
from ontwikkelplein.catalogue.models import TaxonomyTerm
from ontwikkelplein.demo.dates import next_plausible
from ontwikkelplein.organisations.models import Location, Membership, Organisation

# (title, is_promotion, offset_days, owner username, done)
UPCOMING_TASKS = [
    (
        "Voorlezer vragen: Fatma (vrijwilliger) leest ook in het Turks voor",
        False,
        -28,
        "specialist",
        True,
    ),
    ("Poster maken met het thema van de Kinderboekenweek", True, -21, "specialist", False),
    (
        "Uitnodiging naar peuterspeelzaal De Boomhut en het consultatiebureau",
        True,
        -14,
        "teamleider",
        True,
    ),
    ("Bericht op website en Instagram", True, -7, "specialist", False),
    ("Prentenboeken bij het thema klaarzetten", False, -2, "balie", False),
    ("Kussens, knutselspullen en limonade klaarzetten", False, -1, "balie", False),
    ("Tekeningen ophangen en foto's (met toestemming) delen", True, 2, "specialist", False),
]
PAST_TASKS = [
    ("Ruimte in het Eemhuis reserveren", False, -42, "teamleider"),
    ("Vier taalvrijwilligers inroosteren", False, -35, "specialist"),
    ("Poster en flyer in eenvoudig Nederlands", True, -28, "specialist"),
    ("Inburgeringsdocenten en Humanitas mailen", True, -21, "specialist"),
    ("Koffie, thee en naambordjes", False, -1, "balie"),
    ("Nabespreken met de vrijwilligers", False, 42, "teamleider"),
]


def _terms(slug, codes):
    return TaxonomyTerm.objects.filter(taxonomy__slug=slug, code__in=codes)


def _plan(library, title, **fields):
    plan, _created = ActivityPlan.objects.update_or_create(
        organisation=library, title=title, defaults=fields
    )
    plan.partners.all().delete()
    plan.tasks.all().delete()
    return plan


@transaction.atomic
def load_activity_plans(today: datetime.date) -> int:
    national_templates.seed(ActivityPlan, PlanPartner, PlanTask, TaxonomyTerm)
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["specialist", "teamleider", "balie"])
    }
    membership = (
        Membership.objects.filter(user=users.get("specialist"))
        .select_related("organisation")
        .first()
    )
    if membership is None:
        return 0
    library = membership.organisation
    locations = Location.objects.filter(organisation=library)
    location = (
        locations.filter(name__icontains="Eemhuis").first() or locations.order_by("name").first()
    )
    humanitas = Organisation.objects.filter(name="Humanitas Amersfoort").first()
    seniorweb = Organisation.objects.filter(name="SeniorWeb").first()
    national = {p.title: p for p in ActivityPlan.objects.filter(organisation__isnull=True)}

    # 1. Upcoming: a voorleesmiddag in 12 days, copied from the national example.
    upcoming = _plan(
        library,
        "Voorleesmiddag Kinderboekenweek",
        is_template=False,
        kind="activity",
        audience="Ouders, opa's en oma's met kinderen van 2 tot 6 jaar uit de wijk Kruiskamp, "
        "waar veel gezinnen een andere moedertaal spreken.",
        aim="Kinderen genieten van een prentenboek en ouders zien hoe je samen leest, ook in de "
        "eigen taal. Ouders leren BoekStart kennen en nemen boeken mee naar huis.",
        starts_on=next_plausible(today + datetime.timedelta(days=12), location),
        start_time=datetime.time(15, 0),
        end_time=datetime.time(16, 0),
        sessions=1,
        location=location,
        venue="",
        co_creation="Twee moeders lezen hetzelfde prentenboek voor in het Turks en het Arabisch. "
        "De kinderen maken een tekening bij het verhaal voor de tentoonstelling in de bibliotheek.",
        promotion_channels="Peuterspeelzaal De Boomhut en het consultatiebureau geven de "
        "uitnodiging mee; website en Instagram van de bibliotheek; poster bij de ingang.",
        promotion_materials="Poster A3, uitnodiging in het Nederlands, Turks en Arabisch.",
        remind_owners=True,
        copied_from=national.get("Voorleesmiddag"),
        offer=None,
        evaluated_on=None,
        reach=None,
        partner_reach=None,
        went_well="",
        to_change="",
        story="",
        story_consent=False,
        story_shared=False,
        created_by=users.get("specialist"),
    )
    upcoming.themes.set(_terms("thema", ["kinderen-lezen-en-cultuur"]))
    upcoming.target_groups.set(_terms("doelgroep", ["ouders-jonge-kinderen", "kinderen-0-4"]))
    PlanPartner.objects.create(
        plan=upcoming,
        name="Ouders van peuterspeelzaal De Boomhut",
        contribution="Lezen voor in hun eigen taal en nemen andere ouders mee. Voor hen: hun "
        "taal is welkom in de bibliotheek.",
    )
    if humanitas:
        PlanPartner.objects.create(
            plan=upcoming,
            organisation=humanitas,
            contribution="Twee vrijwilligers van de thuisadministratie vertellen ouders over "
            "hulp bij post en formulieren. Wat het hen oplevert: nieuwe gezinnen bereiken.",
        )
    for title, promotion, offset, owner, done in UPCOMING_TASKS:
        due = upcoming.starts_on + datetime.timedelta(days=offset)
        PlanTask.objects.create(
            plan=upcoming,
            title=title,
            is_promotion=promotion,
            offset_days=offset,
            owner=users.get(owner),
            done_on=min(due, today) if done else None,
            done_by=users.get(owner) if done else None,
        )

    # 2. Over and evaluated: a taalcafé series of six weeks that ended a month ago.
    past = _plan(
        library,
        "Taalcafé in de wijk, voorjaarsreeks",
        is_template=False,
        kind="programme",
        audience="Inburgeraars en andere volwassenen die Nederlands willen oefenen met praten.",
        aim="Deelnemers oefenen Nederlands in een gesprek over alledaagse onderwerpen en vinden "
        "de weg naar het Taalhuis.",
        starts_on=next_plausible(today - datetime.timedelta(days=70), location),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
        sessions=6,
        location=location,
        venue="",
        co_creation="Deelnemers kozen elke week het onderwerp van de volgende keer; twee vaste "
        "bezoekers werden gastvrouw.",
        promotion_channels="Inburgeringsdocenten, Humanitas, website, poster in het buurthuis.",
        promotion_materials="Poster en flyer in eenvoudig Nederlands.",
        remind_owners=True,
        copied_from=national.get("Taalcafé"),
        offer=None,
        evaluated_on=today - datetime.timedelta(days=28),
        reach=38,
        partner_reach=6,
        went_well="Kleine tafels van vier met één taalvrijwilliger. De onderwerpen die "
        "deelnemers zelf kozen (de huisarts, de buren) leverden de beste gesprekken op.",
        to_change="Start om 10.30 uur: om 10.00 uur zijn ouders nog bij school. Vaker "
        "doorverwijzen naar het Taalhuis aan het einde van de ochtend.",
        story="Een moeder die eerst alleen luisterde, belde na de derde keer zelf de school om "
        "haar dochter ziek te melden. Ze vertelde het trots aan haar tafel.",
        story_consent=True,
        story_shared=False,
        created_by=users.get("specialist"),
    )
    past.themes.set(_terms("thema", ["nederlands-leren"]))
    past.target_groups.set(_terms("doelgroep", ["anderstaligen", "nieuwkomers"]))
    PlanPartner.objects.create(
        plan=past,
        name="Taalvrijwilligers van het Taalhuis",
        contribution="Leidden de gesprekken aan de tafels.",
    )
    if humanitas:
        PlanPartner.objects.create(
            plan=past,
            organisation=humanitas,
            contribution="Wierf deelnemers onder de gezinnen die zij begeleiden.",
        )
    for title, promotion, offset, owner in PAST_TASKS:
        PlanTask.objects.create(
            plan=past,
            title=title,
            is_promotion=promotion,
            offset_days=offset,
            owner=users.get(owner),
            done_on=past.starts_on + datetime.timedelta(days=offset),
            done_by=users.get(owner),
        )

    # 3. The library's own template.
    template = _plan(
        library,
        "Workshop veilig internetbankieren",
        is_template=True,
        kind="activity",
        audience="Ouderen die net beginnen met internetbankieren.",
        aim="Deelnemers herkennen nepberichten en bankieren veilig met de app of de website.",
        starts_on=None,
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 0),
        sessions=1,
        location=location,
        co_creation="Deelnemers nemen een nepbericht mee dat ze zelf kregen.",
        promotion_channels="Ouderenbond, balie en IDO, huis-aan-huisblad.",
        promotion_materials="Flyer met grote letters.",
        created_by=users.get("teamleider"),
    )
    template.themes.set(_terms("thema", ["digitale-vaardigheden", "geldzaken"]))
    template.target_groups.set(_terms("doelgroep", ["65-plussers"]))
    if seniorweb:
        PlanPartner.objects.create(
            plan=template,
            organisation=seniorweb,
            contribution="Een docent van SeniorWeb geeft de workshop.",
        )
    for title, promotion, offset in [
        ("Docent van SeniorWeb vastleggen", False, -42),
        ("Flyer maken", True, -28),
        ("Bericht voor het huis-aan-huisblad", True, -21),
        ("Laptops en wifi testen", False, -1),
    ]:
        PlanTask.objects.create(
            plan=template, title=title, is_promotion=promotion, offset_days=offset
        )
    return 3
