from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import selectors
from .filters import ProjectFilter

PAGE_SIZE = 20


def project_list(request):
    project_filter = ProjectFilter.for_page(request.GET, queryset=selectors.project_list())
    page_obj = Paginator(project_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/project_list.html",
        {
            "filter": project_filter,
            "page_obj": page_obj,
            "projects": page_obj.object_list,
            "breadcrumbs": [(_("Pilots"), "")],
        },
    )
