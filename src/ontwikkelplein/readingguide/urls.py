from django.urls import path

from ontwikkelplein.readingguide.views import public, staff

app_name = "readingguide"

urlpatterns = [
    path("leeswijzer/", public.guide, name="public"),
    path("balie/leeswijzer/", staff.desk_guide, name="desk"),
    path("beheer/leeswijzer/", staff.manage, name="manage"),
    path("beheer/leeswijzer/overnemen/", staff.copy_table, name="copy"),
    path("beheer/leeswijzer/landelijk/", staff.use_national, name="use-national"),
    path("beheer/leeswijzer/labels/nieuw/", staff.label_new, name="label-new"),
    path("beheer/leeswijzer/labels/<int:pk>/", staff.label_edit, name="label-edit"),
    path("beheer/leeswijzer/labels/<int:pk>/verwijderen/", staff.label_delete, name="label-delete"),
]
