from django.urls import path

from ontwikkelplein.opendata.views import exports, imports

app_name = "opendata"

urlpatterns = [
    # HSDS import (H2)
    path("beheer/gegevens/import/", imports.import_upload, name="import"),
    path("beheer/gegevens/import/termen/", imports.external_terms, name="import-terms"),
    path(
        "beheer/gegevens/import/termen/<uuid:pk>/",
        imports.external_term_map,
        name="import-term-map",
    ),
    path("beheer/gegevens/import/<uuid:pk>/", imports.import_detail, name="import-detail"),
    path("beheer/gegevens/import/<uuid:pk>/start/", imports.import_start, name="import-start"),
    path(
        "beheer/gegevens/import/<uuid:pk>/dubbel/<uuid:duplicate_pk>/",
        imports.import_duplicate,
        name="import-duplicate",
    ),
    # HSDS and spreadsheet export (H1)
    path("beheer/gegevens/export/", exports.export, name="export"),
    path("beheer/gegevens/export/<uuid:pk>/", exports.export_detail, name="export-detail"),
    path(
        "beheer/gegevens/export/<uuid:pk>/bestand/",
        exports.export_download,
        name="export-download",
    ),
]
