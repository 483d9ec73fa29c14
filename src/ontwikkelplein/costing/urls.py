from django.urls import path

from ontwikkelplein.costing.views import staff

app_name = "costing"

urlpatterns = [
    path("beheer/rekenhulp/", staff.index, name="index"),
    path("beheer/rekenhulp/sociaal-educatieve-kaart/", staff.kaart, name="kaart"),
    path("beheer/rekenhulp/ido/", staff.ido, name="ido"),
]
