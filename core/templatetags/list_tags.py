"""{% list_or_empty %}: a list, or the line that says it is empty, written once for every page.

    {% list_or_empty requests empty=_("You have sent no request yet.") %}
      <ul class="item-list">{% for request in requests %}...{% endfor %}</ul>
    {% endlist_or_empty %}

renders the body when `items` has any, else `<p class="empty-state">` with the `empty` line: the
`{% if %}…{% else %}<p class="empty-state">…{% endif %}` pages wrote around their lists. For a titled
section with its heading, see {% list_section %} (section_tags).
"""

from django import template
from django.template.base import token_kwargs
from django.utils.html import format_html

register = template.Library()


class ListOrEmptyNode(template.Node):
    def __init__(self, items, empty, body):
        self.items, self.empty, self.body = items, empty, body

    def render(self, context):
        # `bool` reads the items once, as `{% if %}` did; the body's loop reuses what it read.
        if self.items.resolve(context):
            return self.body.render(context)
        return format_html('<p class="empty-state">{}</p>', self.empty.resolve(context))


@register.tag
def list_or_empty(parser, token):
    """{% list_or_empty items empty=... %}list{% endlist_or_empty %}"""
    bits = token.split_contents()
    options = token_kwargs(bits[2:], parser) if len(bits) > 2 else {}
    if len(bits) != 3 or set(options) != {"empty"}:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the items and empty= only")
    body = parser.parse(("endlist_or_empty",))
    parser.delete_first_token()
    return ListOrEmptyNode(parser.compile_filter(bits[1]), options["empty"], body)
