"""A resource in a short list (a hub page's library or news, the home page's), as a page shows it.

    {% load resource_items %}{% resource_item resource %}

gives its linked title and its summary (in the reader's language, else the original text marked
as such), its kind and the day it was published. Lists load the fields it reads alone:
resources.selectors.RESOURCE_ITEM_FIELDS.

This was a template included once per resource; written here, as {% event_time %} was, an item
costs about half as much (20 on a cluster's page).
"""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime

from core.templatetags.content_language import paragraph_marked, translated_text

register = template.Library()


@register.simple_tag
def resource_item(resource):
    published_at = resource.published_at
    if published_at is not None:
        # As the `date` filter does: the day in the visitor's time zone.
        published_at = localtime(published_at)
    return format_html(
        '<article class="resource-item">\n  <h3><a href="{}">{}</a></h3>\n'
        '  <p class="item-meta"><span class="badge">{}</span> <time datetime="{}">{}</time></p>\n'
        "  {}\n</article>",
        resource.get_absolute_url(),
        translated_text(resource, "title"),
        resource.get_kind_display(),
        published_at.isoformat() if published_at else "",  # the `date` filter's "c"
        date_format(published_at, "DATE_FORMAT") if published_at else "",
        paragraph_marked(resource, "summary"),
    )
