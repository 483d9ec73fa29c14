from django.urls import path, re_path

from ontwikkelplein.desk.views import figures, screen, start

app_name = "desk"

# The desk screen (/balie/) and the figures (/beheer/cijfers/) are added here.
urlpatterns = [
    path("beheer/start/", start.start, name="start"),
    # Desk screen
    path("balie/", screen.screen, name="screen"),
    path("balie/verzenden/", screen.submit, name="screen-submit"),
    path("balie/<uuid:pk>/aanpassen/", screen.edit, name="screen-edit"),
    path("balie/<uuid:pk>/verwijderen/", screen.remove, name="screen-remove"),
    # Figures and their downloads
    path("beheer/cijfers/", figures.figures_page, name="figures"),
    re_path(
        r"^beheer/cijfers/export\.(?P<fmt>csv|xlsx)$", figures.figures_export, name="figures-export"
    ),
    re_path(
        r"^beheer/cijfers/ido-export\.(?P<fmt>csv|xlsx)$",
        figures.ido_export,
        name="figures-ido-export",
    ),
]
