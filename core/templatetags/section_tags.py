"""{% list_section %}: a page's titled section of a list, written once for every page.

    {% list_section "pilots-heading" _("Pilots") items=project_links empty=_("No pilot yet.") %}
      <ul class="item-list">{% for link in project_links %}...{% endfor %}</ul>
    {% after_list %}
      <p class="more-link">...</p>
    {% endlist_section %}

renders includes/list_section.html: `<section aria-labelledby>` with its `<h2 id>`, then the body
when `items` has any, else the `empty` line; what follows `{% after_list %}` stands below either.
Without `empty` a section with no items is left out. Optional `class` and `id` go on the <section>.

A section whose list is one `<ul>` with an `<li>` per item names the item instead of looping itself:

    {% list_section "pilots-heading" _("Pilots") items=project_links list_class="item-list" as link %}
      <li>...{{ link }}...</li>
    {% endlist_section %}

the body is then rendered once per item (as `link`), inside `<ul class="item-list">`.
"""

from django import template
from django.template.base import token_kwargs
from django.utils.html import format_html, format_html_join

register = template.Library()


class ListSectionNode(template.Node):
    def __init__(self, heading_id, heading, options, body, after, item_name=None):
        self.heading_id, self.heading, self.options = heading_id, heading, options
        self.body, self.after, self.item_name = body, after, item_name

    def render(self, context):
        options = {name: value.resolve(context) for name, value in self.options.items()}
        items = options.pop("items", None)
        list_class = options.pop("list_class", None)
        # `bool` reads the items once, as `{% if %}` did; the body's loop reuses what it read.
        has_items = bool(items)
        if not has_items and "empty" not in options:
            return ""
        values = {
            **options,
            "heading_id": self.heading_id.resolve(context),
            "heading": self.heading.resolve(context),
            "has_items": has_items,
            # A node list renders to safe text: what it printed was escaped as it went.
            "body": self.render_body(context, items, list_class) if has_items else "",
            "after": self.after.render(context) if self.after else "",
        }
        section = context.template.engine.get_template("includes/list_section.html")
        with context.push(**values):
            return section.render(context)

    def render_body(self, context, items, list_class):
        if self.item_name is None:
            return self.body.render(context)
        entries = []
        for item in items:
            with context.push(**{self.item_name: item}):
                entries.append((self.body.render(context),))
        return format_html(
            '<ul class="{}">{}</ul>', list_class, format_html_join("", "{}", entries)
        )


@register.tag
def list_section(parser, token):
    """{% list_section heading_id heading items=... [empty=...] [class=...] [list_class=... as name] %}"""
    bits = token.split_contents()
    item_name = None
    if len(bits) > 2 and bits[-2] == "as":
        item_name, bits = bits[-1], bits[:-2]
    if len(bits) < 4:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a heading id, a heading and items=")
    options = token_kwargs(bits[3:], parser)
    if "items" not in options or len(options) != len(bits) - 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes items= and name=value options only")
    if ("list_class" in options) != (item_name is not None):
        raise template.TemplateSyntaxError(f"{bits[0]} takes list_class= and `as name` together")
    body = parser.parse(("after_list", "endlist_section"))
    after = None
    if parser.next_token().contents == "after_list":
        after = parser.parse(("endlist_section",))
        parser.delete_first_token()
    heading_id, heading = parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    return ListSectionNode(heading_id, heading, options, body, after, item_name)
