from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from clusters.models import Cluster
from core.shared_pages import shared_page

from . import search

# The GeoJSON endpoint lives under the API router, which is mounted at /api/v1/.
MAP_GEOJSON_PATH = "/api/v1/map/"
# The map's tables list the first cities and pilots, and link to the lists that page through all
# of them: with 5,000 cities and 20,000 pilots the whole tables made a page of 10 MB.
MAP_TABLE_SIZE = 50


@require_safe
@shared_page
def search_page(request):
    raw_query = request.GET.get("q", "")
    query = search.clean_query(raw_query)
    filters = search.SearchFilters.from_params(request.GET)
    context = {
        "breadcrumbs": [(_("Search"), "")],
        "query": query,
        "query_was_shortened": len(raw_query.strip()) > search.MAX_QUERY_LENGTH,
        "max_query_length": search.MAX_QUERY_LENGTH,
        "candidate_limit": search.CANDIDATE_LIMIT,
        "filters": filters,
    }
    if query:
        outcome = search.search_forgiving(
            query=query,
            filters=filters,
            page_number=request.GET.get("page", 1),
            # "Search for what I typed": the link under a corrected search.
            correct=request.GET.get("exact") != "1",
        )
        _link_facets(request, outcome)
        context["outcome"] = outcome
        if not outcome.total:
            context.update(search.search_suggestions())
    else:
        context.update(search.search_suggestions())
    return render(request, "portal/search.html", context)


def _href(request, **changes) -> str:
    """This page's URL with some parameters changed (None removes one); paging restarts."""
    params = request.GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode()


def _link_facets(request, outcome) -> None:
    for facet in outcome.facets:
        for option in facet.options:
            option.href = _href(request, **{facet.param: None if option.selected else option.value})
    for group in outcome.groups:
        group.more_href = _href(request, type=group.key)


@require_safe
def map_page(request):
    clusters = list(Cluster.objects.active().only("name", "slug", "colour"))
    requested = request.GET.get("cluster", "")
    selected_cluster = next((cluster for cluster in clusters if cluster.slug == requested), None)
    cluster_slug = selected_cluster.slug if selected_cluster else ""
    # The map's names (countries) in the page's language, whatever the browser's.
    query = {"cluster": cluster_slug} if cluster_slug else {}
    query["lang"] = request.LANGUAGE_CODE
    geojson_url = f"{MAP_GEOJSON_PATH}?{urlencode(query)}"
    return render(
        request,
        "portal/map.html",
        {
            "breadcrumbs": [(_("Map"), "")],
            "clusters": clusters,
            "selected_cluster": selected_cluster,
            "cities": search.map_cities(cluster_slug=cluster_slug, limit=MAP_TABLE_SIZE),
            "pilot_links": search.map_pilot_links(cluster_slug=cluster_slug, limit=MAP_TABLE_SIZE),
            "geojson_url": geojson_url,
            "geojson_base_url": MAP_GEOJSON_PATH,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )
