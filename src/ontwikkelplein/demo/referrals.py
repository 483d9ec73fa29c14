"""Demo referrals: a handful in Bibliotheek Eemland and Nieuwe Veste, in every stage, so the
inbox, the sent list (with outcomes) and the figures have something to show.

Made through referrals.services like real ones; each has a fixed reference code (DEMV-...), so
loading again skips what exists. Run after the organisations, users and offers are loaded."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ontwikkelplein.catalogue.models import Offer, OfferStatus
from ontwikkelplein.demo.ids import demo_uuid
from ontwikkelplein.desk.models import ColleagueRole
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.referrals import services
from ontwikkelplein.referrals.models import (
    ContactPreference,
    Outcome,
    ReceiverKind,
    Referral,
    Source,
    Status,
)
from ontwikkelplein.referrals.workdays import add_working_days

ACTOR = "Demo"
CONSENT = (
    "De persoon geeft toestemming om naam en contactgegevens door te geven aan de organisatie "
    "die de vraag oppakt. (Demo)"
)

# reference, sender user, sender org key, receiver org key, kind, role, question, person,
# days ago, steps (statuses, then ("close", outcome, reason)), assignee username
REFERRALS = [
    {
        "reference": "DEMV-AAA2",
        "source": Source.DESK,
        "sender": ("balie", "eemland"),
        "receiver": "eemland",
        "kind": ReceiverKind.COLLEAGUE,
        "role": ColleagueRole.IDO,
        "question": "Wil hulp bij het aanvragen van DigiD en het inloggen bij de gemeente.",
        "person": ("Anna de Boer", ContactPreference.PHONE, "06 11111111", ""),
        "days_ago": 6,
        "steps": [],
    },
    {
        "reference": "DEMV-AAA3",
        "source": Source.DESK,
        "sender": ("balie", "eemland"),
        "receiver": "eemland",
        "kind": ReceiverKind.COLLEAGUE,
        "role": ColleagueRole.LANGUAGE_HOUSE,
        "question": "Wil beter leren lezen en schrijven voor het werk.",
        "person": ("Mohamed El Amrani", ContactPreference.PHONE, "06 22222222", ""),
        "days_ago": 2,
        "steps": [Status.RECEIVED],
        "assignee": "specialist",
    },
    {
        "reference": "DEMV-AAA4",
        "source": Source.STAFF,
        "sender": ("specialist", "eemland"),
        "receiver": "humanitas-amersfoort",
        "kind": ReceiverKind.PARTNER,
        "role": "",
        "question": "Zoekt hulp bij de administratie en openstaande rekeningen.",
        "person": ("Joke Visser", ContactPreference.VIA_SENDER, "", ""),
        "days_ago": 4,
        "steps": [Status.RECEIVED, Status.CONTACTED],
    },
    {
        "reference": "DEMV-AAA5",
        "source": Source.DESK,
        "sender": ("balie", "eemland"),
        "receiver": "eemland",
        "kind": ReceiverKind.COLLEAGUE,
        "role": ColleagueRole.TAX_HELP,
        "question": "Hulp bij de aangifte inkomstenbelasting.",
        "person": ("Henk Smit", ContactPreference.PHONE, "033 1234567", ""),
        "days_ago": 12,
        "steps": [Status.RECEIVED, Status.CONTACTED, ("close", Outcome.HELPED, "")],
    },
    {
        "reference": "DEMV-AAA6",
        "source": Source.RESIDENT,
        "sender": None,
        "receiver": "eemland",
        "kind": ReceiverKind.OFFER,
        "role": "",
        "question": "Ik wil leren werken met mijn tablet.",
        "person": ("Els Bakker", ContactPreference.EMAIL, "", "els.bakker@example.org"),
        "days_ago": 1,
        "steps": [],
    },
    {
        "reference": "DEMV-AAA7",
        "source": Source.STAFF,
        "sender": ("specialist-breda", "nieuwe-veste"),
        "receiver": "nieuwe-veste",
        "kind": ReceiverKind.COLLEAGUE,
        "role": ColleagueRole.SPECIALIST,
        "question": "Wil een cursus Klik & Tik volgen.",
        "person": None,
        "days_ago": 20,
        "steps": [
            Status.RECEIVED,
            ("close", Outcome.NOT_SUITABLE, "De cursus is alleen overdag; de persoon werkt."),
        ],
    },
    # Two that did not fit in Eemland, for the neighbourhood's needs page (community.md).
    {
        "reference": "DEMV-AAA8",
        "source": Source.STAFF,
        "sender": ("specialist", "eemland"),
        "receiver": "eemland",
        "kind": ReceiverKind.OFFER,
        "role": "",
        "question": "Ouders willen samen voorlezen op zaterdag; ze werken doordeweeks.",
        "person": None,
        "days_ago": 35,
        "steps": [
            Status.RECEIVED,
            ("close", Outcome.NOT_SUITABLE, "Alleen doordeweeks overdag."),
        ],
    },
    {
        "reference": "DEMV-AAA9",
        "source": Source.STAFF,
        "sender": ("specialist", "eemland"),
        "receiver": "eemland",
        "kind": ReceiverKind.OFFER,
        "role": "",
        "question": "Een moeder zoekt voorlezen met uitleg in het Arabisch.",
        "person": None,
        "days_ago": 60,
        "steps": [
            Status.RECEIVED,
            ("close", Outcome.NOT_SUITABLE, "Geen uitleg in een andere taal mogelijk."),
        ],
    },
]


def _organisation(key):
    return Organisation.objects.filter(pk=demo_uuid("organisation", key)).first()


def _create(spec):
    receiver = _organisation(spec["receiver"])
    if receiver is None:
        return None
    sender_user = sender_org = None
    if spec["sender"]:
        username, org_key = spec["sender"]
        sender_user = get_user_model().objects.filter(username=username).first()
        sender_org = _organisation(org_key)
        if sender_user is None or sender_org is None:
            return None
    offer = None
    if spec["kind"] == ReceiverKind.OFFER:
        offer = (
            Offer.objects.filter(organisation=receiver, status=OfferStatus.PUBLISHED)
            .order_by("title")
            .first()
        )
        if offer is None:
            return None
    person = None
    if spec["person"]:
        name, preference, phone, email = spec["person"]
        person = services.PersonData(
            name=name,
            contact_preference=preference,
            phone=phone,
            email=email,
            best_moment="Doordeweeks overdag",
            consent_text=CONSENT,
            consent_recorded_by=sender_user,
            consent_recorded_by_label="" if sender_user else "Inwoner (demo)",
        )
    referral = services.create_referral(
        source=spec["source"],
        receiver_organisation=receiver,
        receiver_kind=spec["kind"],
        receiver_role=spec["role"],
        offer=offer,
        question=spec["question"],
        sender_organisation=sender_org,
        sender_user=sender_user,
        person=person,
        actor_label=ACTOR if sender_user is None else "",
    )
    # A fixed code (so loading again finds it) and a date in the past (so the inbox shows
    # days open and an overdue one).
    created = timezone.now() - timedelta(days=spec["days_ago"])
    due = add_working_days(timezone.localtime(created).date(), 3)
    Referral.objects.filter(pk=referral.pk).update(
        reference=spec["reference"], created_at=created, first_contact_due=due
    )
    referral.refresh_from_db()
    for step in spec["steps"]:
        if isinstance(step, tuple):
            services.close_referral(referral, step[1], step[2], actor_label=ACTOR)
        else:
            services.change_status(referral, step, actor_label=ACTOR)
    assignee = get_user_model().objects.filter(username=spec.get("assignee") or "").first()
    if assignee is not None:
        services.assign_referral(referral, assignee, user=None)
    return referral


@transaction.atomic
def load_referrals() -> int:
    """Create the demo referrals that do not exist yet; returns how many were made."""
    made = 0
    for spec in REFERRALS:
        if Referral.objects.filter(reference=spec["reference"]).exists():
            continue
        if _create(spec) is not None:
            made += 1
    return made
