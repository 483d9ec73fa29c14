"""Late changes in a closed window forget the figures kept for it, in the same transaction as
the change (Django sends these signals synchronously, inside the caller's transaction):

- the desk's roll-ups changed for a day (a registration sent late, loaded with an earlier time,
  corrected or removed): the windows holding that day, of that library;
- a referral saved or removed: the windows holding the day it was sent, of the sender and the
  receiver (accepting or closing it later changes the figures of the period it was sent in);
- a course's run, session, enrolment, attendance or head count: every window of the run's library
  (a register filled in late, a participant who stopped);
- an impact questionnaire answered: the windows holding the day it was filled in."""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from ontwikkelplein.courses.models import Attendance, Enrolment, HeadCount, Run, Session
from ontwikkelplein.desk.signals import rollup_changed
from ontwikkelplein.impact.models import Card, Response
from ontwikkelplein.overview.selectors import forget
from ontwikkelplein.referrals.models import Referral


def desk_changed(sender, days, **kwargs):
    for organisation_id, day in days:
        forget([organisation_id], day)


def referral_changed(sender, instance, **kwargs):
    ids = [i for i in (instance.sender_organisation_id, instance.receiver_organisation_id) if i]
    if ids and instance.created_at is not None:
        forget(ids, timezone.localdate(instance.created_at))


def _run_organisation(instance):
    if isinstance(instance, Run):
        return instance.organisation_id
    if isinstance(instance, Session | Enrolment):
        return (
            Run.objects.filter(pk=instance.run_id).values_list("organisation_id", flat=True).first()
        )
    return (
        Session.objects.filter(pk=instance.session_id)
        .values_list("run__organisation_id", flat=True)
        .first()
    )


def course_changed(sender, instance, **kwargs):
    organisation_id = _run_organisation(instance)
    if organisation_id:
        forget([organisation_id])


def impact_changed(sender, instance, **kwargs):
    organisation_id = (
        Card.objects.filter(pk=instance.card_id)
        .values_list("run__organisation_id", flat=True)
        .first()
    )
    if organisation_id:
        forget([organisation_id], instance.submitted_on)


def connect() -> None:
    rollup_changed.connect(desk_changed, dispatch_uid="overview-desk")
    for name, signal in (("save", post_save), ("delete", post_delete)):
        signal.connect(referral_changed, sender=Referral, dispatch_uid=f"overview-referral-{name}")
        for model in (Run, Session, Enrolment, Attendance, HeadCount):
            signal.connect(
                course_changed, sender=model, dispatch_uid=f"overview-{model.__name__}-{name}"
            )
        signal.connect(impact_changed, sender=Response, dispatch_uid=f"overview-impact-{name}")
