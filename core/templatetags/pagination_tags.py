from django import template

register = template.Library()


@register.filter
def elided_page_range(page_obj):
    """Page numbers around the current page, with ellipses, so long lists stay one line."""
    paginator = page_obj.paginator
    numbers = list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))
    if getattr(paginator, "count_is_capped", False) and numbers[-1] == paginator.num_pages:
        # A list counted only so far (core.pages.CountCappedPaginator) has no last page to
        # name: its count is the cap plus one. "Next" still leads on.
        numbers[-1:] = [] if numbers[-2] == paginator.ELLIPSIS else [paginator.ELLIPSIS]
    return numbers
