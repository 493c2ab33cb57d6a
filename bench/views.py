"""The floor every page is measured against: Django's full middleware stack and nothing else."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def baseline(request):
    return HttpResponse(b"ok", content_type="text/plain")
