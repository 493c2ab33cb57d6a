from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.pages import filtered_list_page_render

from . import selectors
from .filters import CityFilter

PAGE_SIZE = 24


@require_safe
def city_list(request):
    return filtered_list_page_render(
        request,
        "cities/city_list.html",
        filterset=CityFilter.for_page(request.GET, queryset=selectors.city_list()),
        per_page=PAGE_SIZE,
        name="cities",
        breadcrumbs=[(_("Cities"), "")],
    )


@require_safe
def city_names(request):
    """Cities whose name contains `?q=`, for the city box of the list pages' filters."""
    return JsonResponse(
        {"cities": selectors.city_name_suggestions(typed=request.GET.get("q", "")[:100])}
    )
