"""User Markdown is rendered by a converter kept per thread; one text never shows in another."""

import threading

import markdown

from core.templatetags import markdown as markdown_tags
from core.templatetags.markdown import render_markdown

TEXTS = [
    "A **pilot** in [Tripoli](https://example.org/tripoli).",
    "| City | Hazard |\n| --- | --- |\n| Tripoli | Floods |",
    "1. Map the river\n2. Warn the districts\n\n* sirens\n* radio",
    "```\ncode <b>kept</b> as text\n```",
    '<script>alert("x")</script><p onclick="x()">Raw HTML</p>',
]


def test_a_kept_converter_renders_each_text_as_a_new_one_would():
    for text in TEXTS * 2:
        new_converter = markdown.markdown(text, extensions=markdown_tags.MARKDOWN_EXTENSIONS)
        assert render_markdown(text) == markdown_tags.sanitised(new_converter)
    assert "<script>" not in render_markdown(TEXTS[-1])


def test_what_one_text_defines_does_not_reach_the_next():
    # Abbreviations and footnotes are definitions the converter collects while it converts.
    first = "The UN pilot.[^1]\n\n*[UN]: United Nations\n\n[^1]: Signed in 2023."
    second = "The UN visited.[^1]"

    assert 'title="United Nations"' in render_markdown(first)
    after = render_markdown(second)

    assert "United Nations" not in after
    assert "Signed in 2023" not in after
    assert "[^1]" in after


def test_each_thread_has_its_own_converter():
    here = markdown_tags._converter()
    elsewhere = []
    thread = threading.Thread(target=lambda: elsewhere.append(markdown_tags._converter()))
    thread.start()
    thread.join()

    assert markdown_tags._converter() is here
    assert elsewhere[0] is not here
