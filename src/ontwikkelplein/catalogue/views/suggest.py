"""The offer form's "Stel thema's voor" button: the form again, unsaved, with the terms that
catalogue.classification suggests for its title, summary and description checked."""

from ontwikkelplein.catalogue import classification

SUGGEST_ACTION = "suggest"


def wants_suggestion(request) -> bool:
    return request.method == "POST" and request.POST.get("action") == SUGGEST_ACTION


def suggested_form(request, form_class, **form_kwargs):
    """The offer form as sent, unbound (nothing is checked or saved yet), with the terms that
    the title, summary and description point to checked in addition to those already checked
    (the offer type only when none was chosen), and the Suggestion for the page's note."""
    data = request.POST
    suggestion = classification.classify(
        data.get("title", ""), data.get("summary", ""), data.get("description", "")
    )
    probe = form_class(**form_kwargs)
    initial = {}
    for name, field in probe.fields.items():
        if getattr(field.widget, "allow_multiple_selected", False):
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
        elif field.widget.__class__.__name__ == "CheckboxInput":
            initial[name] = False
    for name, found in (
        ("themes", suggestion.themes),
        ("target_groups", () if suggestion.target_groups_assumed else suggestion.target_groups),
    ):
        initial[name] = list(dict.fromkeys([*initial.get(name, []), *(s.id for s in found)]))
    if not initial.get("offer_type") and suggestion.offer_type:
        initial["offer_type"] = suggestion.offer_type.id
    return form_class(initial=initial, **form_kwargs), suggestion
