from django.urls import path

from ontwikkelplein.needs.views import staff

app_name = "needs"

urlpatterns = [
    path("beheer/behoeften/", staff.index, name="index"),
    path("beheer/behoeften/download.csv", staff.download, name="download"),
    path("beheer/behoeften/notitie/", staff.note_new, name="note-new"),
    path("beheer/behoeften/notitie/<uuid:pk>/", staff.note_edit, name="note-edit"),
    path("beheer/behoeften/notitie/<uuid:pk>/verwijderen/", staff.note_delete, name="note-delete"),
]
