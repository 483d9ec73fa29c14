from django.urls import path

from ontwikkelplein.participation.views import staff

app_name = "participation"

urlpatterns = [
    path("beheer/programmaregister/", staff.overview, name="overview"),
    path("beheer/programmaregister/<uuid:pk>/", staff.library, name="library"),
    path("beheer/programmaregister/<uuid:pk>/nieuw/", staff.add, name="add"),
    path("beheer/programmaregister/<uuid:pk>/voorstel/", staff.propose, name="propose"),
    path("beheer/programmaregister/deelname/<uuid:pk>/", staff.edit, name="edit"),
    path("beheer/programmaregister/deelname/<uuid:pk>/verwijderen/", staff.delete, name="delete"),
    path("beheer/programmaregister/voorstel/<uuid:pk>/", staff.decide, name="decide"),
]
