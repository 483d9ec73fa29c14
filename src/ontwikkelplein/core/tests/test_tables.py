"""The staff table tags (core/templatetags/tables.py): one table markup for every staff list."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation


def render(source: str, **context) -> str:
    with translation.override("nl"):
        return Template("{% load tables %}" + source).render(Context(context))


def test_columns_rows_and_caption():
    html = render(
        '{% table_columns _("Naam") _("Aantal") _("Van") numeric="2" minor="3" actions=True'
        " as cols %}"
        '{% table items as item columns=cols label="t" caption="Lijst" caption_hidden=True %}'
        '<th scope="row">{{ item.name }}</th><td>{{ item.count }}</td>{% endtable %}',
        items=[{"name": "<b>A</b>", "count": 3}, {"name": "B", "count": 4}],
    )
    assert 'aria-labelledby="t"' in html
    assert (
        '<caption class="utrecht-table__caption op-visually-hidden" id="t">Lijst</caption>' in html
    )
    heads = html.split("<tbody")[0]
    assert heads.index("Naam") < heads.index("Aantal") < heads.index("Van")
    assert 'header-cell utrecht-table__header-cell--numeric" scope="col">Aantal' in heads
    assert 'header-cell op-table__minor" scope="col">Van' in heads
    assert '<span class="op-visually-hidden">Acties</span>' in heads
    assert html.count('<tr class="utrecht-table__row">') == 3  # the head and two rows
    assert "&lt;b&gt;A&lt;/b&gt;" in html and "<b>A</b>" not in html
    assert "<td>4</td>" in html


def test_without_caption_the_region_points_elsewhere():
    html = render(
        '{% table_columns "Naam" as cols %}{% table items as i columns=cols label="aantal" %}'
        "<td>{{ i }}</td>{% endtable %}",
        items=["x"],
    )
    assert "<caption" not in html
    assert 'aria-labelledby="aantal"' in html


def test_the_row_name_does_not_leak_after_the_table():
    html = render(
        '{% table_columns "Naam" as cols %}{% table items as i columns=cols label="l" %}'
        "<td>{{ i }}</td>{% endtable %}[{{ i }}]",
        items=["x"],
    )
    assert "[]" in html


@pytest.mark.parametrize(
    "source",
    [
        "{% table items columns=cols label='l' %}{% endtable %}",
        "{% table items as i label='l' %}{% endtable %}",
        "{% table items as i columns=cols %}{% endtable %}",
        "{% table items as i columns=cols label='l' extra %}{% endtable %}",
    ],
)
def test_a_malformed_table_tag_is_a_template_error(source):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load tables %}" + source)
