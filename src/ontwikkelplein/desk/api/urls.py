from django.urls import path

from ontwikkelplein.desk.api.views import ContactCreateView

app_name = "desk-api"

urlpatterns = [
    path("contacts/", ContactCreateView.as_view(), name="contact-create"),
]
