"""{% data_table %}: a table of rows under column headings, written once for every page.

    {% data_table _("Request") _("Status") caption=_("Requests, oldest first") caption_hidden=True class="data-table" %}
      {% for item in items %}<tr>...</tr>{% endfor %}
    {% enddata_table %}

renders includes/data_table.html: the table in its scrolling box, its caption (kept for screen readers
only with `caption_hidden`), one `<th scope="col">` a heading given, then the body's rows. Optional
`class` goes on the <table>.
"""

from django import template
from django.template.base import token_kwargs

register = template.Library()


class DataTableNode(template.Node):
    def __init__(self, headings, options, rows):
        self.headings, self.options, self.rows = headings, options, rows

    def render(self, context):
        values = {
            **{name: value.resolve(context) for name, value in self.options.items()},
            "headings": [heading.resolve(context) for heading in self.headings],
            # A node list renders to safe text: what it printed was escaped as it went.
            "rows": self.rows.render(context),
        }
        table = context.template.engine.get_template("includes/data_table.html")
        with context.push(**values):
            return table.render(context)


@register.tag
def data_table(parser, token):
    """{% data_table heading... caption=... [caption_hidden=True] [class=...] %}rows{% enddata_table %}"""
    bits = token.split_contents()[1:]
    headings = []
    while bits and "=" not in bits[0]:
        headings.append(parser.compile_filter(bits.pop(0)))
    options = token_kwargs(bits, parser)
    if not headings or "caption" not in options or bits:
        raise template.TemplateSyntaxError(
            "data_table takes column headings, then caption= and name=value options only"
        )
    rows = parser.parse(("enddata_table",))
    parser.delete_first_token()
    return DataTableNode(headings, options, rows)
