"""URLconf of the front-desk benchmark server only: the whole site, plus a minimal JSON POST view
that does nothing, so the contacts API can be measured against the floor of the same server."""

import json

from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt
@require_POST
def noop(request):
    """Reads the JSON body and answers; no authentication, no database."""
    body = json.loads(request.body)
    return JsonResponse({"received": len(body)}, status=201)


urlpatterns = [
    path("bench/noop/", noop),
    path("", include("ontwikkelplein.urls")),
]
