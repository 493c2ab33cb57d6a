"""Editorial links on public pages; they cost no query beyond the user's (cached) roles."""

from django import template
from django.utils.translation import gettext as _

from core.editor import can_edit, editor_urls
from core.roles import is_editor

register = template.Library()


@register.inclusion_tag("editor/_edit_link.html", takes_context=True)
def edit_link(context, obj):
    request = context.get("request")
    user = getattr(request, "user", None)
    # The preview renders the public page for an editor; it shows the way back to the form.
    if obj is None or not can_edit(user, obj):
        return {"show": False}
    urls = editor_urls(obj)
    return {"show": True, "edit_url": urls["edit"], "label": _("Edit"), "obj": obj}


@register.simple_tag
def editor_url(obj, action):
    return editor_urls(obj).get(action, "")


@register.filter(name="is_editor")
def is_editor_filter(user) -> bool:
    """Whether the user is UN staff, for links to staff-only pages."""
    return is_editor(user)
