from django.urls import path, re_path

from ontwikkelplein.desk.views import figures, recognise, screen, start

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

# Herkennen en doorverwijzen: the guide, and the KB's pages for its content.
urlpatterns += [
    path("beheer/herkennen/", recognise.guide, name="recognise"),
    path("beheer/herkennen/inhoud/", recognise.content, name="recognise-content"),
]
for _kind in recognise.KINDS:
    urlpatterns += [
        path(
            f"beheer/herkennen/inhoud/{_kind}/nieuw/",
            recognise.create_view(_kind),
            name=f"recognise-{_kind}-create",
        ),
        path(
            f"beheer/herkennen/inhoud/{_kind}/<int:pk>/",
            recognise.edit_view(_kind),
            name=f"recognise-{_kind}-edit",
        ),
    ]
