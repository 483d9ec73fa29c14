"""Writes of the front desk. CONTRACT STUB: the desk-screen work implements these; the signatures
are what the figures, the API and the benchmark code against."""

import datetime
import uuid
from dataclasses import dataclass, field

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.desk.models import Agency, Contact, Topic
from ontwikkelplein.organisations.models import Location, Organisation


@dataclass
class QuestionData:
    category: str  # Category value
    help_types: list[str]  # HelpType values, at least one
    agency: Agency | None = None
    topic: Topic | None = None
    referral_target: str = ""  # ReferralTarget value when help_types contains "referral"
    referred_role: str = ""
    referred_organisation: Organisation | None = None
    referred_offer: Offer | None = None
    duration: str = ""
    low_literacy_signal: bool = False


@dataclass
class ContactData:
    organisation: Organisation
    location: Location
    channel: str  # Channel value
    questions: list[QuestionData] = field(default_factory=list)
    note: str = ""
    registered_at: datetime.datetime | None = None  # defaults to now
    client_reference: uuid.UUID | None = None  # same reference twice = stored once


def register_contact(data: ContactData, *, user=None, source: str = "desk") -> tuple[Contact, bool]:
    """Validate (raises django.core.exceptions.ValidationError with Dutch messages), store the
    contact with its questions, record the change, update the DailyCount/DailyHelpCount roll-ups,
    all in one transaction. Returns (contact, created); created is False when a contact with the
    same organisation and client_reference already exists (that one is returned unchanged)."""
    raise NotImplementedError


def correct_contact(contact: Contact, data: ContactData, *, user) -> Contact:
    """Only the author, within 24 hours. Adjusts the roll-ups; records before/after."""
    raise NotImplementedError


def remove_contact(contact: Contact, *, user) -> None:
    """Only the author, within 24 hours. Marks it removed, subtracts it from the roll-ups."""
    raise NotImplementedError
