from django.urls import path

from ontwikkelplein.courses.views import public, staff

app_name = "courses"

# Staff (views/staff.py), under /beheer/cursussen/.
urlpatterns = [
    path("beheer/cursussen/", staff.run_list, name="staff-run-list"),
    path("beheer/cursussen/nieuw/", staff.run_create, name="staff-run-create"),
    path("beheer/cursussen/bereik/", staff.reach, name="staff-reach"),
    path("beheer/cursussen/<uuid:pk>/", staff.run_detail, name="staff-run-detail"),
    path("beheer/cursussen/<uuid:pk>/bewerken/", staff.run_edit, name="staff-run-edit"),
    path("beheer/cursussen/<uuid:pk>/publiceren/", staff.run_publish, name="staff-run-publish"),
    path("beheer/cursussen/<uuid:pk>/annuleren/", staff.run_cancel, name="staff-run-cancel"),
    path(
        "beheer/cursussen/<uuid:pk>/bijeenkomsten/", staff.run_sessions, name="staff-run-sessions"
    ),
    path("beheer/cursussen/<uuid:pk>/begeleiders/", staff.run_helpers, name="staff-run-helpers"),
    path("beheer/cursussen/<uuid:pk>/inschrijven/", staff.enrol, name="staff-enrol"),
    path(
        "beheer/cursussen/inschrijving/<uuid:pk>/",
        staff.enrolment_action,
        name="staff-enrolment-action",
    ),
    path(
        "beheer/cursussen/inschrijving/<uuid:pk>/bevestiging/",
        staff.enrolment_print,
        name="staff-enrolment-print",
    ),
    path(
        "beheer/cursussen/inschrijving/<uuid:pk>/bevestiging/pdf/",
        staff.enrolment_pdf,
        name="staff-enrolment-pdf",
    ),
    path(
        "beheer/cursussen/bijeenkomst/<uuid:pk>/presentielijst/",
        staff.register,
        name="staff-register",
    ),
]

# The resident, without an account (views/public.py): sign-up for one run from the offer page,
# the confirmation, and the resident's own link (services.RESIDENT_LINK is "/cursus/<token>/").
urlpatterns += [
    path("aanbod/<uuid:offer_pk>/aanmelden/<uuid:run_pk>/", public.sign_up, name="sign-up"),
    path("aanmelden/verstuurd/", public.signed_up, name="signed-up"),
    path("cursus/<str:token>/", public.resident_link, name="resident-link"),
]
