from django.urls import path

from ontwikkelplein.learning.views import (
    certificates,
    events,
    groups,
    overview,
    progress,
    trajectories,
)

app_name = "learning"

urlpatterns = [
    path("beheer/leren/", trajectories.trajectory_list, name="trajectory-list"),
    path("beheer/leren/trajecten/nieuw/", trajectories.trajectory_form, name="trajectory-create"),
    path(
        "beheer/leren/trajecten/<uuid:pk>/bewerken/",
        trajectories.trajectory_form,
        name="trajectory-edit",
    ),
    path(
        "beheer/leren/trajecten/<uuid:pk>/",
        trajectories.trajectory_detail,
        name="trajectory-detail",
    ),
    path("beheer/leren/groepen/", groups.group_list, name="group-list"),
    path("beheer/leren/groepen/<uuid:pk>/", groups.group_detail, name="group-detail"),
    path("beheer/leren/groepen/<uuid:pk>/accepteren/", groups.group_accept, name="group-accept"),
    path("beheer/leren/groepen/<uuid:pk>/afronden/", groups.group_complete, name="group-complete"),
    path(
        "beheer/leren/groepen/<uuid:pk>/deelnemers/nieuw/",
        groups.participant_add,
        name="participant-add",
    ),
    path(
        "beheer/leren/groepen/<uuid:pk>/bijeenkomsten/nieuw/",
        groups.meeting_add,
        name="meeting-add",
    ),
    path("beheer/leren/groepen/<uuid:pk>/import/", groups.completion_import, name="import"),
    path("beheer/leren/groepen/<uuid:pk>/leervragen/", groups.questions, name="questions"),
    path(
        "beheer/leren/leervragen/<int:pk>/terugblik/",
        groups.question_revisit,
        name="question-revisit",
    ),
    path(
        "beheer/leren/bijeenkomsten/<uuid:pk>/bewerken/", groups.meeting_edit, name="meeting-edit"
    ),
    path(
        "beheer/leren/bijeenkomsten/<uuid:pk>/aanwezigheid/",
        groups.attendance,
        name="attendance",
    ),
    path(
        "beheer/leren/deelnemers/<uuid:pk>/",
        progress.participant_detail,
        name="participant-detail",
    ),
    path(
        "beheer/leren/deelnemers/<uuid:pk>/leervraag/",
        progress.own_question,
        name="own-question",
    ),
    path("beheer/leren/mijn-voortgang/", progress.my_progress, name="my-progress"),
    path(
        "beheer/leren/certificaten/<uuid:pk>/pdf/",
        certificates.certificate_download,
        name="certificate-pdf",
    ),
    path("beheer/leren/overzicht/", overview.overview, name="overview"),
    path("beheer/leren/kennisdelen/", events.event_list, name="event-list"),
    path("beheer/leren/kennisdelen/nieuw/", events.event_create, name="event-create"),
    path("beheer/leren/kennisdelen/<uuid:pk>/", events.event_detail, name="event-detail"),
    path(
        "beheer/leren/kennisdelen/<uuid:pk>/aanmelden/",
        events.event_sign_up,
        name="event-sign-up",
    ),
    path(
        "beheer/leren/themagroepen/<uuid:pk>/",
        events.theme_group_detail,
        name="theme-group-detail",
    ),
    path(
        "beheer/leren/themagroepen/<uuid:pk>/lidmaatschap/",
        events.theme_group_membership,
        name="theme-group-membership",
    ),
    path("certificaat/", certificates.verify, name="verify"),
]
