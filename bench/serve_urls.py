"""URLconf of the load benchmark's server only (bench/serve.py): the whole site, plus a minimal
view that renders nothing and touches no database, served by the same gunicorn with the same
settings and middleware, so the site's pages can be compared with the floor of that server."""

from django.http import HttpResponse
from django.urls import include, path


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/minimal/", minimal),
    path("", include("ontwikkelplein.urls")),
]
