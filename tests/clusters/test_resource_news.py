import datetime as dt

import pytest
from django.utils import timezone

from core.models import PublicationStatus
from resources.models import ResourceKind
from tests.factories import ClusterFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [resource.title for resource in response.context["resources"]]


def test_it_lists_only_published_news_newest_first(client):
    ResourceFactory(
        title="Director visits NDRCC",
        kind=ResourceKind.NEWS,
        published_at=timezone.now() - dt.timedelta(days=1),
    )
    ResourceFactory(
        title="Pilot launched",
        kind=ResourceKind.NEWS,
        published_at=timezone.now() - dt.timedelta(days=9),
    )
    ResourceFactory(title="A good practice", kind=ResourceKind.GOOD_PRACTICE)
    ResourceFactory(title="Draft news", kind=ResourceKind.NEWS, status=PublicationStatus.DRAFT)

    response = client.get("/news/")

    assert response.status_code == 200
    assert b"<h1>News</h1>" in response.content
    assert titles(response) == ["Director visits NDRCC", "Pilot launched"]


def test_it_filters_news_by_cluster_without_offering_a_kind(client):
    drr = ClusterFactory(slug="drr")
    ResourceFactory(title="DRR news", kind=ResourceKind.NEWS).clusters.add(drr)
    ResourceFactory(title="Other news", kind=ResourceKind.NEWS)

    response = client.get("/news/?cluster=drr")

    assert titles(response) == ["DRR news"]
    assert 'name="kind"' not in response.content.decode()


def test_it_says_so_when_there_is_no_news(client):
    ResourceFactory(kind=ResourceKind.REPORT)

    assert b"No news yet." in client.get("/news/").content


def test_it_opens_a_news_item_under_news_in_the_breadcrumbs(client):
    item = ResourceFactory(title="Director visits NDRCC", kind=ResourceKind.NEWS)

    html = client.get(item.get_absolute_url()).content.decode()

    assert '<li><a href="/news/">News</a></li>' in html
