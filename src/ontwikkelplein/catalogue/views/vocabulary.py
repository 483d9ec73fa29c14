"""The needs vocabulary (behoeftewoordenlijst) in the staff back office: the list with search,
add, edit (also switching a phrase off) and delete after a confirmation. For KB-beheerders only:
the vocabulary is national. Thin: writes through services, reads through selectors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ontwikkelplein.catalogue import selectors, services
from ontwikkelplein.catalogue.forms import NeedPhraseFilterForm, NeedPhraseForm
from ontwikkelplein.catalogue.models import NeedLanguage, NeedPhrase
from ontwikkelplein.catalogue.views.staff import _page, form_page
from ontwikkelplein.core.forms import posted
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required

PHRASES_PER_PAGE = 50
NAV = "vocabulary"


def _require_keeper(user) -> None:
    if not scoping.is_kb_admin(user):
        raise PermissionDenied(_("Alleen een KB-beheerder beheert de behoeftewoordenlijst."))


@staff_required
def phrase_list(request):
    _require_keeper(request.user)
    form = NeedPhraseFilterForm(request.GET or None)
    filters = form.values() if form.is_bound else {}
    phrases = selectors.need_phrases(**filters)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "catalogue/staff/need_phrase_list.html",
        {
            "form": form,
            "page": _page(request, phrases, PHRASES_PER_PAGE),
            "query": query.urlencode(),
            "language_names": dict(NeedLanguage.choices),
            "staff_nav": NAV,
        },
    )


def _form_page(request, form, phrase):
    return form_page(request, "catalogue/staff/need_phrase_form.html", form, nav=NAV, phrase=phrase)


@staff_required
def phrase_create(request):
    _require_keeper(request.user)
    form = NeedPhraseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.save_need_phrase(request.user, form)
        messages.success(request, _("De zin is toegevoegd aan de behoeftewoordenlijst."))
        return redirect("catalogue:staff-need-phrase-list")
    return _form_page(request, form, None)


@staff_required
def phrase_edit(request, pk):
    _require_keeper(request.user)
    phrase = get_object_or_404(NeedPhrase, pk=pk)
    form = NeedPhraseForm(posted(request), instance=phrase)
    if request.method == "POST" and form.is_valid():
        services.save_need_phrase(request.user, form)
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return redirect("catalogue:staff-need-phrase-list")
    return _form_page(request, form, phrase)


@staff_required
def phrase_delete(request, pk):
    _require_keeper(request.user)
    phrase = get_object_or_404(NeedPhrase, pk=pk)
    if request.method == "POST":
        services.delete_need_phrase(request.user, phrase)
        messages.success(request, _("“%(phrase)s” is verwijderd.") % {"phrase": phrase.phrase})
        return redirect("catalogue:staff-need-phrase-list")
    return render(
        request,
        "catalogue/staff/need_phrase_delete.html",
        {"phrase": phrase, "staff_nav": NAV},
    )
