from django.urls import path

from ontwikkelplein.notifications import views

app_name = "notifications"

urlpatterns = [
    path("beheer/meldingen/", views.notification_list, name="list"),
    path("beheer/meldingen/<int:pk>/gelezen/", views.mark_read, name="mark-read"),
    path("beheer/meldingen/alles-gelezen/", views.mark_all_read, name="mark-all-read"),
]
