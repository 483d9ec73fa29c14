from django.urls import path

from ontwikkelplein.wayfinder.views import figures, flow, staff

app_name = "wayfinder"

# The resident: /wegwijzer/ (docs/public-site.md, "Wegwijzer").
urlpatterns = [
    path("wegwijzer/", flow.start, name="start"),
    path("wegwijzer/klaar/", flow.finish_resident, name="finish"),
    path("wegwijzer/resultaat/", flow.result_resident, name="result"),
]

# The referrer: desk staff and partners, logged in.
urlpatterns += [
    path("beheer/wegwijzer/", flow.referrer, name="referrer"),
    path("beheer/wegwijzer/klaar/", flow.referrer_finish, name="referrer-finish"),
    path("beheer/wegwijzer/resultaat/", flow.referrer_result, name="referrer-result"),
]

# The KB's back office: versions, questions and answers.
urlpatterns += [
    path("beheer/wegwijzer/versies/", staff.versions, name="versions"),
    path("beheer/wegwijzer/versies/nieuw/", staff.version_new, name="version-new"),
    path("beheer/wegwijzer/versies/<int:pk>/", staff.version_detail, name="version-detail"),
    path(
        "beheer/wegwijzer/versies/<int:pk>/publiceren/",
        staff.version_publish,
        name="version-publish",
    ),
    path(
        "beheer/wegwijzer/versies/<int:pk>/verwijderen/",
        staff.version_delete,
        name="version-delete",
    ),
    path("beheer/wegwijzer/vragen/<int:pk>/", staff.question_edit, name="question-edit"),
    path("beheer/wegwijzer/vragen/<int:pk>/antwoord/", staff.answer_new, name="answer-new"),
    path("beheer/wegwijzer/antwoorden/<int:pk>/", staff.answer_edit, name="answer-edit"),
    path(
        "beheer/wegwijzer/antwoorden/<int:pk>/verwijderen/",
        staff.answer_delete,
        name="answer-delete",
    ),
]

# Figures: finished paths and unmet need (counts only, small counts hidden).
urlpatterns += [
    path("beheer/wegwijzer/cijfers/", figures.figures_page, name="figures"),
    path("beheer/wegwijzer/cijfers/csv/", figures.figures_export, name="figures-export"),
]
