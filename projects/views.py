from functools import partial

from django.utils.translation import gettext as _

from core.pages import filtered_list_page_render

from . import selectors
from .filters import ProjectFilter

PAGE_SIZE = 20


def project_list(request):
    return filtered_list_page_render(
        request,
        "projects/project_list.html",
        filterset=ProjectFilter.for_page(request.GET, queryset=selectors.project_list()),
        per_page=PAGE_SIZE,
        name="projects",
        prepare_page=partial(
            selectors.programme_pilots_attach, limit=selectors.PROGRAMME_CARD_PILOTS
        ),
        breadcrumbs=[(_("Pilots"), "")],
    )
