"""An item's clusters as the lists show them: a list of links, each in its cluster's colour.

    {% load cluster_links %}{% cluster_links clusters %}

The events, pilots, library and news lists' item tags write it with `cluster_links()`.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from core.templatetags.content_language import translated_text

register = template.Library()


@register.simple_tag(name="cluster_links")
def cluster_links(clusters) -> str:
    """The clusters' links, names in the reader's language; "" for none."""
    if not clusters:
        return ""
    return format_html(
        '\n  <ul class="tag-list" aria-label="{}">{}</ul>',
        gettext("Clusters"),
        format_html_join(
            "",
            '<li><a href="{}" class="cluster-colour-{}">{}</a></li>',
            (
                (cluster.get_absolute_url(), cluster.slug, translated_text(cluster, "name"))
                for cluster in clusters
            ),
        ),
    )
