"""A city in the cities list, as the list shows it.

    {% load city_cards %}{% city_card city %}

gives its linked name, its flag, country and region, its summary, its clusters (a lead city's
marked as such), how many published pilots it takes part in and when it joined; names and
summaries in the reader's language, else the original text marked as such. The list reads the
city's clusters and pilot count from cities.selectors.city_list() (`listed_memberships`,
`project_count`).

This was a template loop of some twenty tags per card. Written here, as {% pilot_card %} was,
a page's 24 cards cost less than half as much (docs/benchmarks.md).
"""

import functools

from django import template
from django.template.defaultfilters import date as date_format
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext, ngettext

from cities.countries import country_flag, country_name
from core.content_language import bracketed
from core.templatetags.content_language import paragraph_marked, translated_text

register = template.Library()


# A month's name as Django's date format writes it, worked out afresh on every call (50 µs),
# kept per month and language (the second argument, which keys the cache; it reads the active one).
@functools.lru_cache(maxsize=2048)
def _month(day, _language: str) -> str:
    return date_format(day, "YEAR_MONTH_FORMAT")


@register.simple_tag
def city_card(city):
    language = get_language()
    code = city.country.code
    place = (
        format_html(
            '<img class="flag" src="{}" alt="" width="16" height="11"> {} · ',
            country_flag(code),
            country_name(code),
        )
        if code
        else ""
    )
    memberships = city.listed_memberships
    clusters = (
        format_html(
            '\n    <ul class="tag-list" aria-label="{}">\n      {}\n    </ul>',
            gettext("Clusters"),
            format_html_join(
                "",
                '<li class="cluster-colour-{}">{}{}</li>',
                (
                    (
                        membership.cluster.slug,
                        translated_text(membership.cluster, "name"),
                        bracketed(gettext("lead")) if membership.role == "lead" else "",
                    )
                    for membership in memberships
                ),
            ),
        )
        if memberships
        else ""
    )
    # The counter as {% blocktranslate %} writes it; the whole line escaped once, below.
    meta = ngettext("%(counter)s pilot", "%(counter)s pilots", city.project_count) % {
        "counter": localize(city.project_count)
    }
    if city.joined_on:
        month = _month(city.joined_on.replace(day=1), language)
        meta += " · " + gettext("joined %(date)s") % {"date": month}
    return format_html(
        '<li class="card city-card">\n    <h3><a href="{}">{}</a></h3>\n'
        '    <p class="item-meta">{}{}</p>\n    {}{}\n'
        '    <p class="card-meta">\n      {}\n    </p>\n  </li>',
        city.get_absolute_url(),
        translated_text(city, "name"),
        place,
        city.get_region_display(),
        paragraph_marked(city, "summary"),
        clusters,
        meta,
    )
