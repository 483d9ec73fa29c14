"""Staff pages for an organisation's locations."""

from django.http import HttpResponse


def _todo(*args, **kwargs):
    return HttpResponse("todo")


location_list = location_create = location_edit = _todo
