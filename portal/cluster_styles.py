"""Each cluster's colour as a class in a generated stylesheet, so templates need no style
attributes and the Content-Security-Policy can keep style-src to 'self'."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from clusters.models import Cluster
from core.visibility import public


def cluster_colour_class(slug: str) -> str:
    return f"cluster-colour-{slug}"


def cluster_colours_css() -> str:
    # Slugs are [-a-zA-Z0-9_] and colours are validated as #rrggbb: safe to write into CSS as is.
    # Every page loads this file: an inactive cluster's slug is not written into it.
    rows = public(Cluster).order_by("slug").values_list("slug", "colour")
    return "".join(
        f".{cluster_colour_class(slug)} {{ --cluster-colour: {colour}; }}\n"
        for slug, colour in rows
    )


@require_safe
def cluster_colours_stylesheet(request):
    response = HttpResponse(cluster_colours_css(), content_type="text/css; charset=utf-8")
    # A renamed or recoloured cluster shows within five minutes; the ETag makes rechecks cheap.
    patch_cache_control(response, public=True, max_age=300)
    return response
