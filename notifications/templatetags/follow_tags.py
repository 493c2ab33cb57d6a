"""The Follow button, which knows what the visitor follows with one query per page."""

from django import template
from django.template.loader import get_template

from core.shared_pages import shared_render
from notifications.registry import followable_field
from notifications.selectors import reader_state

register = template.Library()

BUTTON_TEMPLATE = "includes/follow_button.html"


def follows(request, targets: list) -> list[bool]:
    """Whether the reader follows each (type, id): the "follows" predicate of shared pages."""
    # Read with the unread count, once per request: a page with many buttons asks once.
    followed = reader_state(request).followed
    return [pk in followed[target_type] for target_type, pk in targets]


@register.simple_tag(takes_context=True)
def follow_button(context, target, next_url=None):
    """Usage: {% load follow_tags %}{% follow_button cluster %} (a cluster, city or project).

    After the click the visitor comes back to `next_url`, by default the page the button is on.
    In a page shared by its signed-in readers (core.shared_pages) both states are kept and each
    request shows the reader's.
    """
    request = context.get("request")
    target_type = followable_field(target)
    user = getattr(request, "user", None)
    is_authenticated = bool(user and user.is_authenticated)
    button = get_template(BUTTON_TEMPLATE)
    values = {
        "request": request,
        "next_url": next_url or (request.get_full_path() if request else ""),
        "target": target,
        "target_type": target_type,
        "is_authenticated": is_authenticated,
        "csrf_token": context.get("csrf_token"),
    }
    render = shared_render(request)
    if render is not None:
        return render.hole(
            "choice",
            {
                "predicate": "follows",
                "arg": [target_type, target.pk],
                "yes": button.render({**values, "following": True}),
                "no": button.render({**values, "following": False}),
            },
        )
    following = is_authenticated and target.pk in reader_state(request).followed[target_type]
    return button.render({**values, "following": following})
