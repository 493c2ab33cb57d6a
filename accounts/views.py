from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import selectors
from .filters import OrganizationFilter

PAGE_SIZE = 24


@require_safe
def partner_list(request):
    partner_filter = OrganizationFilter.for_page(request.GET, queryset=selectors.partner_list())
    page_obj = Paginator(partner_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/partner_list.html",
        {
            "filter": partner_filter,
            "page_obj": page_obj,
            "partners": page_obj.object_list,
            "breadcrumbs": [(_("Partners"), "")],
        },
    )
