"""The small maps of the city and pilot pages (static/js/map.js draws them), and the rows of the
map page's tables."""

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from cities.countries import country_name
from core.content_language import bracketed
from core.templatetags.content_language import translated_text

register = template.Library()


@register.inclusion_tag("includes/mini_map.html")
def mini_map(features: dict, *, map_id: str, labelled_by: str, caption: str = "", zoom: int = 6):
    """A map of `features` (GeoJSON) labelled by the heading whose id is `labelled_by`.

    The features travel in a JSON script element beside the map, so the page needs no inline
    script and no extra request; the page's own text says what the map shows.
    """
    return {
        "features": features,
        "features_id": f"{map_id}-features",
        "map_id": map_id,
        "labelled_by": labelled_by,
        "caption": caption,
        "zoom": zoom,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }


# The map page's tables (templates/portal/map.html): 50 pilot links and 50 cities, each row
# written here rather than by a loop of template tags (a dozen per row: about half the page's
# rendering).


def _linked(url, text):
    return format_html('<a href="{}">{}</a>', url, text) if url else text


@register.simple_tag
def map_link_rows(links):
    """A row per pilot link: the pilot, then each city with its role in the pilot."""
    city_label, partner_label = gettext("City"), gettext("Partner city")
    return format_html_join(
        "\n      ",
        '<tr data-pilot-slug="{}" class="map-link-row">\n'
        '        <th scope="row">{}</th>\n'
        '        <td data-label="{}">{} ({})</td>\n'
        '        <td data-label="{}">{} ({})</td>\n'
        "      </tr>",
        (
            (
                link.project.slug,
                _linked(link.project.url, translated_text(link.project, "title")),
                city_label,
                _linked(link.first.city.url, translated_text(link.first.city, "name")),
                link.first.get_role_display(),
                partner_label,
                _linked(link.second.city.url, translated_text(link.second.city, "name")),
                link.second.get_role_display(),
            )
            for link in links
        ),
    )


@register.simple_tag
def map_city_rows(cities):
    """A row per city: its name, its country, and its clusters (those it leads marked)."""
    country_label, clusters_label = gettext("Country"), gettext("Clusters")
    lead, separator = bracketed(gettext("lead city")), gettext("; ")

    def clusters(city):
        if not city.map_clusters:
            return "—"
        return format_html_join(
            separator,
            "{}{}",
            (
                (
                    translated_text(membership.cluster, "name"),
                    lead if membership.role == "lead" else "",
                )
                for membership in city.map_clusters
            ),
        )

    return format_html_join(
        "\n      ",
        '<tr data-city-slug="{}" class="map-city-row">\n'
        '        <th scope="row">{}</th>\n'
        '        <td data-label="{}">{}</td>\n'
        '        <td data-label="{}">{}</td>\n'
        "      </tr>",
        (
            (
                city.slug,
                _linked(city.url, translated_text(city, "name")),
                country_label,
                country_name(city.country.code),
                clusters_label,
                clusters(city),
            )
            for city in cities
        ),
    )
