from django import template

from core.forms import all_errors

register = template.Library()


@register.simple_tag
def form_errors(forms):
    """The errors of a form, or of a list of forms and formsets, for the page's error summary."""
    if not forms:
        return []
    items = forms if isinstance(forms, list | tuple) else [forms]
    return all_errors(*items)
