from django.urls import path

from ontwikkelplein.organisations.views import branding

app_name = "branding"

urlpatterns = [
    path("huisstijl/<slug:slug>/kleuren-<str:version>.css", branding.stylesheet, name="css"),
    path("huisstijl/<slug:slug>/logo-<str:version>", branding.logo, name="logo"),
]
