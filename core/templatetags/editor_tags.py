"""Editorial links on public pages; they cost no query beyond the user's (cached) roles."""

from django import template
from django.template.loader import get_template
from django.utils.translation import gettext as _

from core.content_language import (
    active_language,
    language_names,
    name_in_running_text,
    untranslated_fields,
)
from core.editor import can_edit, editor_for, editor_urls
from core.roles import is_editor
from core.shared_pages import shared_render

register = template.Library()

EDIT_LINK_TEMPLATE = "editor/_edit_link.html"


@register.simple_tag(takes_context=True)
def edit_link(context, obj):
    """The Edit link (and what waits for a translation) for those who may edit `obj`.

    Staff edit everything, so a body shared by staff shows it; in one shared by other readers
    it is kept rendered and each request asks whether its reader may edit (core.shared_pages).
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if obj is None:
        return ""
    link = get_template(EDIT_LINK_TEMPLATE)
    render = shared_render(request)
    if render is not None and not is_editor(user):
        return render.hole(
            "choice",
            {
                "predicate": "may_edit",
                "arg": [obj._meta.label_lower, obj.pk],
                "yes": link.render(_edit_link_values(obj)),
                "no": "",
            },
        )
    # The preview renders the public page for an editor; it shows the way back to the form.
    if not can_edit(user, obj):
        return ""
    return link.render(_edit_link_values(obj))


def _edit_link_values(obj) -> dict:
    urls = editor_urls(obj)
    # Signed-in editors see which fields wait for a translation into the page's language.
    language = active_language()
    missing = untranslated_fields(obj, language)
    return {
        "show": True,
        "edit_url": urls["edit"],
        "label": _("Edit"),
        "obj": obj,
        "untranslated": [obj._meta.get_field(name).verbose_name for name in missing],
        "language_name": name_in_running_text(language_names()[language]),
        "translate_url": editor_for(obj).address(obj, "translate", language=language)
        if missing
        else "",
    }


@register.simple_tag
def editor_url(obj, action):
    return editor_urls(obj).get(action, "")


@register.filter(name="is_editor")
def is_editor_filter(user) -> bool:
    """Whether the user is UN staff, for links to staff-only pages."""
    return is_editor(user)
