"""Content fields in the reader's language, and an honest fallback.

    {{ pilot|tr:"title" }}           the title in the active language; when it has not been
                                     translated yet, the original text in
                                     <span lang="en" dir="ltr">, so an Arabic page lays an
                                     English sentence out left to right, full stop at its end
    {{ pilot|tr_markdown:"body" }}   the same for a Markdown field, rendered and sanitised
                                     (a fallback comes in <div lang=".." dir="..">)

Reading only the columns of the row in hand, these add no query to a page, whatever the language.
"""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from core.content_language import active_language, direction, text_and_language
from core.templatetags.markdown import render_markdown

register = template.Library()


def _wrapped(html: str, language: str, *, element: str) -> str:
    if language == active_language():
        return html
    return format_html(
        '<{0} lang="{1}" dir="{2}">{3}</{0}>',
        mark_safe(element),  # noqa: S308 -- "span" or "div", from this module
        language,
        direction(language),
        mark_safe(html),  # noqa: S308 -- escaped or sanitised by the caller
    )


def text_marked(text: str, language: str):
    """Plain `text` written in `language`, escaped, and marked with lang and dir unless it is in
    the active language: for a text made from a field (shortened, joined) rather than the field
    itself."""
    return mark_safe(_wrapped(escape(text), language, element="span"))  # noqa: S308 (escaped here)


@register.filter(name="tr")
def translated_text(obj, field: str):
    """`obj.<field>` in the active language, else its original text marked with lang and dir."""
    if obj is None:
        return ""
    return text_marked(*text_and_language(obj, field))


@register.filter(name="tr_markdown")
def translated_markdown(obj, field: str):
    """A Markdown field in the active language, rendered; a fallback is marked with lang/dir."""
    if obj is None:
        return ""
    text, language = text_and_language(obj, field)
    if not text:
        return ""
    return mark_safe(_wrapped(render_markdown(text), language, element="div"))  # noqa: S308


@register.filter(name="tr_plain")
def translated_plain(obj, field: str) -> str:
    """The text alone (for attributes such as alt, title or a meta description)."""
    if obj is None:
        return ""
    return text_and_language(obj, field)[0]
