"""The calculators: a form read from the query string, the result beside it, and the same result
as a printable PDF (?formaat=pdf). Nothing is stored; the figures of the user's own library fill
in the counts the platform knows."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ontwikkelplein.core import documents
from ontwikkelplein.core.figures.vocabulary import FORMAT_PARAM
from ontwikkelplein.costing import calculations, selectors
from ontwikkelplein.costing.forms import IdoModelForm, IdoSharedForm, KaartForm
from ontwikkelplein.costing.menu import CALCULATOR_ROLES
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.views.access import staff_required

IDO_MODEL_NAMES = {
    "basis": gettext_lazy("Basis"),
    "altijd": gettext_lazy("Altijd beschikbaar"),
    "breed": gettext_lazy("Brede dienstverlening"),
}
IDO_MODEL_DESCRIPTIONS = {
    "basis": gettext_lazy(
        "Een vaste plek met spreekuren. Vragen daarbuiten worden direct beantwoord of naar "
        "het spreekuur verwezen."
    ),
    "altijd": gettext_lazy(
        "Tijdens de openingsuren helpt elke baliemedewerker. Een aparte ruimte als privacy "
        "dat vraagt."
    ),
    "breed": gettext_lazy("Deel van een informatieplein met partners, met spreekuren."),
}


def _allowed(request):
    scoping.require_role(request.user, *CALCULATOR_ROLES)


def _figures(user):
    library = selectors.own_library(user)
    return selectors.library_figures(library) if library else None


def _wants_pdf(request) -> bool:
    return request.GET.get(FORMAT_PARAM) == "pdf"


def _pdf_query(request) -> str:
    query = request.GET.copy()
    query[FORMAT_PARAM] = "pdf"
    return query.urlencode()


@staff_required
def index(request):
    _allowed(request)
    return render(request, "costing/index.html", {"staff_nav": "calculators"})


def kaart_labels() -> dict[str, str]:
    return {
        "new": _("Nieuw aanbod invoeren"),
        "checks": _("Aanbod controleren"),
        "partners": _("Contact met partners"),
        "editor": _("Redactie en beheer"),
        "licence": _("Licentie"),
        "hosting": _("Hosting"),
        "support": _("Ondersteuning"),
        "setup": _("De kaart opzetten"),
    }


@staff_required
def kaart(request):
    _allowed(request)
    figures = _figures(request.user)
    initial = dict(calculations.KAART_EXAMPLE)
    if figures:
        initial.update(offers=figures.offers, partners=figures.partners)
    form = KaartForm(request.GET, initial)
    result = None
    if form.is_valid():
        result = calculations.kaart_cost(
            calculations.KaartInputs(**form.cleaned_data), kaart_labels()
        )
    context = {
        "form": form,
        "result": result,
        "per_offer": result.per(form.cleaned_data["offers"]) if result else None,
        "per_partner": result.per(form.cleaned_data["partners"]) if result else None,
        "figures": figures,
        "today": timezone.localdate(),
        "pdf_query": _pdf_query(request),
        "staff_nav": "calculators",
    }
    if result and _wants_pdf(request):
        title = _("Kostprijs sociaal-educatieve kaart")
        pdf = documents.render_pdf("costing/kaart_document.html", context, title=title)
        return documents.pdf_response(pdf, documents.pdf_filename(_("kostprijs-kaart")))
    return render(request, "costing/kaart.html", context)


def ido_labels() -> dict[str, str]:
    return {
        "help": _("Hulp aan bezoekers"),
        "coordination": _("Coördinatie"),
        "volunteers": _("Vrijwilligers"),
        "training": _("Training van medewerkers"),
        "space": _("Ruimte"),
        "equipment": _("Apparatuur"),
        "promotion": _("Promotie"),
    }


@staff_required
def ido(request):
    _allowed(request)
    figures = _figures(request.user)
    shared_initial = {**calculations.IDO_SHARED_EXAMPLE, "questions": 0}
    if figures:
        shared_initial["questions"] = figures.questions
    shared = IdoSharedForm(request.GET, shared_initial)
    models = []
    for key in calculations.IDO_MODELS:
        form = IdoModelForm(request.GET, calculations.IDO_EXAMPLE[key], prefix=key)
        form.fieldsets = [(IDO_MODEL_NAMES[key], list(form.fields))]
        models.append(
            {
                "key": key,
                "name": IDO_MODEL_NAMES[key],
                "description": IDO_MODEL_DESCRIPTIONS[key],
                "form": form,
            }
        )
    valid = shared.is_valid() & all(m["form"].is_valid() for m in models)
    error_summary = shared.error_summary()
    for model in models:
        error_summary += [
            {**item, "label": f"{model['name']}: {item['label']}"}
            for item in model["form"].error_summary()
        ]
    comparison = None
    if valid:
        shared_inputs = calculations.IdoShared(
            **{k: v for k, v in shared.cleaned_data.items() if k != "questions"}
        )
        questions = shared.cleaned_data["questions"]
        results = [
            calculations.ido_cost(
                shared_inputs, calculations.IdoModelInputs(**m["form"].cleaned_data), ido_labels()
            )
            for m in models
        ]
        comparison = {
            "questions": questions,
            "names": [m["name"] for m in models],
            "rows": [
                {"label": lines[0].label, "cells": lines}
                for lines in zip(*(r.lines for r in results), strict=True)
            ],
            "totals": results,
            "per_question": [r.per(questions) for r in results],
        }
    # The PDF's assumptions: one row per variable, one column per form.
    model_inputs = [
        {
            "label": models[0]["form"][name].label,
            "values": [m["form"][name].value() for m in models],
        }
        for name in models[0]["form"].fields
    ]
    context = {
        "model_inputs": model_inputs,
        "shared": shared,
        "models": models,
        "error_summary": error_summary,
        "comparison": comparison,
        "figures": figures,
        "today": timezone.localdate(),
        "pdf_query": _pdf_query(request),
        "staff_nav": "calculators",
    }
    if comparison and _wants_pdf(request):
        title = _("Kosten van een Informatiepunt Digitale Overheid")
        pdf = documents.render_pdf("costing/ido_document.html", context, title=title)
        return documents.pdf_response(pdf, documents.pdf_filename(_("kosten-ido")))
    return render(request, "costing/ido.html", context)
