"""Demo learning trajectories, groups and certificates, so the learning pages show something.

- Four trajectories: the national front-office trajectory ("De publieksservice ..."), the IDO
  basic package, the volunteers' "Taal voor het Leven" training and the Community Librarian
  course.
- Bibliotheek Eemland (demo logins teamleider, specialist, balie) runs the front-office
  trajectory with BiSC: half-way, two meetings registered, Bas (login balie) taking part.
- Bibliotheek Eemland finished the IDO basic package last year: six certificates. The first has
  the fixed code DEMO_CODE, to try the public page /certificaat/.
- Nieuwe Veste (Breda) signed up for the front-office trajectory; Cubiss has still to accept it.

Idempotent: every record has a fixed UUID or natural key; loading again adds nothing twice.
Certificates are issued by learning.services.check_certificates, as in real use."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ontwikkelplein.demo import data
from ontwikkelplein.demo.dates import next_plausible_datetime
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.learning import services
from ontwikkelplein.learning.models import (
    Attendance,
    Certificate,
    CompletionSource,
    Component,
    ComponentKind,
    EventKind,
    EventRegistration,
    Group,
    GroupState,
    KnowledgeEvent,
    LearningQuestion,
    Meeting,
    ModuleCompletion,
    Participant,
    ThemeGroup,
    ThemeGroupMember,
    Trajectory,
)
from ontwikkelplein.organisations.models import Organisation

DEMO_CODE = "DEMA-EEMH-2345"

FRONT_OFFICE = "De publieksservice en de educatief maatschappelijke Bibliotheek"
TRAJECTORIES = [
    {
        "key": "frontoffice",
        "name": FRONT_OFFICE,
        "owner": "kb",
        "issuer": "kb",
        "audience": "Medewerkers van de frontoffice: het eerste loket van de Bibliotheek.",
        "description": (
            "Alle medewerkers van de frontoffice weten wat hun Bibliotheek kwetsbare mensen te "
            "bieden heeft, zodat zij klanten goed helpen of correct naar de juiste collega "
            "doorverwijzen. Een kick-off waarin de leervragen worden verzameld, zeven "
            "e-learnings op een eigen tijd en plek, bijeenkomsten in de eigen Bibliotheek en een "
            "slotbijeenkomst die terugkijkt op de leervragen. Docenten zijn specialisten van de "
            "eigen Bibliotheek, eventueel met begeleiding van de POI."
        ),
        "attendance_percentage": 75,
        "group_min": 1,
        "group_max": 20,
        "duration_weeks": 13,
        "price_per_group": Decimal("5625.00"),
        "validity_months": None,
        "modules": [
            "BoekStart",
            "de Bibliotheek op school",
            "Landelijke context",
            "Activiteiten van jouw Bibliotheek",
            "'Nieuwe' klanten herkennen en doorverwijzen",
            "Het digiTaalhuis",
            "Het IDO",
        ],
        "meetings": [
            ("Kick-off: leervragen en planning", 90),
            ("BoekStart en de Bibliotheek op school in onze Bibliotheek", 180),
            ("Basisvaardigheden en ons netwerk", 180),
            ("Slotbijeenkomst: terugblik op de leervragen", 90),
        ],
        "assignments": [],
    },
    {
        "key": "ido-basis",
        "name": "IDO-basisaanbod",
        "owner": "kb",
        "issuer": "kb",
        "audience": "Medewerkers en vrijwilligers van het Informatiepunt Digitale Overheid.",
        "description": "E-learning over de digitale overheid, gespreksvaardigheden en privacy, "
        "met een praktijkbijeenkomst.",
        "attendance_percentage": 100,
        "group_min": 4,
        "group_max": 16,
        "duration_weeks": 6,
        "price_per_group": Decimal("1950.00"),
        "validity_months": 36,
        "modules": ["De digitale overheid", "Gespreksvaardigheden aan de IDO-balie", "Privacy"],
        "meetings": [("Praktijkbijeenkomst IDO", 180)],
        "assignments": [],
    },
    {
        "key": "taal-voor-het-leven",
        "name": "Taal voor het Leven: basistraining taalvrijwilligers",
        "owner": "bisc",
        "issuer": "lezen-en-schrijven",
        "audience": "Nieuwe taalvrijwilligers.",
        "description": "Drie trainingsdagdelen over lesgeven aan volwassenen die moeite hebben "
        "met lezen en schrijven.",
        "attendance_percentage": 100,
        "group_min": 6,
        "group_max": 14,
        "duration_weeks": 4,
        "price_per_group": Decimal("1200.00"),
        "validity_months": None,
        "modules": [],
        "meetings": [("Dagdeel 1", 180), ("Dagdeel 2", 180), ("Dagdeel 3", 180)],
        "assignments": [],
    },
    {
        "key": "community-librarian",
        "name": "Community Librarian",
        "owner": "probiblio",
        "issuer": "probiblio",
        "audience": "Medewerkers die in de wijk gaan werken; 6 tot 8 uur studie per week.",
        "description": "Vier lesdagen met opdrachten tussendoor.",
        "attendance_percentage": 75,
        "group_min": 8,
        "group_max": 16,
        "duration_weeks": 12,
        "price_per_group": Decimal("14400.00"),
        "validity_months": None,
        "modules": [],
        "meetings": [("Lesdag 1", 360), ("Lesdag 2", 360), ("Lesdag 3", 360), ("Lesdag 4", 360)],
        "assignments": ["Wijkverkenning", "Netwerkkaart", "Plan van aanpak"],
    },
]

# (name, role, demo username or None). Bas is the demo login "balie".
EEMLAND_FRONT_OFFICE = [
    ("Bas Baliemans", "baliemedewerker", "balie"),
    ("Fatima El Amrani", "baliemedewerker", None),
    ("Joost Verbeek", "baliemedewerker", None),
    ("Ineke de Graaf", "ido_medewerker", None),
    ("Ruud Hendriks", "baliemedewerker", None),
    ("Sevda Yilmaz", "taalvrijwilliger", None),
]
EEMLAND_IDO = [
    ("Ineke de Graaf", "ido_kartrekker"),
    ("Henk Wolters", "ido_medewerker"),
    ("Anouk Smit", "ido_medewerker"),
    ("Mohamed Bakker", "ido_medewerker"),
    ("Lotte Visser", "ido_medewerker"),
    ("Gerrit Mulder", "ido_medewerker"),
]


def _organisations() -> dict[str, Organisation]:
    specs = [data.KB, *data.POIS, *data.LIBRARIES, *data.PARTNERS]
    by_name = {o.name: o for o in Organisation.objects.all()}
    return {spec["key"]: by_name[spec["name"]] for spec in specs if spec["name"] in by_name}


def _trajectory(spec, orgs) -> Trajectory:
    values = {
        "owner": orgs[spec["owner"]],
        "issuer": orgs[spec["issuer"]],
        "audience": spec["audience"],
        "description": spec["description"],
        "attendance_percentage": spec["attendance_percentage"],
        "group_min": spec["group_min"],
        "group_max": spec["group_max"],
        "duration_weeks": spec["duration_weeks"],
        "price_per_group": spec["price_per_group"],
        "validity_months": spec["validity_months"],
    }
    trajectory, _ = Trajectory.objects.update_or_create(
        name=spec["name"],
        defaults=values,
        create_defaults={**values, "id": demo_uuid("trajectory", spec["key"])},
    )
    parts = [(ComponentKind.MODULE, title, 60) for title in spec["modules"]]
    parts += [(ComponentKind.MEETING, title, minutes) for title, minutes in spec["meetings"]]
    parts += [(ComponentKind.ASSIGNMENT, title, 120) for title in spec["assignments"]]
    for position, (kind, title, minutes) in enumerate(parts, start=1):
        Component.objects.update_or_create(
            trajectory=trajectory,
            kind=kind,
            title=title,
            defaults={"position": position, "planned_minutes": minutes, "required": True},
        )
    return trajectory


def _group(key, trajectory, library, poi, state, **values) -> Group:
    group, _ = Group.objects.get_or_create(
        pk=demo_uuid("learning-group", key),
        defaults={
            "trajectory": trajectory,
            "library": library,
            "poi": poi,
            "name": f"{trajectory.name} – {library.name}",
            "state": state,
            "price": trajectory.price_per_group,
            **values,
        },
    )
    return group


def _meetings(group, first: datetime.datetime) -> list[Meeting]:
    components = list(group.trajectory.components.filter(kind=ComponentKind.MEETING))
    step = datetime.timedelta(weeks=group.trajectory.duration_weeks / max(len(components), 1))
    meetings = []
    for index, component in enumerate(components):
        meeting, _ = Meeting.objects.get_or_create(
            pk=demo_uuid("learning-meeting", f"{group.pk}:{index}"),
            defaults={
                "group": group,
                "component": component,
                "title": component.title,
                "starts_at": next_plausible_datetime(
                    (first + step * index).replace(hour=first.hour, minute=0), workday=True
                ),
                "planned_minutes": component.planned_minutes,
                "place": "Bibliotheek Eemhuis",
                "teachers": "Sanne de Vries (specialist)",
            },
        )
        meetings.append(meeting)
    return meetings


def _participant(group, name, role, joined_on, user=None) -> Participant:
    participant, _ = Participant.objects.get_or_create(
        group=group,
        name=name,
        defaults={
            "id": demo_uuid("learning-participant", f"{group.pk}:{name}"),
            "role": role,
            "joined_on": joined_on,
            "user": user,
        },
    )
    return participant


def _attend(meeting, participant, status) -> None:
    Attendance.objects.get_or_create(
        meeting=meeting, participant=participant, defaults={"status": status}
    )


def _complete(participant, component, day) -> None:
    ModuleCompletion.objects.get_or_create(
        participant=participant,
        component=component,
        defaults={"completed_on": day, "source": CompletionSource.IMPORT},
    )


def load_learning(today: datetime.date | None = None) -> dict[str, int]:
    """Load the demo learning data; returns counts for the load_demo command."""
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    User = get_user_model()
    with transaction.atomic():
        orgs = _organisations()
        trajectories = {spec["key"]: _trajectory(spec, orgs) for spec in TRAJECTORIES}
        eemland, bisc = orgs["eemland"], orgs["bisc"]
        leader = User.objects.filter(username="teamleider").first()
        adviser = User.objects.filter(username="poi-adviseur").first()

        # Running: the front-office trajectory in Eemland, half-way.
        front = trajectories["frontoffice"]
        start = today - datetime.timedelta(weeks=6)
        group = _group(
            "eemland-frontoffice",
            front,
            eemland,
            bisc,
            GroupState.RUNNING,
            requested_by=leader,
            accepted_by=adviser,
            accepted_at=timezone.now(),
            preferred_start=start,
            expected_participants=15,
        )
        meetings = _meetings(group, datetime.datetime.combine(start, datetime.time(19), tz))
        modules = list(front.components.filter(kind=ComponentKind.MODULE))
        people = []
        for name, role, username in EEMLAND_FRONT_OFFICE:
            user = User.objects.filter(username=username).first() if username else None
            # Sevda joined after the kick-off: it does not count for her.
            joined = start + datetime.timedelta(days=7) if name.startswith("Sevda") else start
            people.append(_participant(group, name, role, joined, user))
        past = [m for m in meetings if timezone.localdate(m.starts_at) < today]
        statuses = ["present", "present", "absent", "present", "absent", "present"]
        second = ["present", "excused", "absent", "present", "present", "present"]
        for participant, first_status, second_status in zip(people, statuses, second, strict=True):
            for meeting, status in zip(past[:2], [first_status, second_status], strict=False):
                if timezone.localdate(meeting.starts_at) >= participant.joined_on:
                    _attend(meeting, participant, status)
        for index, participant in enumerate(people):
            for module in modules[: 7 - index]:
                _complete(participant, module, start + datetime.timedelta(days=10))
        for participant, text in [
            (people[0], "Hoe herken ik iemand die moeite heeft met lezen, zonder te kwetsen?"),
            (people[1], "Wat doet het digiTaalhuis precies en wie is daar mijn collega?"),
            (None, "Welke activiteiten van BoekStart kunnen we aan ouders aanraden?"),
        ]:
            LearningQuestion.objects.get_or_create(
                group=group, text=text, defaults={"participant": participant}
            )

        # Completed last year: the IDO basic package, six certificates.
        ido = trajectories["ido-basis"]
        ido_start = today - datetime.timedelta(days=300)
        done = _group(
            "eemland-ido",
            ido,
            eemland,
            bisc,
            GroupState.COMPLETED,
            requested_by=leader,
            accepted_by=adviser,
            accepted_at=timezone.now(),
            completed_at=timezone.now(),
        )
        ido_meetings = _meetings(done, datetime.datetime.combine(ido_start, datetime.time(10), tz))
        ido_people = [_participant(done, n, r, ido_start) for n, r in EEMLAND_IDO]
        for participant in ido_people:
            for module in ido.components.filter(kind=ComponentKind.MODULE):
                _complete(participant, module, ido_start + datetime.timedelta(days=14))
            for meeting in ido_meetings:
                _attend(meeting, participant, "present")
        services.check_certificates(ido_people)
        first = Certificate.objects.filter(participant=ido_people[0]).first()
        taken = Certificate.objects.filter(code=DEMO_CODE).exclude(pk=getattr(first, "pk", None))
        if first is not None and first.code != DEMO_CODE and not taken.exists():
            first.code = DEMO_CODE
            first.save(update_fields=["code"])

        # Requested: Nieuwe Veste waits for Cubiss.
        if "nieuwe-veste" in orgs and "cubiss" in orgs:
            _group(
                "nieuwe-veste-frontoffice",
                front,
                orgs["nieuwe-veste"],
                orgs["cubiss"],
                GroupState.REQUESTED,
                preferred_start=today + datetime.timedelta(weeks=8),
                expected_participants=18,
                notes="Graag op dinsdagavond.",
            )
        _load_events(orgs, today, tz)
    return {
        "trajectories": Trajectory.objects.count(),
        "learning_groups": Group.objects.count(),
        "certificates": Certificate.objects.count(),
    }


def _load_events(orgs, today, tz) -> None:
    """A BiSC theme group that met three times (about four times a year) and meets again, and
    a KB webinar. Sanne (login specialist) is a member and signed up for the next meeting."""
    User = get_user_model()
    bisc, kb = orgs["bisc"], orgs["kb"]
    group, _ = ThemeGroup.objects.get_or_create(
        name="Themagroep Basisvaardigheden Utrecht",
        defaults={
            "id": demo_uuid("theme-group", "basisvaardigheden-utrecht"),
            "organiser": bisc,
            "description": "Specialisten basisvaardigheden uit de Utrechtse bibliotheken delen "
            "ervaringen met het digiTaalhuis, het IDO en samenwerking met partners.",
        },
    )
    specialist = User.objects.filter(username="specialist").first()
    if specialist is not None:
        ThemeGroupMember.objects.get_or_create(
            theme_group=group, user=specialist, defaults={"organisation": orgs["eemland"]}
        )
    events = [
        ("themagroep-1", "Themagroep: het digiTaalhuis na de zomer", -270, group),
        ("themagroep-2", "Themagroep: samenwerken met welzijn", -180, group),
        ("themagroep-3", "Themagroep: IDO-cijfers delen", -90, group),
        ("themagroep-4", "Themagroep: plannen voor volgend jaar", 21, group),
    ]
    for key, title, days, theme_group in events:
        starts = next_plausible_datetime(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(14), tz),
            workday=True,
        )
        event, _ = KnowledgeEvent.objects.get_or_create(
            pk=demo_uuid("knowledge-event", key),
            defaults={
                "title": title,
                "kind": EventKind.THEME_GROUP,
                "organiser": bisc,
                "theme_group": theme_group,
                "starts_at": starts,
                "planned_minutes": 150,
                "place": "BiSC, Utrecht",
                "capacity": 20,
            },
        )
        if specialist is not None:
            EventRegistration.objects.get_or_create(
                event=event, user=specialist, defaults={"organisation": orgs["eemland"]}
            )
    KnowledgeEvent.objects.get_or_create(
        pk=demo_uuid("knowledge-event", "kb-webinar-ido"),
        defaults={
            "title": "Webinar: nieuw in het IDO-basisaanbod",
            "kind": EventKind.WEBINAR,
            "organiser": kb,
            "starts_at": next_plausible_datetime(
                datetime.datetime.combine(
                    today + datetime.timedelta(days=10), datetime.time(10), tz
                ),
                workday=True,
            ),
            "planned_minutes": 60,
            "place": "Online",
            "capacity": 100,
        },
    )
