"""A pilot in a short list of pilots (the home page's, a cluster's), as a page shows it.

    {% load pilot_cards %}{% pilot_card project show_phase=True %}

gives its linked title, its phase where the list shows it (`show_phase`), its cities with their
roles and its summary; titles, names and summaries in the reader's language, else the original
text marked as such. Lists load the fields it reads alone: projects.selectors.PILOT_CARD_FIELDS,
with the cities prefetched by projects.selectors.pilot_card_city_links().

This was a template included once per pilot; written here, as {% event_time %} was, a card costs
about half as much (12 on a cluster's page).
"""

from urllib.parse import quote

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import date as date_format
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from clusters.templatetags.cluster_links import cluster_links
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


@register.simple_tag
def project_list_item(project):
    """A programme or pilot in the pilots page's list: its linked title, kind, phase, start and
    programme, its summary, its cities with their roles, its clusters and, for a programme, its
    published pilots. The list prefetches them (projects.selectors.project_list():
    `listed_city_links`, `listed_clusters`; `programme_pilots_attach`: `published_pilots` and
    `published_pilot_count`). Written here rather than a
    template of some thirty tags included 20 times a page (docs/benchmarks.md)."""
    since = ""
    if project.start_date:
        since = format_html(
            "<span>{}</span>",
            gettext("since %(date)s")
            % {"date": date_format(project.start_date, "YEAR_MONTH_FORMAT")},
        )
    parent = project.parent
    part_of = (
        format_html(
            '<span>{} <a href="{}">{}</a></span>',
            gettext("Part of"),
            parent.get_absolute_url(),
            translated_text(parent, "title"),
        )
        if parent
        else ""
    )
    links = getattr(project, "listed_city_links", None)
    cities = ""
    if links:
        cities = format_html(
            '\n  <p class="project-cities">{}\n    {}\n  </p>',
            gettext("Cities:"),
            format_html_join(
                pgettext("between the items of a list", ", "),
                '<a href="{}">{}</a>{}',
                (
                    (
                        link.city.get_absolute_url(),
                        translated_text(link.city, "name"),
                        bracketed(link.get_role_display()),
                    )
                    for link in links
                ),
            ),
        )
    clusters = getattr(project, "listed_clusters", None)
    cluster_list = cluster_links(clusters)
    pilots = getattr(project, "published_pilots", None)
    nested = (
        format_html(
            '\n  <section class="nested-pilots" aria-label="{}">\n    <h4>{}</h4>\n'
            "    <ul>\n      {}\n    </ul>{}\n  </section>",
            gettext("Pilots of %(title)s") % {"title": project.title},
            gettext("Pilots in this programme"),
            format_html_join(
                "\n      ",
                '<li><a href="{}">{}</a> <span class="badge phase-{}">{}</span></li>',
                (
                    (
                        pilot.get_absolute_url(),
                        translated_text(pilot, "title"),
                        pilot.phase,
                        pilot.get_phase_display(),
                    )
                    for pilot in pilots
                ),
            ),
            programme_pilots_more(project),
        )
        if pilots
        else ""
    )
    return format_html(
        '<article class="project-item">\n  <h3><a href="{}">{}</a></h3>\n'
        '  <p class="item-meta">\n    <span class="badge">{}</span>\n'
        '    <span class="badge phase-{}">{}</span>\n    {}\n    {}\n  </p>\n'
        "  {}{}{}{}\n</article>",
        project.get_absolute_url(),
        translated_text(project, "title"),
        project.get_kind_display(),
        project.phase,
        project.get_phase_display(),
        since,
        part_of,
        paragraph_marked(project, "summary"),
        cities,
        cluster_list,
        nested,
    )


@register.simple_tag
def programme_pilots_more(project):
    """The link to all of a programme's pilots on the pilots page, when it names only the first
    (projects.selectors.programme_pilots_attach); "" when it names them all."""
    count = getattr(project, "published_pilot_count", 0) or 0
    if count <= len(getattr(project, "published_pilots", ())):
        return ""
    return format_html(
        '\n    <p class="more"><a href="{}?parent={}">{}</a></p>',
        reverse("projects:list"),
        quote(project.slug),
        ngettext(
            "See the %(number)s pilot of this programme",
            "See all %(number)s pilots of this programme",
            count,
        )
        % {"number": intcomma(count)},
    )
