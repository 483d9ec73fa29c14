from django.urls import path

from ontwikkelplein.organisations.views import branding, branding_staff

app_name = "branding"

urlpatterns = [
    path("huisstijl/<slug:slug>/kleuren-<str:version>.css", branding.stylesheet, name="css"),
    path(
        "huisstijl/<slug:slug>/voorbeeld-<str:version>.css",
        branding.preview_stylesheet,
        name="preview-css",
    ),
    path("huisstijl/<slug:slug>/logo-<str:version>", branding.logo, name="logo"),
    # The back-office page "Huisstijl" (docs/public-site.md, "Own branding and address").
    path("beheer/huisstijl/", branding_staff.branding_start, name="staff"),
    path("beheer/huisstijl/<uuid:pk>/", branding_staff.branding_edit, name="staff-edit"),
]
