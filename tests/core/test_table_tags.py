"""{% data_table %}: a table under its caption and column headings (core/templatetags/table_tags.py)."""

import pytest
from django.template import TemplateSyntaxError

from tests.core.rendering import render_folded

TEMPLATE = (
    "{% load table_tags %}"
    '{% data_table _("Name") heading caption=caption caption_hidden=hidden class="data-table" %}'
    "{% for row in rows %}<tr><td>{{ row }}</td></tr>{% endfor %}"
    "{% enddata_table %}"
)


def _render(source=TEMPLATE, **context):
    return render_folded(source, **context)


def test_rows_stand_under_the_caption_and_headings():
    html = _render(heading="<Age>", caption="People", hidden=True, rows=["a", "<b>"])
    assert html == (
        '<div class="table-scroll"> <table class="data-table"> <caption class="visually-hidden">People</caption> '
        '<thead><tr> <th scope="col">Name</th> <th scope="col">&lt;Age&gt;</th> </tr></thead> '
        "<tbody> <tr><td>a</td></tr><tr><td>&lt;b&gt;</td></tr> </tbody> </table> </div>"
    )


def test_a_visible_caption_and_no_class():
    source = '{% load table_tags %}{% data_table "A" caption="Mine" %}<tr></tr>{% enddata_table %}'
    assert _render(source).startswith('<div class="table-scroll"> <table> <caption>Mine</caption>')


def test_a_table_needs_headings_and_a_caption():
    with pytest.raises(TemplateSyntaxError):
        _render('{% load table_tags %}{% data_table caption="X" %}{% enddata_table %}')
    with pytest.raises(TemplateSyntaxError):
        _render('{% load table_tags %}{% data_table "A" %}{% enddata_table %}')
