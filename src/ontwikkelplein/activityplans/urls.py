from django.urls import path

from ontwikkelplein.activityplans.views import staff

app_name = "activityplans"

urlpatterns = [
    path("beheer/draaiboeken/", staff.index, name="index"),
    path("beheer/draaiboeken/nieuw/", staff.create, name="create"),
    path("beheer/draaiboeken/cijfers/", staff.figures, name="figures"),
    path("beheer/draaiboeken/<uuid:pk>/", staff.detail, name="detail"),
    path("beheer/draaiboeken/<uuid:pk>/bewerken/", staff.edit, name="edit"),
    path("beheer/draaiboeken/<uuid:pk>/kopieren/", staff.copy, name="copy"),
    path("beheer/draaiboeken/<uuid:pk>/verwijderen/", staff.delete, name="delete"),
    path("beheer/draaiboeken/<uuid:pk>/taken/", staff.task_add, name="task-add"),
    path("beheer/draaiboeken/<uuid:pk>/partners/", staff.partner_add, name="partner-add"),
    path("beheer/draaiboeken/<uuid:pk>/aanbod/", staff.make_offer, name="make-offer"),
    path("beheer/draaiboeken/<uuid:pk>/evaluatie/", staff.evaluation, name="evaluation"),
    path("beheer/draaiboeken/taak/<uuid:pk>/", staff.task_edit, name="task-edit"),
    path("beheer/draaiboeken/taak/<uuid:pk>/afvinken/", staff.task_done, name="task-done"),
    path("beheer/draaiboeken/taak/<uuid:pk>/verwijderen/", staff.task_delete, name="task-delete"),
    path(
        "beheer/draaiboeken/partner/<uuid:pk>/verwijderen/",
        staff.partner_delete,
        name="partner-delete",
    ),
]
