from django.contrib.auth import views as auth_views
from django.urls import path

from ontwikkelplein.accounts.views import password, second_factor, security

app_name = "accounts"

urlpatterns = [
    path(
        "account/inloggen/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("account/uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/beveiliging/", second_factor.security, name="security"),
    # The second factor (every address under tweestapsverificatie/ stays open before it is passed).
    path(
        "account/tweestapsverificatie/instellen/",
        second_factor.enrol,
        name="second-factor-enrol",
    ),
    path(
        "account/tweestapsverificatie/controleren/",
        second_factor.verify,
        name="second-factor-verify",
    ),
    path(
        "account/tweestapsverificatie/herstelcodes/",
        second_factor.recovery_codes,
        name="recovery-codes",
    ),
    path(
        "account/tweestapsverificatie/herstelcodes.txt",
        second_factor.recovery_codes_download,
        name="recovery-codes-download",
    ),
    path(
        "account/tweestapsverificatie/herstelcodes/bewaard/",
        second_factor.recovery_codes_done,
        name="recovery-codes-done",
    ),
    path(
        "account/beveiliging/herstelcodes/vernieuwen/",
        second_factor.recovery_codes_renew,
        name="recovery-codes-renew",
    ),
    path(
        "account/beveiliging/tweestapsverificatie/verwijderen/",
        second_factor.remove,
        name="second-factor-remove",
    ),
    # Passwords.
    path(
        "account/wachtwoord/wijzigen/",
        password.PasswordChangeView.as_view(),
        name="password-change",
    ),
    path(
        "account/wachtwoord/vergeten/", password.PasswordResetView.as_view(), name="password-reset"
    ),
    path(
        "account/wachtwoord/vergeten/verstuurd/",
        password.PasswordResetSentView.as_view(),
        name="password-reset-sent",
    ),
    path(
        "account/wachtwoord/nieuw/<uidb64>/<token>/",
        password.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "account/wachtwoord/nieuw/klaar/",
        password.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    # KB-beheerders.
    path("beheer/beveiliging/logboek/", security.security_log, name="security-log"),
    path("beheer/beveiliging/tweestapsverificatie/", security.factor_list, name="factor-list"),
    path(
        "beheer/beveiliging/tweestapsverificatie/<int:pk>/herstellen/",
        security.factor_reset,
        name="factor-reset",
    ),
]
