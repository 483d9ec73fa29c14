from django.urls import path

from ontwikkelplein.reports.views import public, staff

app_name = "reports"

urlpatterns = [
    path("beheer/rapportages/", staff.index, name="index"),
    path("beheer/rapportages/nieuw/", staff.new, name="new"),
    path("beheer/rapportages/<uuid:pk>/", staff.detail, name="detail"),
    path("beheer/rapportages/<uuid:pk>/concept.pdf", staff.draft_pdf, name="draft-pdf"),
    path("beheer/rapportages/<uuid:pk>/thema/<slug:theme>/", staff.text, name="text"),
    path("beheer/rapportages/<uuid:pk>/publiceren/", staff.publish, name="publish"),
    path("rapportage/<str:token>/", public.page, name="public"),
    path("rapportage/<str:token>/rapportage.pdf", public.pdf, name="public-pdf"),
    path("rapportage/<str:token>/versie/<int:number>/", public.page, name="public-version"),
    path(
        "rapportage/<str:token>/versie/<int:number>/rapportage.pdf",
        public.pdf,
        name="public-version-pdf",
    ),
]
