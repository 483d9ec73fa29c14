from django.urls import path

from ontwikkelplein.materials.views import staff

app_name = "materials"

urlpatterns = [
    path("beheer/leermiddelen/", staff.search, name="search"),
    path("beheer/leermiddelen/nieuw/", staff.create, name="create"),
    path("beheer/leermiddelen/<uuid:pk>/", staff.detail, name="detail"),
    path("beheer/leermiddelen/<uuid:pk>/bewerken/", staff.edit, name="edit"),
    path("beheer/leermiddelen/aanbod/<uuid:pk>/", staff.offer_materials, name="offer"),
    path("beheer/leermiddelen/uitvoering/<uuid:pk>/", staff.run_materials, name="run"),
]
