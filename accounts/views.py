from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.pages import filtered_list_page_render

from . import selectors
from .filters import OrganizationFilter

PAGE_SIZE = 24


@require_safe
def partner_list(request):
    return filtered_list_page_render(
        request,
        "accounts/partner_list.html",
        filterset=OrganizationFilter.for_page(request.GET, queryset=selectors.partner_list()),
        per_page=PAGE_SIZE,
        name="partners",
        breadcrumbs=[(_("Partners"), "")],
    )


@require_safe
def partner_names(request):
    """Organizations whose name or acronym contains `?q=`, for the pilots page's partner box."""
    return JsonResponse(
        {"partners": selectors.organization_name_suggestions(typed=request.GET.get("q", "")[:100])}
    )
