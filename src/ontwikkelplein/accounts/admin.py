from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from ontwikkelplein.accounts.models import User
from ontwikkelplein.organisations.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class OntwikkelpleinUserAdmin(UserAdmin):
    inlines = [MembershipInline]
