from django.urls import path

from ontwikkelplein.boekstart.views import desk, figures

app_name = "boekstart"

urlpatterns = [
    path("balie/boekstart/", desk.register, name="register"),
    path("balie/boekstart/<int:pk>/weghalen/", desk.remove, name="remove"),
    path("beheer/boekstart/cijfers/", figures.figures_page, name="figures"),
    path("beheer/boekstart/cijfers/download/", figures.figures_export, name="figures-export"),
]
