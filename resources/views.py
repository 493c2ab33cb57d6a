from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.pages import filtered_list_page_render

from . import selectors
from .filters import ResourceFilter
from .models import ResourceKind

PAGE_SIZE = 20
# The library is counted this far, then said to hold "more than" it: counting 200,000
# published resources took 18 ms of the list's 43 ms, and 500 pages are more than anyone
# reads without a filter or a search (core.pages.CountCappedPaginator).
COUNT_AT_MOST = 10_000


def _listing(request, *, queryset, template, breadcrumbs, without=()):
    return filtered_list_page_render(
        request,
        template,
        filterset=ResourceFilter.for_page(request.GET, queryset=queryset, without=without),
        per_page=PAGE_SIZE,
        count_at_most=COUNT_AT_MOST,
        name="resources",
        breadcrumbs=breadcrumbs,
    )


def resource_list(request):
    return _listing(
        request,
        queryset=selectors.resource_list(),
        template="resources/resource_list.html",
        breadcrumbs=[(_("Knowledge library"), "")],
    )


def news_list(request):
    return _listing(
        request,
        queryset=selectors.news_list(),
        template="resources/news_list.html",
        breadcrumbs=[(_("News"), "")],
        # News is one kind, so its page filters by everything else.
        without=["kind"],
    )


def resource_detail(request, slug):
    resource = selectors.resource_detail(slug=slug)
    if resource.kind == ResourceKind.NEWS:
        parent = (_("News"), reverse("resources:news"))
    else:
        parent = (_("Knowledge library"), reverse("resources:list"))
    return render(
        request,
        "resources/resource_detail.html",
        {"resource": resource, "breadcrumbs": [parent, (resource.title, "")]},
    )
