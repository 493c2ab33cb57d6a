"""What the portal's list pages share: one page of items, numbered by `?page=`, and their filters."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import cached_property

from core.selectors import ChosenById


class CountCappedPaginator(Paginator):
    """A paginator that counts the items only as far as `count_at_most`, for a list so long that
    counting it all is most of its page's time (200,000 resources: 18 ms of a 43 ms page).

    Past the cap the list says "more than" it (`count_is_capped`; `count` is then the cap plus
    one, so the last page in reach still has a next one), and nobody pages that far without
    filters. A page asked for beyond the cap (an old link, or the next page of the last one in
    reach) counts them all, so every item can still be reached by its page's address.
    """

    def __init__(self, object_list, per_page, *, count_at_most: int):
        super().__init__(object_list, per_page)
        self.count_at_most = count_at_most
        self.counts_all = False

    def get_page(self, number):
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1
        # Page 0 or below is the last page for Paginator.get_page: only a whole count names it.
        self.counts_all = wanted < 1 or wanted * self.per_page > self.count_at_most
        return super().get_page(number)

    @cached_property
    def count(self) -> int:
        if self.counts_all:
            return Paginator.count.func(self)
        # A list chosen by id first (core.selectors.ChosenById) is counted by its queryset.
        items = getattr(self.object_list, "queryset", self.object_list)
        if hasattr(items, "query"):
            # Ids alone, unordered: a filter across a many-to-many link makes the list distinct,
            # and a distinct count of whole rows in date order took 0.9 s for one cluster.
            return items.order_by().values("pk")[: self.count_at_most + 1].count()
        return len(items[: self.count_at_most + 1])

    @property
    def count_is_capped(self) -> bool:
        return self.count > self.count_at_most and not self.counts_all

    @property
    def pages_at_least(self) -> int:
        """The pages a capped list has at least (its summary says "of more than" that)."""
        return self.count_at_most // self.per_page


def list_page_render(
    request,
    template,
    *,
    items,
    per_page,
    name,
    count_at_most: int | None = None,
    prepare_page=None,
    **context,
):
    """Render `template` with one page of `items`: `page_obj`, its items as `name`, and `context`.

    A page number out of range or not a number shows the nearest page (Paginator.get_page).
    With `count_at_most`, the items are counted only that far (`CountCappedPaginator`).
    `prepare_page(rows)` is given the page's rows, as a list, before the template reads them:
    for what depends on which rows a page holds (the pilots page's programmes' pilots).
    """
    paginator = (
        Paginator(items, per_page)
        if count_at_most is None
        else CountCappedPaginator(items, per_page, count_at_most=count_at_most)
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    if prepare_page is not None:
        page_obj.object_list = list(page_obj.object_list)
        prepare_page(page_obj.object_list)
    return render(request, template, {**context, "page_obj": page_obj, name: page_obj.object_list})


def filtered_list_page_render(
    request,
    template,
    *,
    filterset,
    per_page,
    name,
    by_id_first=False,
    count_at_most: int | None = None,
    prepare_page=None,
    **context,
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
        count_at_most=count_at_most,
        prepare_page=prepare_page,
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
