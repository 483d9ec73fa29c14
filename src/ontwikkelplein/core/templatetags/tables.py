"""The staff pages' tables (NL Design System / Utrecht table, in a scroll region labelled by its
caption or by a heading above it), written once:

    {% load tables %}
    {% table_columns _("Titel") _("Organisatie") _("Aantal") numeric="3" actions=True as columns %}
    {% table page.object_list as offer columns=columns label="aantal" %}
      <th class="utrecht-table__header-cell" scope="row">{{ offer.title }}</th>
      <td class="utrecht-table__cell">{{ offer.organisation.name }}</td>
      <td class="utrecht-table__cell utrecht-table__cell--numeric">{{ offer.count }}</td>
      <td class="utrecht-table__cell">...</td>
    {% endtable %}

`table_columns` takes the column headings in order; `numeric` and `minor` name columns by their
number (from 1, separated by spaces): numeric ones are aligned right, minor ones
(op-table__minor) give way first on a phone; `actions=True` adds a last column whose heading
("Acties") only screen readers read. `table` renders core/_table.html: the body between the tags
once per row, with the row's item under the name after `as`. `label` is the id of what labels
the scroll region: the caption when `caption` is given (`caption_hidden=True` hides it but for
screen readers), otherwise an element elsewhere on the page (such as the count above the table).
"""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def _numbers(value) -> set[int]:
    return {int(part) for part in str(value or "").split()}


@register.simple_tag
def table_columns(*labels, numeric="", minor="", actions=False):
    numeric, minor = _numbers(numeric), _numbers(minor)
    columns = [
        {"label": label, "numeric": n in numeric, "minor": n in minor, "hidden": False}
        for n, label in enumerate(labels, start=1)
    ]
    if actions:
        columns.append({"label": _("Acties"), "numeric": False, "minor": False, "hidden": True})
    return columns


class TableNode(template.Node):
    def __init__(self, rows, name, options, nodelist):
        self.rows, self.name, self.options, self.nodelist = rows, name, options, nodelist

    def render(self, context):
        rows = []
        for item in self.rows.resolve(context) or ():
            with context.push({self.name: item}):
                rows.append(mark_safe(self.nodelist.render(context)))
        options = {key: value.resolve(context) for key, value in self.options.items()}
        return render_to_string("core/_table.html", {**options, "rows": rows})


@register.tag
def table(parser, token):
    bits = token.split_contents()
    if len(bits) < 4 or bits[2] != "as":
        raise template.TemplateSyntaxError(
            "{% table <rows> as <name> columns=... label=... %} expected"
        )
    options = template.base.token_kwargs(bits[4:], parser)
    if "columns" not in options or "label" not in options or len(options) != len(bits[4:]):
        raise template.TemplateSyntaxError("{% table %} needs columns= and label= (key=value)")
    nodelist = parser.parse(("endtable",))
    parser.delete_first_token()
    return TableNode(parser.compile_filter(bits[1]), bits[3], options, nodelist)
