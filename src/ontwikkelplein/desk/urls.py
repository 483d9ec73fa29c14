from django.urls import path  # noqa: F401

app_name = "desk"

# The desk screen (/balie/) and the figures (/beheer/cijfers/) are added here.
urlpatterns = []
