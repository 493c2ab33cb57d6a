"""A draft is nowhere for the public: pages, lists, search, feeds, sitemap, calendar, API.

Each surface is checked with a published twin, so a surface that shows nothing at all fails.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import PublicationStatus
from resources.models import ResourceKind
from tests.factories import (
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ResourceFactory,
    TrainingSeriesFactory,
)

DRAFT = {"status": PublicationStatus.DRAFT, "published_at": None}


def _pair(factory, label, **common):
    """A published and a draft object of one kind, named so either is easy to find."""
    shown = factory(title=f"Zanzibarquux shown {label}", slug=f"shown-{label}", **common)
    hidden = factory(
        title=f"Zanzibarquux hidden {label}", slug=f"hidden-{label}", **common, **DRAFT
    )
    return shown, hidden


@pytest.fixture
def pairs(db, tripoli, cluster):
    soon = timezone.now() + dt.timedelta(days=10)
    event_times = {"starts_at": soon, "ends_at": soon + dt.timedelta(hours=2), "city": tripoli}
    result = {
        "project": _pair(ProjectFactory, "project"),
        "event": _pair(EventFactory, "event", **event_times),
        "series": _pair(TrainingSeriesFactory, "series"),
        "resource": _pair(ResourceFactory, "resource"),
        "news": _pair(ResourceFactory, "news", kind=ResourceKind.NEWS),
    }
    for shown, hidden in result.values():
        if hasattr(shown, "clusters"):
            shown.clusters.add(cluster)
            hidden.clusters.add(cluster)
    for project in result["project"]:
        ProjectCityFactory(project=project, city=tripoli)
    for resource in (*result["resource"], *result["news"]):
        resource.cities.add(tripoli)
    return result


def _assert_only_shown(text, kinds, pairs):
    for kind in kinds:
        shown, hidden = pairs[kind]
        assert shown.slug in text or shown.title in text, f"{kind}: the published twin is missing"
        assert hidden.slug not in text and hidden.title not in text, f"{kind}: the draft leaks"


def test_it_answers_404_for_every_draft_page(client, pairs):
    for kind, (shown, hidden) in pairs.items():
        assert client.get(shown.get_absolute_url()).status_code == 200, kind
        assert client.get(hidden.get_absolute_url()).status_code == 404, kind
    assert client.get(reverse("events:ical", kwargs={"slug": "hidden-event"})).status_code == 404


@pytest.mark.parametrize(
    ("url_name", "kinds"),
    [
        ("projects:list", ["project"]),
        ("events:list", ["event"]),
        ("resources:list", ["resource", "news"]),
        ("resources:news", ["news"]),
    ],
)
def test_it_leaves_drafts_out_of_lists(client, pairs, url_name, kinds):
    _assert_only_shown(client.get(reverse(url_name)).content.decode(), kinds, pairs)


def test_it_leaves_drafts_out_of_cluster_and_city_pages(client, pairs, cluster, tripoli):
    cluster_page = client.get(cluster.get_absolute_url()).content.decode()
    city_page = client.get(tripoli.get_absolute_url()).content.decode()

    _assert_only_shown(cluster_page, ["project", "event"], pairs)
    _assert_only_shown(city_page, ["project", "event"], pairs)


def test_it_leaves_drafts_out_of_search(client, pairs):
    page = client.get(reverse("portal:search"), {"q": "Zanzibarquux"}).content.decode()

    _assert_only_shown(page, ["project", "event", "resource", "news"], pairs)


def test_it_leaves_drafts_out_of_the_cluster_feed(client, pairs, cluster):
    feed = client.get(reverse("clusters:feed", kwargs={"slug": cluster.slug})).content.decode()

    _assert_only_shown(feed, ["resource", "news"], pairs)


def test_it_leaves_drafts_out_of_the_sitemap(client, pairs):
    sitemap = client.get(reverse("sitemap")).content.decode()

    _assert_only_shown(sitemap, ["project", "event", "resource", "news"], pairs)


@pytest.mark.parametrize(
    ("endpoint", "kind"),
    [
        ("projects", "project"),
        ("events", "event"),
        ("training-series", "series"),
        ("resources", "resource"),
        ("resources", "news"),
    ],
)
def test_it_leaves_drafts_out_of_the_api(client, pairs, endpoint, kind):
    listing = client.get(f"/api/v1/{endpoint}/", {"page_size": 100}).content.decode()

    _assert_only_shown(listing, [kind], pairs)
    assert client.get(f"/api/v1/{endpoint}/shown-{kind}/").status_code == 200
    assert client.get(f"/api/v1/{endpoint}/hidden-{kind}/").status_code == 404
