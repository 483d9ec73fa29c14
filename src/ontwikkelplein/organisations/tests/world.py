"""The tenancy world: a small network in which every access rule can be tried.

    world = build_world()
    world.users["A"]["specialist"]        # a specialist of library A
    world.objects["A"]["offer"]           # a draft offer of library A

Two POI regions: Utrecht (POI A) and Groningen (POI B).
- "A" and "A2" are libraries in Utrecht (the same region), "B" a library in Groningen;
- "P" is a partner in Utrecht; "POI_A" and "POI_B" the POIs; "KB" the KB.
Users, one per demo role: front desk, specialist and team leader in each library, partner staff
in P, a POI adviser in each POI and a KB-beheerder.
Objects: `objects[library]` holds one of each kind owned by that library (an offer, a location,
a referral, a course with a session and an enrolment, a desk registration, a learning group with
a meeting, a participant, a learning question and a certificate, an import, an export, and in
its network a stakeholder, a contact person, an agreement and its document);
`objects["POI_A"]` and `objects["KB"]` a trajectory, an offer template, a theme group and an
event each.
`objects["P"]` a partner's offer, location, course and a referral it received from A.
`objects[key]["organisation"]` (A, A2, B, P) is the organisation itself.

The conftest at the repository root offers it as the `tenancy_world` fixture (built once per
test module); `build_world()` can also be called inside any test with database access.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.utils import timezone

from ontwikkelplein.activityplans.models import ActivityPlan, PlanPartner, PlanTask
from ontwikkelplein.boekstart.models import Kind as BoekStartKind
from ontwikkelplein.boekstart.models import Registration as BoekStartRegistration
from ontwikkelplein.catalogue.models import OfferStatus, OfferTemplate
from ontwikkelplein.catalogue.tests.factories import OfferFactory, offer_type
from ontwikkelplein.connections.models import ConnectionAction
from ontwikkelplein.courses.tests.factories import RunFactory, enrol_person
from ontwikkelplein.desk.models import CheckQuestion, HelpRoute, SelfTest, Signal
from ontwikkelplein.desk.tests.factories import ContactFactory
from ontwikkelplein.impact.models import QuestionSet
from ontwikkelplein.learning.models import Certificate, KnowledgeEvent, LearningQuestion, ThemeGroup
from ontwikkelplein.learning.tests.factories import (
    GroupFactory,
    MeetingFactory,
    ParticipantFactory,
    TrajectoryFactory,
)
from ontwikkelplein.materials.models import Material
from ontwikkelplein.needs.models import NeedNote
from ontwikkelplein.network.models import Agreement as NetworkAgreement
from ontwikkelplein.network.models import AgreementDocument, ContactPerson, Stakeholder
from ontwikkelplein.notifications.models import Notification
from ontwikkelplein.opendata.models import (
    ExportRun,
    ExportStatus,
    ExternalTerm,
    ImportRun,
    ImportStatus,
    LikelyDuplicate,
)
from ontwikkelplein.organisations.models import OrganisationKind, Role
from ontwikkelplein.organisations.tests.factories import (
    LocationFactory,
    OrganisationFactory,
    PartnerFactory,
    PoiFactory,
    staff_user,
)
from ontwikkelplein.participation.models import Participation, Proposal, Scheme
from ontwikkelplein.places.tests.factories import MunicipalityFactory, province
from ontwikkelplein.quality.models import Attachment, SelfEvaluation
from ontwikkelplein.readingguide.models import Label, LabelTable
from ontwikkelplein.referrals.models import ReceiverKind
from ontwikkelplein.referrals.tests.factories import ReferralFactory
from ontwikkelplein.reports.models import Report
from ontwikkelplein.verification.models import ChangeSuggestion

LIBRARY_ROLES = (Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER)
# The demo roles, each with the organisation (key in World.organisations) of its user.
DEMO_ROLES = {
    Role.FRONT_DESK: "A",
    Role.SPECIALIST: "A",
    Role.TEAM_LEADER: "A",
    Role.PARTNER_STAFF: "P",
    Role.POI_ADVISER: "POI_A",
    Role.KB_ADMIN: "KB",
}


@dataclass
class World:
    organisations: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)  # organisation key -> role -> user
    objects: dict = field(default_factory=dict)  # organisation key -> kind -> object

    def user(self, role: str):
        """The demo user of `role` (of library A, partner P, POI A or the KB)."""
        return self.users[DEMO_ROLES[role]][role]


def _library_objects(world: World, key: str, poi, trajectory) -> dict:
    library = world.organisations[key]
    specialist = world.users[key][Role.SPECIALIST]
    location = LocationFactory(organisation=library, municipality=world.municipality[key])
    offer = OfferFactory(
        organisation=library, status=OfferStatus.DRAFT, location=location, indexed=False
    )
    run = RunFactory(offer=offer, organisation=library, location=location, sessions=1)
    enrolment, _token = enrol_person(run)
    group = GroupFactory(trajectory=trajectory, library=library, poi=poi)
    participant = ParticipantFactory(group=group, user=world.users[key][Role.FRONT_DESK])
    import_run = ImportRun.objects.create(
        created_by=specialist,
        organisation=library,
        file_name="aanbod.json",
        status=ImportStatus.DONE,
    )
    return {
        "location": location,
        "offer": offer,
        "run": run,
        "session": run.sessions.first(),
        "enrolment": enrolment,
        "referral": ReferralFactory(
            sender_organisation=library,
            sender_user=world.users[key][Role.FRONT_DESK],
            person=None,
        ),
        "contact": ContactFactory(location=location, user=world.users[key][Role.FRONT_DESK]),
        "group": group,
        "meeting": MeetingFactory(group=group),
        "participant": participant,
        "question": LearningQuestion.objects.create(
            group=group, participant=participant, text="Hoe help ik bij DigiD?"
        ),
        "certificate": Certificate.objects.create(
            participant=participant,
            trajectory=trajectory,
            code=f"{key:X<4}-TEST-0001",
            holder_name=participant.name,
            trajectory_name=trajectory.name,
            issuer_name=trajectory.issuer.name,
            issued_at=timezone.now(),
        ),
        "import": import_run,
        "duplicate": LikelyDuplicate.objects.create(
            run=import_run,
            organisation=library,
            ours=offer,
            imported_id=uuid.uuid4(),
            imported_title=offer.title,
            score=95,
        ),
        "notification": Notification.objects.create(user=specialist, text="Nieuwe verwijzing"),
        "export": _export(specialist),
    }


def _export(user) -> ExportRun:
    """A finished export made by the worker, with its file in the (test) storage."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    run = ExportRun.objects.create(
        created_by=user, file_format="json", scope="regio", status=ExportStatus.DONE
    )
    run.stored_name = default_storage.save(f"exports/{run.pk}.json", ContentFile(b"[]"))
    run.file_name = "ontwikkelplein-hsds-catalogus.json"
    run.save()
    return run


def _quality_attachment(evaluation) -> Attachment:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    stored = default_storage.save(
        f"quality/{evaluation.organisation_id}/plan.pdf", ContentFile(b"%PDF-1.4 test")
    )
    return Attachment.objects.create(
        evaluation=evaluation,
        norm="beleid-financien",
        title="Meerjarenplan",
        file_name="plan.pdf",
        stored_name=stored,
        content_type="application/pdf",
        size=13,
    )


def _network_objects(library) -> dict:
    """A stakeholder in the library's network with a contact person and an agreement with a
    document (the network app, docs/community.md)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    stakeholder = Stakeholder.objects.create(
        organisation=library, name=f"Buurthuis van {library.name}", kind="community_centre"
    )
    agreement = NetworkAgreement.objects.create(
        stakeholder=stakeholder,
        kind="cooperation",
        title="Samenwerkingsovereenkomst",
        starts_on=datetime.date(2026, 1, 1),
    )
    stored = default_storage.save(
        f"network/{library.pk}/overeenkomst.pdf", ContentFile(b"%PDF-1.4 test")
    )
    return {
        "network_stakeholder": stakeholder,
        "network_contact": ContactPerson.objects.create(stakeholder=stakeholder, name="Anna"),
        "network_agreement": agreement,
        "network_document": AgreementDocument.objects.create(
            agreement=agreement,
            title="Overeenkomst",
            file_name="overeenkomst.pdf",
            stored_name=stored,
            content_type="application/pdf",
            size=13,
        ),
    }


def build_world() -> World:
    world = World()
    utrecht, groningen = province("Utrecht"), province("Groningen")
    world.municipality = {
        "A": MunicipalityFactory(province=utrecht),
        "B": MunicipalityFactory(province=groningen),
    }
    world.municipality["A2"] = world.municipality["P"] = world.municipality["A"]
    orgs = world.organisations
    orgs["KB"] = OrganisationFactory(name="KB testwereld", kind=OrganisationKind.KB)
    orgs["POI_A"] = PoiFactory(name="POI Utrecht", provinces=[utrecht])
    orgs["POI_B"] = PoiFactory(name="POI Groningen", provinces=[groningen])
    for key in ("A", "A2", "B"):
        orgs[key] = OrganisationFactory(
            name=f"Bibliotheek {key}", municipalities=[world.municipality[key]]
        )
    orgs["P"] = PartnerFactory(name="Welzijn P", municipalities=[world.municipality["P"]])

    for key in ("A", "A2", "B"):
        world.users[key] = {role: staff_user(orgs[key], role) for role in LIBRARY_ROLES}
    world.users["P"] = {Role.PARTNER_STAFF: staff_user(orgs["P"], Role.PARTNER_STAFF)}
    for key in ("POI_A", "POI_B"):
        world.users[key] = {Role.POI_ADVISER: staff_user(orgs[key], Role.POI_ADVISER)}
    world.users["KB"] = {Role.KB_ADMIN: staff_user(orgs["KB"], Role.KB_ADMIN, is_staff=True)}

    trajectory = TrajectoryFactory(owner=orgs["KB"])
    pois = {"A": orgs["POI_A"], "A2": orgs["POI_A"], "B": orgs["POI_B"]}
    for key in ("A", "A2", "B"):
        world.objects[key] = _library_objects(world, key, pois[key], trajectory)

    partner = orgs["P"]
    location = LocationFactory(organisation=partner, municipality=world.municipality["P"])
    offer = OfferFactory(
        organisation=partner, status=OfferStatus.DRAFT, location=location, indexed=False
    )
    world.objects["P"] = {
        "location": location,
        "offer": offer,
        "run": RunFactory(offer=offer, organisation=partner, location=location, sessions=1),
        "referral": ReferralFactory(
            sender_organisation=orgs["A"],
            sender_user=world.users["A"][Role.FRONT_DESK],
            receiver_kind=ReceiverKind.PARTNER,
            receiver_organisation=partner,
            person=None,
        ),
    }
    # Each library's programme register: one participation and one pending proposal.
    for key in ("A", "A2", "B"):
        world.objects[key]["participation"] = Participation.objects.create(
            organisation=orgs[key], scheme=Scheme.objects.get(code="ido")
        )
        world.objects[key]["participation_proposal"] = Proposal.objects.create(
            organisation=orgs[key], text="Ons Taalhuis is gecertificeerd."
        )
    # Each library's quality file (Taalhuis quality framework) with one document.
    for key in ("A", "A2", "B"):
        evaluation = SelfEvaluation.objects.create(
            organisation=orgs[key], year=2026, intake_on=datetime.date(2026, 1, 15)
        )
        world.objects[key]["quality_evaluation"] = evaluation
        world.objects[key]["quality_attachment"] = _quality_attachment(evaluation)
    # Each library's draaiboek (activity plan) with a task nobody owns and a co-creator.
    for key in ("A", "A2", "B"):
        plan = ActivityPlan.objects.create(organisation=orgs[key], title=f"Draaiboek {key}")
        world.objects[key]["activity_plan"] = plan
        world.objects[key]["plan_task"] = PlanTask.objects.create(plan=plan, title="Poster")
        world.objects[key]["plan_partner"] = PlanPartner.objects.create(plan=plan, name="Buren")
    # Each library's network: a stakeholder, its contact person, an agreement and its document.
    for key in ("A", "A2", "B"):
        world.objects[key].update(_network_objects(orgs[key]))
    # Each library's note about the needs of its neighbourhood (the needs app, community.md).
    for key in ("A", "A2", "B"):
        world.objects[key]["need_note"] = NeedNote.objects.create(
            organisation=orgs[key],
            text="Vraag naar een taalcafé op zaterdag.",
            noted_on=timezone.localdate(),
        )
    # Each library's planned action between two programmes (EMB in verbinding).
    for key in ("A", "A2", "B"):
        world.objects[key]["connection_action"] = ConnectionAction.objects.create(
            organisation=orgs[key],
            from_programme="ido",
            to_programme="dbos",
            description="Het IDO presenteren op de dBos-scholen",
            owner="Team jeugd",
            due_on=datetime.date(2026, 6, 1),
        )
    # A partner's suggested change ("Dit moet anders") on each library's and the partner's offer.
    for key in ("A", "A2", "B", "P"):
        world.objects[key]["change_suggestion"] = ChangeSuggestion.objects.create(
            offer=world.objects[key]["offer"], field="other", proposed="Het is nu op dinsdag."
        )
    # Each library's own leeswijzer table with one label, and a BoekStart registration made by
    # its front desk; the national table's label under "KB" (below).
    for key in ("A", "A2", "B"):
        table = LabelTable.objects.create(organisation=orgs[key], source="Eigen tabel")
        world.objects[key]["reading_label"] = Label.objects.create(
            table=table, code="AP", name="Prentenboeken", age_from=2, age_to=3, meaning="Voorlezen."
        )
        world.objects[key]["boekstart_registration"] = BoekStartRegistration.objects.create(
            organisation=orgs[key],
            location=world.objects[key]["location"],
            kind=BoekStartKind.CASE,
            day=timezone.localdate(),
            registered_by=world.users[key][Role.FRONT_DESK],
        )
    # Each library and the partner itself, for pages about an organisation as a whole.
    for key in ("A", "A2", "B", "P"):
        world.objects[key]["organisation"] = orgs[key]
    starts = timezone.now() + datetime.timedelta(days=14)
    for key in ("POI_A", "KB"):
        theme_group = ThemeGroup.objects.create(name=f"Themagroep {key}", organiser=orgs[key])
        world.objects[key] = {
            "trajectory": TrajectoryFactory(owner=orgs[key]),
            "template": OfferTemplate.objects.create(
                owner=orgs[key],
                title=f"Sjabloon {key}",
                summary="Kort.",
                description="Lang.",
                offer_type=offer_type(),
            ),
            "theme_group": theme_group,
            "event": KnowledgeEvent.objects.create(
                title=f"Kennissessie {key}",
                kind="webinar",
                organiser=orgs[key],
                starts_at=starts,
            ),
        }
    # Learning materials: each library's and the partner's own, and one on the national list
    # (no organisation; kept by the KB and the POIs) under "KB".
    for key in ("A", "A2", "B", "P", "KB"):
        world.objects[key]["material"] = Material.objects.create(
            organisation=None if key == "KB" else orgs[key],
            name=f"Leermiddel {key}",
            summary="Kort.",
            provider="Aanbieder",
            kind="programme",
            form="online",
            cost="free",
        )
    # Network-wide reference objects (not owned by a library): under "KB".
    world.objects["KB"]["question_set"] = QuestionSet.objects.get(slug="e-overheid")
    world.objects["KB"]["external_term"] = ExternalTerm.objects.create(
        id=uuid.uuid4(), name="Digitale vaardigheden"
    )
    # The national content of "Herkennen en doorverwijzen" (loaded by desk's data migration).
    world.objects["KB"]["recognition_signal"] = Signal.objects.first()
    world.objects["KB"]["recognition_question"] = CheckQuestion.objects.first()
    world.objects["KB"]["recognition_route"] = HelpRoute.objects.first()
    world.objects["KB"]["recognition_tool"] = SelfTest.objects.first()
    # Reports: each library's yearly report, the POI's quarterly report for its region and the
    # KB's for the nation.
    year = timezone.localdate().year
    for key, subject, quarter in (
        ("A", "library", None),
        ("A2", "library", None),
        ("B", "library", None),
        ("POI_A", "region", 1),
        ("KB", "nation", 1),
    ):
        world.objects[key]["report"] = Report.objects.create(
            organisation=orgs[key], subject=subject, year=year, quarter=quarter
        )
    # The national leeswijzer table (loaded by readingguide's data migration).
    world.objects["KB"]["reading_label"] = Label.objects.filter(table__national=True).first()
    return world
