"""Template helpers of the desk screen."""

from django import template

from ontwikkelplein.desk.models import Category
from ontwikkelplein.desk.screen_selectors import may_use_desk

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
def uses_desk(user) -> bool:
    """Whether the user has the desk screen (for the staff menu)."""
    return may_use_desk(user)
