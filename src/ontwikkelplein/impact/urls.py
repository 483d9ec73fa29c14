from django.urls import path

from ontwikkelplein.impact.views import public, staff

app_name = "impact"

urlpatterns = [
    path("vragenlijst/", public.code_entry, name="code-entry"),
    path("vragenlijst/bedankt/", public.thanks, name="thanks"),
    path("vragenlijst/<str:code>/", public.fill, name="fill"),
    path("beheer/impact/", staff.overview, name="staff-overview"),
    path("beheer/impact/vragenlijsten/", staff.question_sets, name="staff-question-sets"),
    path(
        "beheer/impact/vragenlijsten/<slug:slug>/",
        staff.question_set_edit,
        name="staff-question-set",
    ),
    path("beheer/impact/download/", staff.export, name="staff-export"),
    path("beheer/impact/uitvoering/<uuid:run_id>/", staff.run_detail, name="staff-run"),
    path(
        "beheer/impact/uitvoering/<uuid:run_id>/vragenlijsten/",
        staff.run_measurement,
        name="staff-run-measurement",
    ),
    path(
        "beheer/impact/uitvoering/<uuid:run_id>/kaarten/", staff.run_cards, name="staff-run-cards"
    ),
    path(
        "beheer/impact/uitvoering/<uuid:run_id>/verhaal/", staff.run_story, name="staff-run-story"
    ),
    path(
        "beheer/impact/uitvoering/<uuid:run_id>/download/",
        staff.run_export,
        name="staff-run-export",
    ),
    path(
        "beheer/impact/vragenlijst/<slug:slug>/<str:moment>/afdrukken/",
        staff.print_questionnaire,
        name="staff-print",
    ),
    path(
        "beheer/impact/vragenlijst/<slug:slug>/<str:moment>/pdf/",
        staff.questionnaire_pdf_view,
        name="staff-pdf",
    ),
]
