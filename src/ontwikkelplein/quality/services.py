"""Writes of the quality framework, each atomic: a norm's own text and score, the documents,
the dates of the certification's steps, and keeping the programme register in step with them
(a proposal from the library; taking it over for the KB and the region's POI)."""

import uuid

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ontwikkelplein.core.formatting import date_text
from ontwikkelplein.organisations.models import Organisation
from ontwikkelplein.participation import services as register
from ontwikkelplein.quality import norms, selectors
from ontwikkelplein.quality.models import STEPS, Attachment, NormAnswer, SelfEvaluation

STEP_FIELDS = [field for _step, field, _label in STEPS] + ["valid_until"]
STEP_LABELS = {step: label for step, _field, label in STEPS}


def _evaluation(organisation: Organisation) -> SelfEvaluation:
    evaluation, _created = SelfEvaluation.objects.select_for_update().get_or_create(
        organisation=organisation, defaults={"year": timezone.localdate().year}
    )
    return evaluation


@transaction.atomic
def save_answer(user, organisation: Organisation, norm: norms.Norm, *, score: str, text: str):
    evaluation = _evaluation(organisation)
    answer, _created = NormAnswer.objects.get_or_create(evaluation=evaluation, norm=norm.code)
    answer.score = score
    answer.text = text
    answer.updated_by = user
    answer.save()
    evaluation.updated_by = user
    evaluation.save(update_fields=["updated_by", "updated_at"])
    return answer


def _stored_name(organisation: Organisation, extension: str) -> str:
    return f"quality/{organisation.pk}/{uuid.uuid4().hex}{extension}"


@transaction.atomic
def add_attachment(user, organisation: Organisation, norm: norms.Norm, *, title: str, upload):
    """Keeps a checked upload (AttachmentForm) in Django's storage under a name of our own."""
    evaluation = _evaluation(organisation)
    stored = default_storage.save(_stored_name(organisation, upload.checked_extension), upload)
    try:
        return Attachment.objects.create(
            evaluation=evaluation,
            norm=norm.code,
            title=title,
            file_name=_safe_file_name(upload.name, upload.checked_extension),
            stored_name=stored,
            content_type=upload.checked_content_type,
            size=upload.size,
            uploaded_by=user,
        )
    except Exception:
        default_storage.delete(stored)
        raise


def _safe_file_name(name: str, extension: str) -> str:
    base = "".join(c for c in (name or "").rsplit(".", 1)[0] if c.isalnum() or c in " -_")
    base = base.strip()[:150] or "document"
    return f"{base}{extension}"


@transaction.atomic
def delete_attachment(attachment: Attachment) -> None:
    stored = attachment.stored_name
    attachment.delete()
    transaction.on_commit(lambda: default_storage.delete(stored))


def open_attachment(attachment: Attachment):
    """The stored file, opened for reading (FileNotFoundError when it is gone)."""
    return default_storage.open(attachment.stored_name, "rb")


def _register_text(evaluation: SelfEvaluation, step: str) -> str:
    text = _(
        "Kwaliteitskader Taalhuis: de certificering van %(organisation)s staat bij de stap "
        "'%(step)s'."
    ) % {"organisation": evaluation.organisation.name, "step": STEP_LABELS[step]}
    if step == "certificate" and evaluation.certified_on:
        text += " " + _("Gecertificeerd op %(date)s, geldig tot %(until)s.") % {
            "date": date_text(evaluation.certified_on),
            "until": date_text(selectors.valid_until(evaluation)),
        }
    return text


@transaction.atomic
def save_steps(user, organisation: Organisation, form) -> SelfEvaluation:
    """Saves the StepsForm. When the step or the certificate's dates change and the programme
    register says otherwise, the register's keepers (the region's POI) get a proposal."""
    evaluation = _evaluation(organisation)
    before = {name: getattr(evaluation, name) for name in STEP_FIELDS}
    for name, value in form.cleaned_data.items():
        setattr(evaluation, name, value)
    evaluation.updated_by = user
    evaluation.save()
    changed = any(before[name] != getattr(evaluation, name) for name in STEP_FIELDS)
    difference = selectors.register_difference(evaluation)
    if changed and difference is not None and difference.differs:
        register.propose(user, organisation, _register_text(evaluation, difference.step))
    return evaluation


@transaction.atomic
def take_over_in_register(user, evaluation: SelfEvaluation):
    """The KB or the region's POI takes the step (and the certificate's dates) over into the
    programme register; the view has checked keeps_register."""
    difference = selectors.register_difference(evaluation)
    if difference is None:
        return None
    return register.record_certification(
        user,
        evaluation.organisation,
        step=difference.step,
        certified_on=difference.certified_on,
        valid_until=difference.valid_until,
    )
