"""Slugs from titles in any script: readable, ASCII (the URLs' `<slug:…>` converter), stable.

Titles are transliterated (`anyascii`): "Hà Nội" gives "ha-noi", "Ханой" "khanoy", "طرابلس"
"trbls", "深圳" "shen-zhen" (each Chinese character is a syllable, so they are kept apart).
Every kind of dash and space separates words, so "Kathmandu" en dash "Da Nang" gives
"kathmandu-da-nang".
A slug is made once, when an item is created; editing the title never changes it.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify

# Ideographs (CJK and its extensions, compatibility forms) are one syllable each.
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Dashes, hyphens, minus and slashes between words: word breaks, not nothing.
_WORD_BREAKS = re.compile(r"[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D/\\_]")


def slug_from_text(text: str) -> str:
    """The slug of `text` ("" when nothing in it can be spelled in ASCII)."""
    text = _WORD_BREAKS.sub(" ", text or "")
    text = _IDEOGRAPH.sub(lambda match: f" {anyascii(match.group())} ", text)
    return slugify(anyascii(text))
