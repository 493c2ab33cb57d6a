"""{% list_section %}: a page's titled section of a list, written once for every page.

    {% list_section "pilots-heading" _("Pilots") items=project_links empty=_("No pilot yet.") %}
      <ul class="item-list">{% for link in project_links %}...{% endfor %}</ul>
    {% after_list %}
      <p class="more-link">...</p>
    {% endlist_section %}

renders includes/list_section.html: `<section aria-labelledby>` with its `<h2 id>`, then the body
when `items` has any, else the `empty` line; what follows `{% after_list %}` stands below either.
Without `empty` a section with no items is left out. Optional `class` and `id` go on the <section>.
"""

from django import template
from django.template.base import token_kwargs

register = template.Library()


class ListSectionNode(template.Node):
    def __init__(self, heading_id, heading, options, body, after):
        self.heading_id, self.heading, self.options = heading_id, heading, options
        self.body, self.after = body, after

    def render(self, context):
        options = {name: value.resolve(context) for name, value in self.options.items()}
        # `bool` reads the items once, as `{% if %}` did; the body's loop reuses what it read.
        has_items = bool(options.pop("items", None))
        if not has_items and "empty" not in options:
            return ""
        values = {
            **options,
            "heading_id": self.heading_id.resolve(context),
            "heading": self.heading.resolve(context),
            "has_items": has_items,
            # A node list renders to safe text: what it printed was escaped as it went.
            "body": self.body.render(context) if has_items else "",
            "after": self.after.render(context) if self.after else "",
        }
        section = context.template.engine.get_template("includes/list_section.html")
        with context.push(**values):
            return section.render(context)


@register.tag
def list_section(parser, token):
    """{% list_section heading_id heading items=... [empty=...] [class=...] %}"""
    bits = token.split_contents()
    if len(bits) < 4:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a heading id, a heading and items=")
    options = token_kwargs(bits[3:], parser)
    if "items" not in options or len(options) != len(bits) - 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes items= and name=value options only")
    body = parser.parse(("after_list", "endlist_section"))
    after = None
    if parser.next_token().contents == "after_list":
        after = parser.parse(("endlist_section",))
        parser.delete_first_token()
    heading_id, heading = parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    return ListSectionNode(heading_id, heading, options, body, after)
