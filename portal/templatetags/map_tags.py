"""The small maps of the city and pilot pages (static/js/map.js draws them)."""

from django import template
from django.conf import settings

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
