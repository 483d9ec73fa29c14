"""Template helpers of the desk screen."""

from django import template

from ontwikkelplein.desk.models import Category

register = template.Library()


@register.filter
def question_label(question) -> str:
    """A question in a few words: its topic, else the organisation it concerns, else its kind."""
    if question.topic_id:
        return question.topic.name
    if question.agency_id:
        return question.agency.name
    return str(Category(question.category).label)
