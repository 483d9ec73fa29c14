from django.urls import path

from ontwikkelplein.referrals.api.views import ReferralCreateView, ReferralDetailView

app_name = "referrals-api"

urlpatterns = [
    path("referrals/", ReferralCreateView.as_view(), name="referral-create"),
    path("referrals/<str:id>/", ReferralDetailView.as_view(), name="referral-detail"),
]
