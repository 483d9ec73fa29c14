from django.urls import path

from ontwikkelplein.core import health, views

app_name = "core"
urlpatterns = [
    path("beheer/", views.staff_home, name="staff-home"),
    path("tekstgrootte/", views.set_text_size, name="text-size"),
    # Without a trailing slash, as load balancers and container engines are usually set up; exempt
    # from the https redirect in conf/production.py (SECURE_REDIRECT_EXEMPT).
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]
