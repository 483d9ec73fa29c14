"""The leeswijzer for residents (/leeswijzer/): the same table and search in plain language. On a
library's branded site its own table, else the national one."""

from django.shortcuts import render

from ontwikkelplein.core.translations import active_language
from ontwikkelplein.readingguide import selectors


def guide(request):
    branding = getattr(request, "branding", None)
    organisation = branding.organisation if branding is not None else None
    table = selectors.table_for(organisation)
    # The label texts in the page's language, the Dutch where the table has no translation.
    language = active_language()
    answer = selectors.answer(table, request.GET.get("q", ""), language)
    return render(
        request,
        "readingguide/public/guide.html",
        {"table": table, "all_labels": selectors.labels(table, language), "answer": answer},
    )
