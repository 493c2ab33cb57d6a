"""What the portal's list pages share: one page of items, numbered by `?page=`, and their filters."""

from django.core.paginator import Paginator
from django.shortcuts import render

from core.selectors import ChosenById


def list_page_render(request, template, *, items, per_page, name, **context):
    """Render `template` with one page of `items`: `page_obj`, its items as `name`, and `context`.

    A page number out of range or not a number shows the nearest page (Paginator.get_page).
    """
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    return render(request, template, {**context, "page_obj": page_obj, name: page_obj.object_list})


def filtered_list_page_render(
    request, template, *, filterset, per_page, name, by_id_first=False, **context
):
    """A list page whose items are what a `core.filters.ListFilterSet` (bound `for_page`) keeps.

    The template gets the filter set as `filter`, for its form. `by_id_first` picks each page's
    rows by id before reading them (`core.selectors.ChosenById`), for a long list of wide rows.
    """
    items = filterset.qs
    return list_page_render(
        request,
        template,
        items=ChosenById(items) if by_id_first else items,
        per_page=per_page,
        name=name,
        filter=filterset,
        **context,
    )


def form_filtered_list_page_render(request, template, *, filters, items, per_page, name, **context):
    """A list page narrowed by a plain form (the staff review queues): `filters` is the form bound
    to the query string, and `items(criteria)` the list for its cleaned data, or for no criteria
    at all when the query does not validate (an old link keeps working, unfiltered).

    The template gets the form as `filters`.
    """
    criteria = filters.cleaned_data if filters.is_valid() else {}
    return list_page_render(
        request,
        template,
        items=items(criteria),
        per_page=per_page,
        name=name,
        filters=filters,
        **context,
    )
