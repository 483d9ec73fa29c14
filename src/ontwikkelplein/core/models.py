"""Abstract models that the apps' models share. They add fields, never tables: core has no
migrations, and a model that starts to inherit from one of these keeps its database (the
fields are defined exactly as the apps had written them, so `makemigrations --check` stays
quiet)."""

from django.db import models


class CreatedAtModel(models.Model):
    """When the row was made (`created_at`, set once on insert).

    For records that are written once and then only read or deleted (API keys, notes, links,
    registrations, messages): ApiKey, OfferTemplateVersion, courses' Person and Enrolment,
    learning's Trajectory, Participant, LearningQuestion, ThemeGroup, KnowledgeEvent and
    EventRegistration, OutboxMessage, Notification, Membership, ReferralNote and PartnerLink.
    """

    # No verbose_name: the apps never gave one, and adding it would alter every field's
    # migration state. The interface shows these dates under its own labels.
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class TimestampedModel(CreatedAtModel):
    """`created_at` (set on insert) and `updated_at` (set on every save()).

    Used by Organisation, Location, Offer, OfferTemplate, courses' Run, desk's Contact and
    opendata's ExternalTerm. `updated_at` moves on every save(), and not on queryset.update()
    or bulk_update(): services that want it to show a real change (the HSDS import) save only
    when something differs, or save(update_fields=["updated_at"]) on purpose.

    Models that keep their own fields, and why:
    - Referral: its `created_at` has its own verbose name ("verstuurd op"), so the pair
      differs from this one.
    - opendata's ImportRun: `created_at` with the verbose name "aangemaakt", and no
      `updated_at` (a run records started_at and finished_at instead).
    - SynonymGroup, OfferTemplateAdoption and impact's RunMeasurement: only `updated_at`, no
      `created_at`; inheriting would add a column.
    """

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
