"""The demo's five national templates (demo/offer_templates.py)."""

import pytest

from ontwikkelplein.catalogue.models import OfferTemplate, OfferTemplateVersion
from ontwikkelplein.demo import data, offer_templates
from ontwikkelplein.demo.services import DemoDataError
from ontwikkelplein.organisations.models import OrganisationKind
from ontwikkelplein.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def kb(db):
    return OrganisationFactory(name=data.KB["name"], kind=OrganisationKind.KB)


def test_the_five_examples_of_the_issue_are_national_templates(kb):
    templates = offer_templates.load_offer_templates()
    titles = sorted(t.title for t in templates)
    for name in ["Belastingspreekuur", "Digisterker", "IDO-spreekuur", "Klik & Tik", "Taalcafé"]:
        assert any(title.startswith(name) for title in titles), name
    for template in templates:
        assert template.owner == kb and template.is_national
        assert template.themes.exists() and template.target_groups.exists()
        assert template.programme is not None


def test_loading_twice_changes_nothing(kb):
    offer_templates.load_offer_templates()
    offer_templates.load_offer_templates()
    assert OfferTemplate.objects.count() == 5
    assert OfferTemplateVersion.objects.count() == 5
    assert set(OfferTemplate.objects.values_list("version", flat=True)) == {1}


def test_a_changed_text_makes_a_new_version(kb, monkeypatch):
    offer_templates.load_offer_templates()
    changed = [dict(spec) for spec in offer_templates.TEMPLATES]
    changed[4]["summary"] = "Praat elke week Nederlands met andere mensen."
    monkeypatch.setattr(offer_templates, "TEMPLATES", changed)
    offer_templates.load_offer_templates()
    template = OfferTemplate.objects.get(pk=offer_templates.template_id("taalcafe"))
    assert template.version == 2
    assert template.summary == "Praat elke week Nederlands met andere mensen."


def test_without_the_kb_it_says_what_is_missing(db):
    with pytest.raises(DemoDataError):
        offer_templates.load_offer_templates()
