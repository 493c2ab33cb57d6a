"""{% block_again %}: a page's heading written once, printed as window title and <h1> (core/templatetags/page_tags.py)."""

from django.template import Context, Engine

LAYOUT = (
    "{% load page_tags %}<title>{% block title %}{% block heading %}{% endblock %} · Site{% endblock %}</title>"
    '<h1>{% block_again "heading" %}</h1>{% block_again "missing" %}'
)


def _render(page, **context):
    engine = Engine(
        loaders=[
            ("django.template.loaders.locmem.Loader", {"layout.html": LAYOUT, "page.html": page})
        ],
        libraries={"page_tags": "core.templatetags.page_tags"},
    )
    return engine.get_template("page.html").render(Context(context))


def test_the_pages_heading_is_printed_again_as_it_was_escaped():
    html = _render(
        '{% extends "layout.html" %}{% block heading %}Fish &amp; {{ name }}{% endblock %}',
        name="<chips>",
    )
    assert html == "<title>Fish &amp; &lt;chips&gt; · Site</title><h1>Fish &amp; &lt;chips&gt;</h1>"


def test_a_page_that_overrides_the_title_keeps_its_heading():
    page = '{% extends "layout.html" %}{% block title %}Other{% endblock %}{% block heading %}Mine{% endblock %}'
    assert _render(page) == "<title>Other</title><h1>Mine</h1>"
