from django.utils.functional import SimpleLazyObject

from .selectors import unread_notification_count


def unread_notifications(request):
    """The bell's unread count: one query, only for a signed-in user and only if a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notification_count": 0}
    return {
        "unread_notification_count": SimpleLazyObject(lambda: unread_notification_count(user=user))
    }
