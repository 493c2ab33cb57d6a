"""Draw a `core.charts.Chart` in the page's direction."""

from django import template
from django.utils.translation import get_language_bidi

register = template.Library()


@register.simple_tag
def chart_svg(chart):
    return chart.svg(rtl=get_language_bidi())
