from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from events.calendars import events_to_ical

from . import selectors


@require_safe
def cluster_list(request):
    return render(
        request,
        "clusters/cluster_list.html",
        {
            "clusters": selectors.cluster_cards(),
            "breadcrumbs": [(_("Clusters"), "")],
        },
    )


# A cluster can have thousands of members and pilots: the page shows the first few of each and
# links to the list page filtered by the cluster.
SECTION_SIZE = 12


def _first_of(name: str, queryset) -> dict:
    rows = list(queryset[: SECTION_SIZE + 1])
    return {name: rows[:SECTION_SIZE], f"{name}_has_more": len(rows) > SECTION_SIZE}


@require_safe
def cluster_detail(request, slug):
    cluster = selectors.cluster_get(slug=slug)
    return render(
        request,
        "clusters/cluster_detail.html",
        {
            "cluster": cluster,
            **_first_of("memberships", selectors.cluster_memberships(cluster=cluster)),
            **_first_of("pilots", selectors.cluster_pilots(cluster=cluster)),
            **_first_of("upcoming_events", selectors.cluster_upcoming_events(cluster=cluster)),
            "past_events": selectors.cluster_past_events(cluster=cluster),
            "resources": selectors.cluster_resources(cluster=cluster),
            "news": selectors.cluster_news(cluster=cluster),
            "breadcrumbs": [(_("Clusters"), reverse("clusters:list")), (cluster.name, "")],
        },
    )


@require_safe
def cluster_events_ics(request, slug):
    cluster = selectors.cluster_get(slug=slug)
    body = events_to_ical(
        selectors.cluster_calendar_events(cluster=cluster),
        url_for=lambda event: request.build_absolute_uri(event.get_absolute_url()),
        name=cluster.name,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{cluster.slug}-events.ics"'
    return response
