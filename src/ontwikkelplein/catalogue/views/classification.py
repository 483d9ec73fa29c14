"""Automatic classification in the back office (catalogue/classification.py):

- "Automatisch ingedeeld — controleren": the offers of the user's own organisations whose terms
  were chosen automatically (an import), to confirm (the mark goes) or correct (edit the offer);
- the offer form's "Stel thema's voor" is in views/suggest.py;
- the word lists per term (indeelwoorden), kept by KB-beheerders like the needs vocabulary.
Thin: writes through services, reads through selectors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ontwikkelplein.catalogue import selectors, services
from ontwikkelplein.catalogue.forms import TermKeywordsForm
from ontwikkelplein.catalogue.models import Taxonomy, TaxonomyTerm
from ontwikkelplein.catalogue.views.staff import _editable_offer, _page, form_page
from ontwikkelplein.core.forms import posted
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required

OFFERS_PER_PAGE = 25
REVIEW_NAV = "auto-classified"
KEYWORDS_NAV = "keywords"


@staff_required
def review_list(request):
    return render(
        request,
        "catalogue/staff/auto_classified.html",
        {
            "page": _page(request, selectors.offers_auto_classified(request.user), OFFERS_PER_PAGE),
            "can_edit_any": scoping.editable_organisations(request.user).exists(),
            "staff_nav": REVIEW_NAV,
        },
    )


@staff_required
@require_POST
def confirm(request, pk):
    offer = _editable_offer(request, pk)
    services.confirm_classification(request.user, offer)
    messages.success(
        request,
        _("De indeling van “%(title)s” is bevestigd.") % {"title": offer.title},
    )
    if request.POST.get("next") == "review":
        return redirect("catalogue:staff-auto-classified")
    return redirect("catalogue:staff-offer-preview", pk=offer.pk)


# --- The word lists (indeelwoorden), KB-beheerders --------------------------------------------


def _require_keeper(user) -> None:
    if not scoping.is_kb_admin(user):
        raise PermissionDenied(_("Alleen een KB-beheerder beheert de woorden voor indelen."))


@staff_required
def keyword_list(request):
    _require_keeper(request.user)
    grouped = selectors.classification_terms()
    return render(
        request,
        "catalogue/staff/term_keyword_list.html",
        {
            "groups": [
                (_("Thema's"), "themas", grouped[Taxonomy.THEME]),
                (_("Doelgroepen"), "doelgroepen", grouped[Taxonomy.TARGET_GROUP]),
                (_("Soorten aanbod"), "soorten-aanbod", grouped[Taxonomy.OFFER_TYPE]),
            ],
            "staff_nav": KEYWORDS_NAV,
        },
    )


@staff_required
def keyword_edit(request, pk):
    _require_keeper(request.user)
    term = get_object_or_404(
        TaxonomyTerm.objects.select_related("taxonomy"),
        pk=pk,
        taxonomy__slug__in=[Taxonomy.THEME, Taxonomy.TARGET_GROUP, Taxonomy.OFFER_TYPE],
    )
    form = TermKeywordsForm(posted(request), initial={"keywords": term.keywords})
    if request.method == "POST" and form.is_valid():
        services.save_term_keywords(request.user, term, form.cleaned_data["keywords"])
        messages.success(
            request, _("De woorden voor “%(term)s” zijn opgeslagen.") % {"term": term.name}
        )
        return redirect("catalogue:staff-term-keyword-list")
    return form_page(
        request, "catalogue/staff/term_keyword_form.html", form, nav=KEYWORDS_NAV, term=term
    )
