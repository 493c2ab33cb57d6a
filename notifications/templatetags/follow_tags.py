"""The Follow button, which knows what the visitor follows with one query per page."""

from django import template

from notifications.models import Subscription
from notifications.registry import followable_field

register = template.Library()


def _followed_ids(request) -> dict[str, set[int]]:
    # Cached on the request: a page with many buttons still asks the database once.
    cached = getattr(request, "_followed_ids", None)
    if cached is None:
        cached = {"cluster": set(), "city": set(), "project": set()}
        rows = Subscription.objects.filter(user=request.user).values_list(
            "cluster_id", "city_id", "project_id"
        )
        for cluster_id, city_id, project_id in rows:
            for field, pk in (("cluster", cluster_id), ("city", city_id), ("project", project_id)):
                if pk is not None:
                    cached[field].add(pk)
        request._followed_ids = cached
    return cached


@register.inclusion_tag("includes/follow_button.html", takes_context=True)
def follow_button(context, target, next_url=None):
    """Usage: {% load follow_tags %}{% follow_button cluster %} (a cluster, city or project).

    After the click the visitor comes back to `next_url`, by default the page the button is on.
    """
    request = context.get("request")
    target_type = followable_field(target)
    user = getattr(request, "user", None)
    is_authenticated = bool(user and user.is_authenticated)
    following = is_authenticated and target.pk in _followed_ids(request)[target_type]
    return {
        "request": request,
        "next_url": next_url or (request.get_full_path() if request else ""),
        "target": target,
        "target_type": target_type,
        "following": following,
        "is_authenticated": is_authenticated,
        "csrf_token": context.get("csrf_token"),
    }
