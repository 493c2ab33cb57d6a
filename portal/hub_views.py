"""The hub pages: a cluster, a city, a pilot and a partner with everything they gather."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cities.selectors import city_hazard_labels
from core.shared_pages import shared_page
from core.views import ContentFeed
from events.calendars import events_to_ical
from matchmaking import selectors as matchmaking

from . import hub_selectors as selectors

# --- Clusters -----------------------------------------------------------------------------------


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
@shared_page
def cluster_detail(request, slug):
    cluster = selectors.cluster_get(slug=slug)
    return render(
        request,
        "clusters/cluster_detail.html",
        {
            "cluster": cluster,
            **_first_of(
                "memberships",
                selectors.cluster_memberships(cluster=cluster, limit=SECTION_SIZE + 1),
            ),
            **_first_of("pilots", selectors.cluster_pilots(cluster=cluster)),
            **_first_of(
                "upcoming_events",
                selectors.cluster_upcoming_events(cluster=cluster, limit=SECTION_SIZE + 1),
            ),
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


class ClusterFeed(ContentFeed):
    def get_object(self, request, slug):
        return selectors.cluster_get(slug=slug)

    def title(self, cluster):
        return _("%(cluster)s · %(site)s") % {"cluster": cluster.name, "site": settings.SITE_NAME}

    def subtitle(self, cluster):
        return cluster.summary

    def link(self, cluster):
        return cluster.get_absolute_url()

    def items(self, cluster):
        return selectors.cluster_feed_items(cluster=cluster)


# --- Cities -------------------------------------------------------------------------------------


@require_safe
@shared_page
def city_detail(request, slug):
    city = selectors.city_get(slug=slug)
    # Read once, for the page's list and its map's colour.
    memberships = list(selectors.city_memberships(city=city))
    needs, offers = matchmaking.city_needs_and_offers(city=city)
    return render(
        request,
        "cities/city_detail.html",
        {
            "city": city,
            "hazard_labels": city_hazard_labels(city=city),
            "memberships": memberships,
            "project_links": selectors.city_project_links(city=city),
            "partner_cities": selectors.city_partner_cities(city=city),
            "upcoming_events": selectors.city_upcoming_events(city=city),
            "past_events": selectors.city_past_events(city=city),
            "resources": selectors.city_resources(city=city),
            "map_geojson": selectors.city_map_geojson(city=city, memberships=memberships),
            "needs": needs,
            "offers": offers,
            "suggestions": matchmaking.matches_for_city(city),
            "breadcrumbs": [(_("Cities"), reverse("cities:list")), (city.name, "")],
        },
    )


# --- Pilots -------------------------------------------------------------------------------------


@shared_page
def project_detail(request, slug):
    project = selectors.project_detail(slug=slug)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "breadcrumbs": [(_("Pilots"), reverse("projects:list")), (project.title, "")],
            "timeline": selectors.project_timeline(project=project),
            "map_geojson": selectors.project_map_geojson(project=project),
        },
    )


# --- Partners -----------------------------------------------------------------------------------


@require_safe
def partner_detail(request, slug):
    organization = selectors.partner_get(slug=slug)
    return render(
        request,
        "accounts/partner_detail.html",
        {
            "organization": organization,
            "project_links": selectors.partner_project_links(organization=organization),
            "event_links": selectors.partner_event_links(organization=organization),
            "training_series": selectors.partner_training_series(organization=organization),
            "resources": selectors.partner_resources(organization=organization),
            "breadcrumbs": [
                (_("Partners"), reverse("partners:list")),
                (organization.display_name, ""),
            ],
        },
    )
