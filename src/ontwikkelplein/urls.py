from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/django/", admin.site.urls),
    path("", include("ontwikkelplein.accounts.urls")),
    path("beheer/locaties/", include("ontwikkelplein.organisations.urls")),
    path("api/v1/", include("ontwikkelplein.desk.api.urls")),
    path("api/v1/", include("ontwikkelplein.referrals.api.urls")),
    path("api/hsds/", include("ontwikkelplein.opendata.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its start script from ?script instead of inline (strict CSP).
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    path("", include("ontwikkelplein.core.urls")),
    path("", include("ontwikkelplein.organisations.branding_urls")),
    path("", include("ontwikkelplein.desk.urls")),
    path("", include("ontwikkelplein.referrals.urls")),
    path("", include("ontwikkelplein.notifications.urls")),
    path("", include("ontwikkelplein.opendata.urls")),
    path("", include("ontwikkelplein.learning.urls")),
    path("", include("ontwikkelplein.courses.urls")),
    path("", include("ontwikkelplein.impact.urls")),
    path("", include("ontwikkelplein.wayfinder.urls")),
    path("", include("ontwikkelplein.verification.urls")),
    path("", include("ontwikkelplein.costing.urls")),
    path("", include("ontwikkelplein.participation.urls")),
    path("", include("ontwikkelplein.materials.urls")),
    path("", include("ontwikkelplein.quality.urls")),
    path("", include("ontwikkelplein.reports.urls")),
    path("", include("ontwikkelplein.overview.urls")),
    path("", include("ontwikkelplein.activityplans.urls")),
    path("", include("ontwikkelplein.readingguide.urls")),
    path("", include("ontwikkelplein.boekstart.urls")),
    path("", include("ontwikkelplein.network.urls")),
    path("", include("ontwikkelplein.needs.urls")),
    path("", include("ontwikkelplein.connections.urls")),
    path("", include("ontwikkelplein.catalogue.urls")),
]
