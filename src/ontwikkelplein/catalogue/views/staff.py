"""Staff back office for offers. Thin: writes go through services, reads through selectors."""

from django.http import HttpResponse


def _todo(*args, **kwargs):
    return HttpResponse("todo")


dashboard = offer_list = offer_create = offer_preview = offer_edit = offer_schedules = _todo
offer_publish = offer_archive = offer_verify = to_verify = unmatched_searches = _todo
