"""{% list_section %}: the titled list section the hub pages share (core/templatetags/section_tags.py)."""

from tests.core.rendering import render_folded

TEMPLATE = (
    "{% load section_tags %}"
    '{% list_section "x-heading" _("Things") items=things empty=empty class=css id=anchor %}'
    "<ul>{% for thing in things %}<li>{{ thing }}</li>{% endfor %}</ul>"
    "{% after_list %}<p>below</p>{% endlist_section %}"
)


def _render(source=TEMPLATE, **context):
    return render_folded(source, **context)


def test_items_are_listed_under_the_heading():
    html = _render(things=["a", "<b>"], empty="None yet.")
    assert html == (
        '<section aria-labelledby="x-heading"> <h2 id="x-heading">Things</h2> '
        "<ul><li>a</li><li>&lt;b&gt;</li></ul> <p>below</p> </section>"
    )


def test_no_items_shows_the_empty_line_and_what_follows():
    html = _render(things=[], empty="None <yet>.", css="me-section", anchor="things")
    assert html == (
        '<section aria-labelledby="x-heading" class="me-section" id="things"> '
        '<h2 id="x-heading">Things</h2> <p class="empty-state">None &lt;yet&gt;.</p> '
        "<p>below</p> </section>"
    )


def test_without_an_empty_line_a_section_with_no_items_is_left_out():
    source = '{% load section_tags %}{% list_section "x" "X" items=things %}<ul></ul>{% endlist_section %}'
    assert _render(source, things=[]) == ""


def test_a_section_can_loop_over_its_items_itself():
    source = (
        "{% load section_tags %}"
        '{% list_section "x" "X" items=things list_class="item-list compact" as thing %}'
        "<li>{{ thing }}</li>{% endlist_section %}"
    )
    assert _render(source, things=["a", "<b>"]) == (
        '<section aria-labelledby="x"> <h2 id="x">X</h2> '
        '<ul class="item-list compact"><li>a</li><li>&lt;b&gt;</li></ul> </section>'
    )
