"""Django admin for KB-beheerders: the standard questionnaires. Questions are retired (unticking
"in gebruik") instead of deleted, so earlier answers keep their meaning. Cards, responses and
answers are deliberately not in the admin: nobody browses single questionnaires."""

from django.contrib import admin

from ontwikkelplein.catalogue.admin import KbAdminAccess
from ontwikkelplein.impact.models import Question, QuestionSet

NO_DELETE = frozenset({"view", "add", "change"})


class QuestionInline(KbAdminAccess, admin.TabularInline):
    kb_actions = NO_DELETE
    model = Question
    extra = 1
    fields = ["order", "kind", "text", "after_only", "active"]


@admin.register(QuestionSet)
class QuestionSetAdmin(KbAdminAccess, admin.ModelAdmin):
    kb_actions = NO_DELETE
    list_display = ["name", "slug", "order", "after_only", "active"]
    list_editable = ["order", "active"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [QuestionInline]
