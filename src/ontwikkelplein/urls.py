from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/django/", admin.site.urls),
    path("account/", include("ontwikkelplein.accounts.urls")),
    path("beheer/locaties/", include("ontwikkelplein.organisations.urls")),
    path("", include("ontwikkelplein.catalogue.urls")),
]
