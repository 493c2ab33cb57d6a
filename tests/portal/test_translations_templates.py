"""No template shows English a translator cannot reach: every visible text sits in a translate tag."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
# The 500 page renders without the template engine's context, so it carries its own languages;
# the API documentation pages are for developers and follow the API in English.
EXEMPT = {"500.html", "drf_spectacular/redoc.html", "drf_spectacular/swagger_ui.html"}

TRANSLATED_BLOCKS = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?{%\s*endblocktrans(?:late)?\s*%}", re.S
)
NOT_TEXT = re.compile(r"<script.*?</script>|<style.*?</style>|<svg.*?</svg>|<!--.*?-->", re.S)
TEMPLATE_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
HUMAN_ATTRIBUTES = re.compile(r'\b(?:alt|title|placeholder|aria-label)="([^"]*)"')
WORD = re.compile(r"[A-Za-z]{2,}")


def untranslated_text(source):
    source = TRANSLATED_BLOCKS.sub(" ", source)
    source = NOT_TEXT.sub(" ", source)
    source = TEMPLATE_SYNTAX.sub(" ", source)
    texts = [t.strip() for t in re.findall(r">([^<]+)<", source)]
    texts += HUMAN_ATTRIBUTES.findall(source)
    return [text for text in texts if WORD.search(text)]


def test_it_spots_english_outside_translate_tags():
    assert untranslated_text("<h2>Latest pilots</h2>") == ["Latest pilots"]
    assert untranslated_text('<input placeholder="Search">') == ["Search"]
    assert untranslated_text('<h2>{% translate "Latest pilots" %}</h2>') == []


def test_it_wraps_every_visible_text_of_the_html_templates_for_translation():
    found = {}
    for path in sorted(TEMPLATES_DIR.rglob("*.html")):
        name = path.relative_to(TEMPLATES_DIR).as_posix()
        if name in EXEMPT:
            continue
        text = untranslated_text(path.read_text("utf-8"))
        if text:
            found[name] = text
    assert found == {}
