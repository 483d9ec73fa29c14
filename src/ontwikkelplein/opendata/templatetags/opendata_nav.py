"""For the staff menu: show "Gegevens importeren" only to those who may import."""

from django import template

from ontwikkelplein.opendata import services

register = template.Library()


@register.filter
def may_import(user) -> bool:
    return user.is_authenticated and services.may_import(user)
