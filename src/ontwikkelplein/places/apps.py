from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "ontwikkelplein.places"
    verbose_name = "Places"
