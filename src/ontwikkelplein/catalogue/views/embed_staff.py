"""Staff page "Op uw website" (/beheer/huisstijl/inbedden/): the two snippets a library pastes on
its own website to show the embed (catalogue/views/embed.py), a few options and a live preview.
docs/embedding.md. Staff of the organisation only; another organisation's page answers 404."""

from urllib.parse import urlencode

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from ontwikkelplein.catalogue import selectors
from ontwikkelplein.catalogue.forms import EmbedOptionsForm
from ontwikkelplein.catalogue.models import Taxonomy
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Branding, BrandingScope
from ontwikkelplein.organisations.views.access import staff_required

# The frame's title (WCAG 4.1.2) per language; embed.js has the same list.
FRAME_TITLES = {
    "nl": "Hulp zoeken bij de bibliotheek",
    "en": "Find help at the library",
    "ar": "ابحث عن مساعدة في المكتبة",
    "tr": "Kütüphanede yardım arayın",
    "uk": "Знайти допомогу в бібліотеці",
    "pl": "Znajdź pomoc w bibliotece",
}
BRANDING_PATH = "/beheer/huisstijl/"  # the branding form (set up by a KB or team leader)


@staff_required
@require_safe
def embed_index(request):
    """The page of the user's own organisation (the menu's link: no redirect), or a choice when
    there are several."""
    own = list(scoping.own_organisations(request.user).order_by("name"))
    if len(own) == 1:
        return embed_page(request, own[0].pk)
    return render(
        request,
        "catalogue/staff/embed_index.html",
        {"organisations": own, "staff_nav": "embed"},
    )


@staff_required
@require_safe
@csp_replace({"frame-src": [SELF]})  # the live preview shows the embed in a frame
def embed_page(request, pk):
    organisation = scoping.own_organisations(request.user).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    branding = Branding.objects.filter(organisation=organisation).first()
    languages = [
        (code, translation.get_language_info(code)["name_local"]) for code, _ in settings.LANGUAGES
    ]
    themes = selectors.active_terms(Taxonomy.THEME)[Taxonomy.THEME]
    form = EmbedOptionsForm(request.GET or None, languages=languages, themes=themes)
    options = form.options() if request.GET else {"taal": "nl", "zoek": "", "thema": ""}
    context = {
        "organisation": organisation,
        "branding": branding,
        "form": form,
        "options": options,
        "branding_path": BRANDING_PATH,
        "staff_nav": "embed",
        "other_organisations": scoping.own_organisations(request.user).count() > 1,
    }
    if branding is not None:
        context.update(_snippets(request, branding, options))
    return render(request, "catalogue/staff/embed.html", context)


def _snippets(request, branding: Branding, options: dict) -> dict:
    base = request.build_absolute_uri("/").rstrip("/")
    attributes = [("data-organisatie", branding.slug), ("data-taal", options["taal"])]
    query = []
    if options["taal"] != "nl":
        query.append(("taal", options["taal"]))
    if options["zoek"]:
        attributes.append(("data-zoek", options["zoek"]))
        query.append(("q", options["zoek"]))
    if options["thema"]:
        attributes.append(("data-thema", options["thema"]))
        query.append(("thema", options["thema"]))
    script_path = reverse("catalogue:embed-script")
    embed_path = reverse("catalogue:embed", kwargs={"slug": branding.slug})
    embed_url = base + embed_path + (f"?{urlencode(query)}" if query else "")
    attrs = " ".join(f'{name}="{_attr(value)}"' for name, value in attributes)
    title = FRAME_TITLES.get(options["taal"], FRAME_TITLES["nl"])
    return {
        "script_snippet": f'<script src="{base}{script_path}" {attrs} async></script>',
        "iframe_snippet": (
            f'<iframe src="{_attr(embed_url)}" title="{_attr(title)}"'
            ' style="width: 100%; height: 40rem; border: 0;"></iframe>'
        ),
        # The preview runs the script tag itself, from this site (script-src 'self').
        "preview_script": script_path,
        "preview_attributes": attributes,
        "preview_url": embed_path + (f"?{urlencode(query)}" if query else ""),
        "frame_title": title,
        "scope_is_own": branding.scope == BrandingScope.OWN,
        "municipalities": list(branding.organisation.municipalities.order_by("name")),
    }


def _attr(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )
