from django.urls import path

from ontwikkelplein.overview.views import staff

app_name = "overview"

urlpatterns = [
    path("beheer/overzicht/", staff.index, name="index"),
    path("beheer/overzicht/download/<str:fmt>/", staff.export, name="export"),
]
