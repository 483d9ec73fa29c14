app_name = "referrals-api"

urlpatterns = []
