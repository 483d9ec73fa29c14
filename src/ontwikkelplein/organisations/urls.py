from django.urls import path

from ontwikkelplein.organisations.views import staff

app_name = "organisations"

urlpatterns = [
    path("", staff.location_list, name="location-list"),
    path("nieuw/", staff.location_create, name="location-create"),
    path("<uuid:pk>/bewerken/", staff.location_edit, name="location-edit"),
]
