from django.urls import path

from ontwikkelplein.connections.views import staff

app_name = "connections"

urlpatterns = [
    path("beheer/in-verbinding/", staff.index, name="index"),
    path("beheer/in-verbinding/document.pdf", staff.document, name="document"),
    path("beheer/in-verbinding/overzicht/", staff.overview, name="overview"),
    path("beheer/in-verbinding/actie/nieuw/", staff.action_new, name="action-new"),
    path("beheer/in-verbinding/actie/<uuid:pk>/", staff.action_edit, name="action-edit"),
    path(
        "beheer/in-verbinding/actie/<uuid:pk>/afvinken/", staff.action_toggle, name="action-toggle"
    ),
    path(
        "beheer/in-verbinding/actie/<uuid:pk>/verwijderen/",
        staff.action_delete,
        name="action-delete",
    ),
]
