from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from clusters.selectors import cluster_cards

from . import health


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
    return render(request, "portal/home.html", {"clusters": cluster_cards()})
