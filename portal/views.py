from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import health
from events.models import RegistrationStatus

from . import selectors, statistics
from .hub_selectors import cluster_cards
from .my_portal import my_portal


@never_cache
@require_safe  # HEAD too: some load balancers probe with it
def healthz(request):
    checks = health.run_checks()
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


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
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
@login_required
@require_safe
def me(request):
    """My portal: the signed-in person's registrations, requests, follows and what waits for them."""
    return render(
        request,
        "portal/me.html",
        {
            "portal": my_portal(user=request.user),
            "RegistrationStatus": RegistrationStatus,
            "breadcrumbs": [(_("My portal"), "")],
        },
    )


@require_safe
def statistics_page(request):
    figures = statistics.statistics_figures()
    charts = statistics.statistics_charts(figures)
    for chart in charts:
        chart.csv_url = reverse("portal:statistics-csv", kwargs={"chart": chart.slug})
    return render(
        request,
        "portal/statistics.html",
        {
            "totals": statistics.statistics_totals(figures),
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
