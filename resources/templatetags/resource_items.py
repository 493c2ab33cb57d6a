"""A resource in a short list (a hub page's library or news, the home page's), as a page shows it.

    {% load resource_items %}{% resource_item resource %}

gives its linked title and its summary (in the reader's language, else the original text marked
as such), its kind and the day it was published. Lists load the fields it reads alone:
resources.selectors.RESOURCE_ITEM_FIELDS.

This was a template included once per resource; written here, as {% event_time %} was, an item
costs about half as much (20 on a cluster's page).
"""

from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext

from clusters.templatetags.cluster_links import cluster_links
from core.templatetags.content_language import paragraph_marked, translated_text

register = template.Library()


def _published(resource) -> tuple[str, str]:
    """When `resource` was published, as the `date` filter's "c" and "DATE_FORMAT" write it: in
    the visitor's time zone; ("", "") for none."""
    if resource.published_at is None:
        return "", ""
    published_at = localtime(resource.published_at)
    return published_at.isoformat(), date_format(published_at, "DATE_FORMAT")


@register.simple_tag
def resource_item(resource):
    published_iso, published_day = _published(resource)
    return format_html(
        '<article class="resource-item">\n  <h3><a href="{}">{}</a></h3>\n'
        '  <p class="item-meta"><span class="badge">{}</span> <time datetime="{}">{}</time></p>\n'
        "  {}\n</article>",
        resource.get_absolute_url(),
        translated_text(resource, "title"),
        resource.get_kind_display(),
        published_iso,
        published_day,
        paragraph_marked(resource, "summary"),
    )


@register.simple_tag
def resource_list_item(resource):
    """A resource in the library's and the news' lists: as {% resource_item %}, with its kind's
    class, its clusters and its tags. Lists prefetch the clusters (visible ones alone) and the
    tags: resources.selectors.resource_list(). Written here rather than a template of some
    twenty tags per item included 20 times a page (docs/benchmarks.md)."""
    published_iso, published_day = _published(resource)
    time = (
        format_html('<time datetime="{}">{}</time>', published_iso, published_day)
        if published_iso
        else ""
    )
    clusters = resource.clusters.all()
    cluster_list = cluster_links(clusters)
    tags = resource.tags.all()
    tag_list = ""
    if tags:
        by_tag = reverse("resources:list") + "?tag="
        tag_list = format_html(
            '\n  <ul class="tag-list plain" aria-label="{}">{}</ul>',
            gettext("Tags"),
            format_html_join(
                "",
                '<li><a href="{}" dir="auto">#{}</a></li>',
                ((by_tag + quote(tag.slug, safe="/"), tag.name) for tag in tags),
            ),
        )
    return format_html(
        '<article class="resource-item">\n  <h3><a href="{}">{}</a></h3>\n'
        '  <p class="item-meta">\n    <span class="badge kind-{}">{}</span>\n    {}\n  </p>\n'
        "  {}{}{}\n</article>",
        resource.get_absolute_url(),
        translated_text(resource, "title"),
        resource.kind,
        resource.get_kind_display(),
        time,
        paragraph_marked(resource, "summary"),
        cluster_list,
        tag_list,
    )
