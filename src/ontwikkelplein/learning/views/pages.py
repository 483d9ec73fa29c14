"""The learning pages that are one form: core's form page (core.views.form_page) in the learning
layout, with the learning sub-menu's current item."""

from ontwikkelplein.core import views as core_views
from ontwikkelplein.learning.forms import error_summary


def form_page(request, form, *, nav: str, **kwargs):
    return core_views.form_page(
        request,
        form,
        base="learning/base.html",
        error_summary=error_summary(form),
        learning_nav=nav,
        **kwargs,
    )
