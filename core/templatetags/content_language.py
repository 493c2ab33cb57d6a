"""Content fields in the reader's language, and an honest fallback.

    {{ pilot|tr:"title" }}           the title in the active language; when it has not been
                                     translated yet, the original text in
                                     <span lang="en" dir="ltr">, so an Arabic page lays an
                                     English sentence out left to right, full stop at its end
    {{ pilot|tr_markdown:"body" }}   the same for a Markdown field, rendered and sanitised
                                     (a fallback comes in <div lang=".." dir="..">)
    {% tr_paragraph pilot "summary" "lead" %}
                                     a field that is a paragraph of its own: <p class="lead">,
                                     with lang and dir on the <p> itself when it falls back, so
                                     an English summary on an Arabic page is a left-to-right
                                     paragraph, aligned left, not an English line set flush right

Reading only the columns of the row in hand, these add no query to a page, whatever the language.
"""

from html import escape as escape_html

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.content_language import (
    active_language,
    direction,
    listed,
    name_in_running_text,
    spoken_language_name,
    text_and_language,
)
from core.templatetags.markdown import render_markdown

register = template.Library()

# A page lists a hundred titles and summaries through these filters, so they escape and wrap with
# the standard library and plain strings: django.utils.html's escape and format_html check each
# argument for a lazy string first, which was most of a filter's 16 µs.


def _escaped(text) -> SafeString:
    return SafeString(escape_html(str(text)))  # what django.utils.html.escape returns


def _wrapped(html: str, language: str, *, element: str, shown_in: str | None = None) -> str:
    """`html` (escaped or sanitised by the caller) as it is, or in <element lang dir> when it is
    not in the language the page is shown in; `element` is "span" or "div", from this module."""
    if language == (shown_in or active_language()):
        return html
    language = escape_html(language)
    return SafeString(
        f'<{element} lang="{language}" dir="{direction(language)}">{html}</{element}>'
    )


def text_marked(text: str, language: str, *, page_language: str | None = None):
    """Plain `text` written in `language`, escaped, and marked with lang and dir unless it is in
    the page's language (default: the active one): for a text made from a field (shortened,
    joined) rather than the field itself."""
    return _wrapped(_escaped(text), language, element="span", shown_in=page_language)


@register.filter(name="tr")
def translated_text(obj, field: str):
    """`obj.<field>` in the active language, else its original text marked with lang and dir."""
    if obj is None:
        return ""
    page_language = active_language()
    text, language = text_and_language(obj, field, page_language)
    return text_marked(text, language, page_language=page_language)


def text_paragraph(text: str, language: str, *, css_class: str = "") -> str:
    """Plain `text` written in `language` as a paragraph, escaped, with lang and dir on the <p>
    unless it is in the active language; "" for no text."""
    if not text:
        return ""
    attributes = f' class="{escape_html(css_class)}"' if css_class else ""
    if language != active_language():
        attributes += f' lang="{escape_html(language)}" dir="{direction(language)}"'
    return SafeString(f"<p{attributes}>{_escaped(text)}</p>")


def paragraph_marked(obj, field: str, *, css_class: str = "") -> str:
    """`obj.<field>` as a paragraph in the active language, else its original text in a
    paragraph marked with lang and dir; "" for an empty field."""
    return text_paragraph(*text_and_language(obj, field), css_class=css_class)


@register.simple_tag(name="tr_paragraph")
def translated_paragraph(obj, field: str, css_class: str = ""):
    return "" if obj is None else paragraph_marked(obj, field, css_class=css_class)


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


@register.filter(name="language_in_text")
def language_in_text(name) -> str:
    """{{ language.name_translated|language_in_text }}: a language's name as it is written
    inside a sentence or a remark ("(anglais)" on a French page, where Django gives
    "Anglais")."""
    return name_in_running_text(name)


@register.filter(name="language_names")
def language_names(codes) -> str:
    """{{ event.languages|language_names }}: "English, Arabic" for ["en", "ar"], in the reader's
    language; one code ({{ resource.language|language_names }}) gives its one name."""
    if isinstance(codes, str):
        codes = [codes]
    return listed(
        name_in_running_text(spoken_language_name(code)) for code in codes if str(code).strip()
    )
