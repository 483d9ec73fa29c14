from django.urls import path

from ontwikkelplein.network.views import staff

app_name = "network"

urlpatterns = [
    path("beheer/netwerk/", staff.index, name="index"),
    path("beheer/netwerk/kaart/", staff.diagram, name="diagram"),
    path("beheer/netwerk/download/", staff.export, name="export"),
    path("beheer/netwerk/nieuw/", staff.new, name="new"),
    path("beheer/netwerk/overzicht/", staff.overview, name="overview"),
    path("beheer/netwerk/<uuid:pk>/", staff.detail, name="detail"),
    path("beheer/netwerk/<uuid:pk>/wijzigen/", staff.edit, name="edit"),
    path("beheer/netwerk/<uuid:pk>/verwijderen/", staff.delete, name="delete"),
    path("beheer/netwerk/<uuid:pk>/contactpersoon/", staff.contact_new, name="contact-new"),
    path("beheer/netwerk/<uuid:pk>/afspraak/", staff.agreement_new, name="agreement-new"),
    path("beheer/netwerk/contactpersoon/<uuid:pk>/", staff.contact_edit, name="contact-edit"),
    path(
        "beheer/netwerk/contactpersoon/<uuid:pk>/wissen/",
        staff.contact_delete,
        name="contact-delete",
    ),
    path("beheer/netwerk/afspraak/<uuid:pk>/", staff.agreement, name="agreement"),
    path(
        "beheer/netwerk/afspraak/<uuid:pk>/wijzigen/", staff.agreement_edit, name="agreement-edit"
    ),
    path(
        "beheer/netwerk/afspraak/<uuid:pk>/verwijderen/",
        staff.agreement_delete,
        name="agreement-delete",
    ),
    path("beheer/netwerk/afspraak/<uuid:pk>/document/", staff.upload, name="upload"),
    path("beheer/netwerk/bijlage/<uuid:pk>/", staff.download, name="download"),
    path(
        "beheer/netwerk/bijlage/<uuid:pk>/verwijderen/",
        staff.document_delete,
        name="document-delete",
    ),
]
