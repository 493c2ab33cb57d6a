"""An event in a short list (a cluster's, a city's or the home page's), as a page shows it.

    {% load event_items %}{% event_item event %}

gives its linked title (in the reader's language, else its original one marked as such), its
kind, format and city, and when it happens ({% event_time %}). Lists load the fields it reads
alone: events.selectors.EVENT_ITEM_FIELDS, with the city selected.

This was a template included once per event. Written here, as {% event_time %} was, an item
costs about half as much, its time included: a cluster's page lists 22 events, a city's 11,
the home page 5.
"""

from django import template
from django.utils.html import format_html

from core.templatetags.content_language import translated_text

from .event_time import event_time

register = template.Library()


@register.simple_tag(takes_context=True)
def event_item(context, event):
    city = event.city
    return format_html(
        '<article class="event-summary">\n  <h3><a href="{}">{}</a></h3>\n'
        '  <p class="item-meta">\n    <span class="badge">{}</span>\n'
        '    <span class="badge">{}</span>\n    {}\n  </p>\n  <p>{}</p>\n</article>',
        event.get_absolute_url(),
        translated_text(event, "title"),
        event.get_kind_display(),
        event.get_format_display(),
        format_html("<span>{}</span>", translated_text(city, "name")) if city else "",
        event_time(context, event),
    )
