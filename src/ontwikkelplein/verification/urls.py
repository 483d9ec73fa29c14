from django.urls import path

from ontwikkelplein.verification.views import partner, staff

app_name = "verification"

urlpatterns = [
    # The offer's contact, without an account (the token is the key).
    path("aanbod/controleren/<str:token>/", partner.partner_page, name="partner"),
    path("beheer/aanbod-voorstellen/", staff.suggestions, name="suggestions"),
    path("beheer/aanbod-voorstellen/<int:pk>/overnemen/", staff.accept, name="suggestion-accept"),
    path("beheer/aanbod-voorstellen/<int:pk>/negeren/", staff.dismiss, name="suggestion-dismiss"),
    path("beheer/aanbod-voorstellen/instellingen/", staff.settings_view, name="settings"),
    path("beheer/aanbod-controle/cijfers/", staff.figures_page, name="figures"),
    path("beheer/aanbod-controle/cijfers/download/", staff.figures_export, name="figures-export"),
]
