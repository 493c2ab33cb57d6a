import operator

from django.utils.functional import SimpleLazyObject, new_method_proxy

from .selectors import reader_state


class LazyCount(SimpleLazyObject):
    """A number worked out on first use that plural rules can compute with (Russian and Arabic
    take `n % 10`, `n % 100`), so `{% blocktranslate count %}` works in every language."""

    __int__ = new_method_proxy(int)
    __index__ = new_method_proxy(operator.index)
    __mod__ = new_method_proxy(operator.mod)
    __le__ = new_method_proxy(operator.le)
    __ge__ = new_method_proxy(operator.ge)


# Where a view that has counted the reader's unread notifications already leaves the number.
KNOWN_UNREAD_COUNT = "known_unread_notification_count"


def unread_count_known(request, count: int) -> None:
    """The bell shows `count` for this request instead of counting again."""
    setattr(request, KNOWN_UNREAD_COUNT, count)


def unread_notifications(request):
    """The bell's unread count: only for a signed-in user and only if a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notification_count": 0}
    known = getattr(request, KNOWN_UNREAD_COUNT, None)
    if known is not None:
        return {"unread_notification_count": known}
    # Read with what the reader follows (one query for the bell and every Follow button).
    return {"unread_notification_count": LazyCount(lambda: reader_state(request).unread)}
