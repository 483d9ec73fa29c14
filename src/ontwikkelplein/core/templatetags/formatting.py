"""Template filters for core/formatting.py: {{ day|date_text }}, {{ day|date_table }},
{{ price|amount }}, {{ count|number }}."""

from django import template

from ontwikkelplein.core import formatting

register = template.Library()

register.filter("date_text", formatting.date_text)
register.filter("date_table", formatting.date_table)
register.filter("amount", formatting.amount)
register.filter("number", formatting.number)
register.filter("percent", formatting.percent)
