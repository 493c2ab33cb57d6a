from django import template
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core.forms import all_errors

register = template.Library()


@register.simple_tag
def form_errors(forms):
    """The errors of a form, or of a list of forms and formsets, for the page's error summary."""
    if not forms:
        return []
    items = forms if isinstance(forms, list | tuple) else [forms]
    return all_errors(*items)


DJANGOS_OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _option_html(option, context) -> str:
    """One option as Django's select_option.html and attrs.html write it, to the byte."""
    attrs = "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in option["attrs"].items()
        if value is not False
    )
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"{attrs}>'
        f"{render_value_in_context(option['label'], context)}</option>"
    )


@register.simple_tag(takes_context=True)
def select_options(context, optgroups):
    """A select's option groups and options (`widget.optgroups`), written here rather than by a
    template each: a filter of 262 partners took 5 ms to render through the template language,
    and building each option's attributes in a loop of template tags was most of a list page's
    filter form. An option with a template of its own still renders through it."""
    parts = []
    for group_name, options, _index in optgroups:
        if group_name:
            parts.append(f'\n  <optgroup label="{render_value_in_context(group_name, context)}">')
        for option in options:
            if option["template_name"] == DJANGOS_OPTION_TEMPLATE:
                parts.append(f"\n  {_option_html(option, context)}\n")
            else:
                template = context.template.engine.get_template(option["template_name"])
                with context.push(widget=option):
                    parts.append("\n  " + template.render(context))
        if group_name:
            parts.append("\n  </optgroup>")
    return mark_safe("".join(parts))  # noqa: S308 -- each value escaped above, or a template's output
