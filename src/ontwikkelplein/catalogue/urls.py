from django.urls import path

from ontwikkelplein.catalogue.views import (
    classification,
    embed,
    embed_staff,
    public,
    staff,
    templates,
    vocabulary,
)

app_name = "catalogue"

urlpatterns = [
    # Public site: "Waar kan ik terecht?"
    path("", public.home, name="home"),
    path("zoeken/", public.search, name="search"),
    path("aanbod/<uuid:pk>/", public.offer_detail, name="offer-detail"),
    path("aanbod/<uuid:pk>/poster/", public.offer_poster, name="offer-poster"),
    path("aanbod/<uuid:pk>/kaartjes/", public.offer_cards, name="offer-cards"),
    # The embed on a library's own website (docs/embedding.md)
    path("inbedden/<slug:slug>/", embed.embed, name="embed"),
    path("inbedden.js", embed.embed_script, name="embed-script"),
    # Staff back office
    path("beheer/aanbod/", staff.offer_list, name="staff-offer-list"),
    path("beheer/aanbod/nieuw/", staff.offer_create, name="staff-offer-create"),
    path("beheer/aanbod/<uuid:pk>/", staff.offer_preview, name="staff-offer-preview"),
    path("beheer/aanbod/<uuid:pk>/bewerken/", staff.offer_edit, name="staff-offer-edit"),
    path("beheer/aanbod/<uuid:pk>/tijden/", staff.offer_schedules, name="staff-offer-schedules"),
    path(
        "beheer/aanbod/<uuid:pk>/vertalingen/",
        staff.offer_translations,
        name="staff-offer-translations",
    ),
    path("beheer/aanbod/<uuid:pk>/publiceren/", staff.offer_publish, name="staff-offer-publish"),
    path("beheer/aanbod/<uuid:pk>/archiveren/", staff.offer_archive, name="staff-offer-archive"),
    path("beheer/aanbod/<uuid:pk>/gecontroleerd/", staff.offer_verify, name="staff-offer-verify"),
    path("beheer/te-controleren/", staff.to_verify, name="staff-to-verify"),
    path("beheer/zoektermen/", staff.unmatched_searches, name="staff-unmatched-searches"),
]

# "Op uw website": the embed's snippets and preview (docs/embedding.md)
urlpatterns += [
    path("beheer/huisstijl/inbedden/", embed_staff.embed_index, name="staff-embed-index"),
    path("beheer/huisstijl/inbedden/<uuid:pk>/", embed_staff.embed_page, name="staff-embed"),
]

# Offer templates (sjablonen)
urlpatterns += [
    path("beheer/sjablonen/", templates.template_list, name="staff-template-list"),
    path("beheer/sjablonen/nieuw/", templates.template_create, name="staff-template-create"),
    path(
        "beheer/sjablonen/suggesties/",
        templates.suggestions,
        name="staff-template-suggestions",
    ),
    path(
        "beheer/sjablonen/suggesties/<uuid:pk>/",
        templates.suggestion,
        name="staff-template-suggestion",
    ),
    path("beheer/sjablonen/<uuid:pk>/", templates.template_detail, name="staff-template-detail"),
    path(
        "beheer/sjablonen/<uuid:pk>/bewerken/",
        templates.template_edit,
        name="staff-template-edit",
    ),
    path(
        "beheer/sjablonen/<uuid:pk>/overnemen/",
        templates.template_adopt,
        name="staff-template-adopt",
    ),
]

# The needs vocabulary (behoeftewoordenlijst), KB-beheerders
urlpatterns += [
    path(
        "beheer/behoeftewoordenlijst/",
        vocabulary.phrase_list,
        name="staff-need-phrase-list",
    ),
    path(
        "beheer/behoeftewoordenlijst/nieuw/",
        vocabulary.phrase_create,
        name="staff-need-phrase-create",
    ),
    path(
        "beheer/behoeftewoordenlijst/<int:pk>/bewerken/",
        vocabulary.phrase_edit,
        name="staff-need-phrase-edit",
    ),
    path(
        "beheer/behoeftewoordenlijst/<int:pk>/verwijderen/",
        vocabulary.phrase_delete,
        name="staff-need-phrase-delete",
    ),
]

# Automatic classification: the review list, confirming, and the KB's word lists per term
urlpatterns += [
    path(
        "beheer/automatisch-ingedeeld/",
        classification.review_list,
        name="staff-auto-classified",
    ),
    path(
        "beheer/aanbod/<uuid:pk>/indeling-klopt/",
        classification.confirm,
        name="staff-offer-confirm-classification",
    ),
    path("beheer/indeelwoorden/", classification.keyword_list, name="staff-term-keyword-list"),
    path(
        "beheer/indeelwoorden/<uuid:pk>/bewerken/",
        classification.keyword_edit,
        name="staff-term-keyword-edit",
    ),
]
