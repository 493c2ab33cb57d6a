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
from django.utils.translation import gettext

from clusters.templatetags.cluster_links import cluster_links
from core.templatetags.content_language import language_names, paragraph_marked, translated_text
from core.templatetags.site_tags import spaced_label

from .event_time import event_day_and_hour, event_time

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


@register.simple_tag
def event_list_item(event):
    """An event in the events pages' lists and a series' sessions: its day and hour in the
    visitor's zone, its linked title, kind, format, city, series and languages, its summary and
    its clusters. Lists read what it shows with events.selectors._listed() (the series and
    clusters through the visibility rule). Written here rather than a template of some twenty
    tags included 20 times a page (docs/benchmarks.md)."""
    city, series = event.city, event.series
    clusters = event.clusters.all()
    return format_html(
        '<article class="event-item">\n  <p class="event-date">\n    {}\n  </p>\n  <div>\n'
        '    <h3><a href="{}">{}</a></h3>\n    <p class="item-meta">\n'
        '      <span class="badge">{}</span>\n'
        '      <span class="badge format-{}">{}</span>\n      {}\n      {}\n      {}\n'
        "    </p>\n    {}{}\n  </div>\n</article>",
        event_day_and_hour(event),
        event.get_absolute_url(),
        translated_text(event, "title"),
        event.get_kind_display(),
        event.format,
        event.get_format_display(),
        format_html("<span>{}</span>", translated_text(city, "name")) if city else "",
        format_html(
            '<span>{}<a href="{}">{}</a></span>',
            spaced_label(gettext("Series:")),
            series.get_absolute_url(),
            translated_text(series, "title"),
        )
        if series
        else "",
        format_html(
            "<span>{}{}</span>",
            spaced_label(gettext("Languages:")),
            language_names(event.languages),
        )
        if event.languages
        else "",
        paragraph_marked(event, "summary"),
        cluster_links(clusters),
    )
