"""A URLconf for the error page tests: the site's own URLs plus views that fail on purpose."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from ontwikkelplein.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("deliberate failure for the 500 page test")


def forbidden(request):
    raise PermissionDenied


def bad(request):
    raise BadRequest


urlpatterns = [
    path("test-fout/500/", boom),
    path("test-fout/403/", forbidden),
    path("test-fout/400/", bad),
    *site_urlpatterns,
]
