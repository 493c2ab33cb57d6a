from django.conf import settings


def site(request):
    """What base.html needs on every page: the site name, the canonical URL and the time zone."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        # Query strings (filters, pages, tracking) do not make a different page for search engines.
        "canonical_url": request.build_absolute_uri(request.path),
        "VISITOR_TIME_ZONE": getattr(request, "visitor_time_zone", settings.TIME_ZONE),
    }
