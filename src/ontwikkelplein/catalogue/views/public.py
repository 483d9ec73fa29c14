"""Public pages: home, search and offer page. Thin: reads go through selectors and search."""

from django.http import HttpResponse


def home(request):
    return HttpResponse("Ontwikkelplein")


def search(request):
    return HttpResponse("zoeken")


def offer_detail(request, pk):
    return HttpResponse("aanbod")
