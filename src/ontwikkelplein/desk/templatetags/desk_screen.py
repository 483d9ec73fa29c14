"""Template helpers of the desk screen."""

from django import template

from ontwikkelplein.desk.models import Category, ColleagueRole, ReferralTarget

register = template.Library()


@register.filter
def question_label(question) -> str:
    """A question in a few words: its topic, else the organisation it concerns, else its kind."""
    if question.topic_id:
        return question.topic.name
    if question.agency_id:
        return question.agency.name
    return str(Category(question.category).label)


@register.filter
def referred_to(question) -> str:
    """To whom or what a question was referred, in a few words; empty when it was not."""
    target = question.referral_target
    if target == ReferralTarget.COLLEAGUE and question.referred_role:
        return str(ColleagueRole(question.referred_role).label)
    if target == ReferralTarget.ORGANISATION and question.referred_organisation_id:
        return question.referred_organisation.name
    if target == ReferralTarget.OFFER and question.referred_offer_id:
        return question.referred_offer.title
    return str(ReferralTarget(target).label) if target in ReferralTarget.values else ""
