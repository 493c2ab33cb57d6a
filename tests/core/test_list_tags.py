"""{% list_or_empty %}: a list, or the line that says it is empty (core/templatetags/list_tags.py)."""

import pytest
from django.template import TemplateSyntaxError, engines

TEMPLATE = (
    "{% load list_tags %}{% list_or_empty things empty=empty %}"
    "<ul>{% for thing in things %}<li>{{ thing }}</li>{% endfor %}</ul>{% endlist_or_empty %}"
)


def _render(source=TEMPLATE, **context):
    return engines["django"].from_string(source).render(context)


def test_items_are_listed():
    assert _render(things=["a", "<b>"], empty="None.") == "<ul><li>a</li><li>&lt;b&gt;</li></ul>"


def test_no_items_shows_the_empty_line():
    assert _render(things=[], empty="None <yet>.") == '<p class="empty-state">None &lt;yet&gt;.</p>'


def test_the_empty_line_is_required():
    with pytest.raises(TemplateSyntaxError):
        _render("{% load list_tags %}{% list_or_empty things %}{% endlist_or_empty %}")
