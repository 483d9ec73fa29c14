from django.urls import path

from ontwikkelplein.wayfinder.views import flow

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
