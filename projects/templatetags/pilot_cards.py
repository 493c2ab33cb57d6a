"""A pilot in a short list of pilots (the home page's, a cluster's), as a page shows it.

    {% load pilot_cards %}{% pilot_card project show_phase=True %}

gives its linked title, its phase where the list shows it (`show_phase`), its cities with their
roles and its summary; titles, names and summaries in the reader's language, else the original
text marked as such. Lists load the fields it reads alone: projects.selectors.PILOT_CARD_FIELDS,
with the cities prefetched by projects.selectors.pilot_card_city_links().

This was a template included once per pilot; written here, as {% event_time %} was, a card costs
about half as much (12 on a cluster's page).
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.content_language import bracketed
from core.templatetags.content_language import paragraph_marked, translated_text
from projects.selectors import pilot_card_cities

register = template.Library()


@register.simple_tag
def pilot_card(project, show_phase=False):
    links = pilot_card_cities(project)
    meta = ""
    if show_phase or links:
        phase = (
            format_html(
                '<span class="badge phase-{}">{}</span>\n  ',
                project.phase,
                project.get_phase_display(),
            )
            if show_phase
            else ""
        )
        cities = format_html_join(
            mark_safe(" · "),
            '{}<span class="role">{}</span>',
            (
                (translated_text(link.city, "name"), bracketed(link.get_role_display()))
                for link in links
            ),
        )
        meta = format_html('\n  <p class="item-meta">{}{}</p>', phase, cities)
    return format_html(
        '<article class="project-item">\n  <h3><a href="{}">{}</a></h3>{}\n  {}\n</article>',
        project.get_absolute_url(),
        translated_text(project, "title"),
        meta,
        paragraph_marked(project, "summary"),
    )
