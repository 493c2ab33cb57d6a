from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import health
from core.content_language import text_and_language
from core.shared_pages import personal_page, shared_page
from events.models import RegistrationStatus
from matchmaking.selectors import city_matches_for_official
from notifications.context_processors import unread_count_known

from . import selectors, statistics
from .hub_selectors import cluster_cards
from .models import SitePage
from .my_portal import my_portal, my_portal_version

FAVICON_PATH = settings.BASE_DIR / "static" / "favicon.ico"
FAVICON_MAX_AGE = 60 * 60 * 24  # a day: a new icon reaches browsers soon enough


@never_cache
@require_safe  # HEAD too: some load balancers probe with it
def healthz(request):
    checks = health.run_checks()
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


@shared_page
def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "clusters": cluster_cards(),
            "latest_pilots": selectors.home_latest_pilots(),
            "upcoming_events": selectors.home_upcoming_events(),
            "latest_news": selectors.home_latest_news(),
            "latest_good_practices": selectors.home_latest_good_practices(),
            "map_cities": selectors.home_map_cities(),
        },
    )


@require_safe
def language(request):
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("portal:home")
    return render(
        request,
        "portal/language.html",
        {"next": next_url, "breadcrumbs": [(_("Language"), "")]},
    )


@require_safe
def english_prefix_redirect(request, rest):
    """/en/clusters/ is /clusters/: English pages have no prefix (core.i18n)."""
    query = request.META.get("QUERY_STRING", "")
    # Never "//host" or "/\\host", which browsers read as another site.
    path = "/" + rest.lstrip("/\\")
    return HttpResponsePermanentRedirect(path + ("?" + query if query else ""))


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says; pages link the SVG."""
    response = FileResponse(
        open(FAVICON_PATH, "rb"),  # noqa: SIM115 -- FileResponse closes it
        content_type="image/x-icon",
    )
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _my_portal_version(request):
    version = my_portal_version(user=request.user)
    if version is not None:
        # The version counted the unread notifications: the bell need not count them again.
        unread_count_known(request, version.unread)
    return version


@never_cache
@login_required
@require_safe
@personal_page(version=_my_portal_version)
def me(request):
    """My portal: the signed-in person's registrations, requests, follows and what waits for them."""
    return render(
        request,
        "portal/me.html",
        {
            "portal": my_portal(user=request.user),
            # A city official's suggestions: what the city needs, who offers it (matchmaking).
            "suggestions": city_matches_for_official(request.user),
            "RegistrationStatus": RegistrationStatus,
            "breadcrumbs": [(_("My portal"), "")],
        },
    )


@require_safe
def statistics_page(request):
    counted_at, figures = statistics.statistics_counted()
    charts = statistics.statistics_charts(figures)
    for chart in charts:
        chart.csv_url = reverse("portal:statistics-csv", kwargs={"chart": chart.slug})
    return render(
        request,
        "portal/statistics.html",
        {
            "totals": statistics.statistics_totals(figures),
            "counted_at": counted_at,
            "counted_within_minutes": statistics.CACHE_SECONDS // 60,
            "charts": charts,
            "breadcrumbs": [(_("Statistics"), "")],
        },
    )


@require_safe
def statistics_csv(request, chart):
    charts = {c.slug: c for c in statistics.statistics_charts(statistics.statistics_figures())}
    if chart not in charts:
        raise Http404(_("There is no such chart."))
    return charts[chart].csv_response()


@require_safe
def site_page(request, slug):
    """About, contact, privacy, terms, accessibility: Markdown written by UN staff."""
    page = get_object_or_404(SitePage, slug=slug)
    return render(
        request,
        "portal/site_page.html",
        {"page": page, "breadcrumbs": [(text_and_language(page, "title")[0], "")]},
    )
