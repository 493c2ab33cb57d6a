from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import selectors
from .filters import CityFilter

PAGE_SIZE = 24


@require_safe
def city_list(request):
    city_filter = CityFilter.for_page(request.GET, queryset=selectors.city_list())
    page_obj = Paginator(city_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "cities/city_list.html",
        {
            "filter": city_filter,
            "page_obj": page_obj,
            "cities": page_obj.object_list,
            "breadcrumbs": [(_("Cities"), "")],
        },
    )
