from django.urls import path

from ontwikkelplein.quality.views import staff

app_name = "quality"

urlpatterns = [
    path("beheer/kwaliteitskader/", staff.index, name="index"),
    path("beheer/kwaliteitskader/<uuid:pk>/", staff.evaluation, name="evaluation"),
    path("beheer/kwaliteitskader/<uuid:pk>/auditdossier.pdf", staff.document, name="document"),
    path("beheer/kwaliteitskader/<uuid:pk>/stappen/", staff.steps, name="steps"),
    path("beheer/kwaliteitskader/<uuid:pk>/register/", staff.take_over, name="take-over"),
    path("beheer/kwaliteitskader/<uuid:pk>/norm/<slug:code>/", staff.norm, name="norm"),
    path(
        "beheer/kwaliteitskader/<uuid:pk>/norm/<slug:code>/document/",
        staff.upload,
        name="upload",
    ),
    path("beheer/kwaliteitskader/bijlage/<uuid:pk>/", staff.download, name="download"),
    path(
        "beheer/kwaliteitskader/bijlage/<uuid:pk>/verwijderen/",
        staff.delete_attachment,
        name="delete-attachment",
    ),
]
