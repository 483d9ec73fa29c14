from django.urls import path

from ontwikkelplein.core import views

app_name = "core"
urlpatterns = [
    path("beheer/", views.staff_home, name="staff-home"),
]
