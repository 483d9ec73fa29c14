from django.urls import path

from ontwikkelplein.referrals.views import figures, partner, public, staff

app_name = "referrals"

# Staff: inbox, sent list, detail and its actions, new referral, settings.
urlpatterns = [
    path("beheer/doorverwijzingen/", staff.inbox, name="staff-inbox"),
    path("beheer/doorverwijzingen/verstuurd/", staff.sent, name="staff-sent"),
    path("beheer/doorverwijzingen/nieuw/", staff.create, name="staff-create"),
    path("beheer/doorverwijzingen/instellingen/", staff.settings_view, name="staff-settings"),
    path("beheer/doorverwijzingen/<uuid:pk>/", staff.detail, name="staff-detail"),
    path("beheer/doorverwijzingen/<uuid:pk>/ontvangen/", staff.receive, name="staff-receive"),
    path("beheer/doorverwijzingen/<uuid:pk>/status/", staff.change_status, name="staff-status"),
    path("beheer/doorverwijzingen/<uuid:pk>/afronden/", staff.close, name="staff-close"),
    path("beheer/doorverwijzingen/<uuid:pk>/heropenen/", staff.reopen, name="staff-reopen"),
    path("beheer/doorverwijzingen/<uuid:pk>/toewijzen/", staff.assign, name="staff-assign"),
    path("beheer/doorverwijzingen/<uuid:pk>/notitie/", staff.add_note, name="staff-note"),
    path(
        "beheer/doorverwijzingen/<uuid:pk>/gegevens/exporteren/",
        staff.export_person,
        name="staff-person-export",
    ),
    path(
        "beheer/doorverwijzingen/<uuid:pk>/gegevens/wissen/",
        staff.erase_person,
        name="staff-person-erase",
    ),
]

# The resident ("Ik wil hulp", status by code) and the partner link, without an account.
urlpatterns += [
    path("aanbod/<uuid:pk>/hulp/", public.help_request, name="help"),
    path("hulp/verstuurd/", public.help_sent, name="help-sent"),
    path("hulp/status/", public.status_lookup, name="status"),
    path("hulp/s/<str:code>/", public.status_short, name="status-short"),
    path("partner/afgerond/", partner.partner_done, name="partner-done"),
    path("partner/<str:token>/", partner.partner_referral, name="partner-link"),
]

# Figures: counts only, scoped by organisations.scoping (docs/referrals.md, "Cijfers").
urlpatterns += [
    path("beheer/doorverwijzingen/cijfers/", figures.figures_page, name="figures"),
    path("beheer/doorverwijzingen/cijfers/csv/", figures.figures_export, name="figures-export"),
]
