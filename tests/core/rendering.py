"""Rendering a template source for the template-tag tests, white space folded so an expected
string can be written on a few lines."""

import re

from django.template import engines


def render_folded(source: str, **context) -> str:
    return re.sub(r"\s+", " ", engines["django"].from_string(source).render(context)).strip()
