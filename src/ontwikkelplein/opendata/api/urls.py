"""The HSDS 3.1 API under /api/hsds/ (paths as in the HSDS OpenAPI file: no trailing slash)."""

from django.urls import path

from ontwikkelplein.opendata.api import views

app_name = "hsds"

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("services", views.ServiceListView.as_view(), name="services"),
    path("services/<str:id>", views.ServiceDetailView.as_view(), name="service"),
    path("organizations", views.OrganizationListView.as_view(), name="organizations"),
    path("organizations/<str:id>", views.OrganizationDetailView.as_view(), name="organization"),
    path(
        "service_at_locations",
        views.ServiceAtLocationListView.as_view(),
        name="service-at-locations",
    ),
    path(
        "service_at_locations/<str:id>",
        views.ServiceAtLocationDetailView.as_view(),
        name="service-at-location",
    ),
    path("taxonomies", views.TaxonomyListView.as_view(), name="taxonomies"),
    path("taxonomies/<str:id>", views.TaxonomyDetailView.as_view(), name="taxonomy"),
    path("taxonomy_terms", views.TaxonomyTermListView.as_view(), name="taxonomy-terms"),
    path("taxonomy_terms/<str:id>", views.TaxonomyTermDetailView.as_view(), name="taxonomy-term"),
]
