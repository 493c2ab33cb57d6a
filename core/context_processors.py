from django.conf import settings
from django.templatetags.static import static


def site(request):
    """What base.html needs on every page: site name, canonical URL, time zone, preview image."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Query strings (filters, pages, tracking) do not make a different page for search engines.
        "canonical_url": request.build_absolute_uri(request.path),
        "VISITOR_TIME_ZONE": getattr(request, "visitor_time_zone", settings.TIME_ZONE),
        # Link previews (Open Graph) need an absolute address.
        "og_image_url": request.build_absolute_uri(static("img/og-image.png")),
    }
