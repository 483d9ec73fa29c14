from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/django/", admin.site.urls),
    path("account/", include("ontwikkelplein.accounts.urls")),
    path("beheer/locaties/", include("ontwikkelplein.organisations.urls")),
    path("api/v1/", include("ontwikkelplein.desk.api.urls")),
    path("", include("ontwikkelplein.desk.urls")),
    path("", include("ontwikkelplein.catalogue.urls")),
]
