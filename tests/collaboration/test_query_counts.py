"""The review queue and "My requests" cost the same number of queries for 3 or 12 requests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import collaboration_services as services
from tests.factories import (
    CityFactory,
    ClusterFactory,
    CollaborationRequestFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def make_requests(cast, count):
    for index in range(count):
        target = [
            {"project": ProjectFactory()},
            {"project": None, "cluster": ClusterFactory()},
            {"project": None, "city": CityFactory()},
        ][index % 3]
        request = CollaborationRequestFactory(
            requester=cast.partner, assigned_to=cast.staff, **target
        )
        services.collaboration_request_post_message(request=request, author=cast.partner, body="Hi")
        services.collaboration_request_start_review(request=request, actor=cast.staff)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("url", ["/collaborate/review/", "/collaborate/mine/"])
def test_it_does_not_query_per_request(cast, url):
    role = "staff" if "review" in url else "partner"
    client = cast.client_for(role)
    make_requests(cast, 3)
    small = queries_for(client, url)

    make_requests(cast, 9)
    large = queries_for(client, url)

    assert large == small


def test_it_filters_the_queue_by_cluster_kind_status_and_age(cast):
    from datetime import timedelta

    from django.utils import timezone

    from projects.models import CollaborationRequest

    cluster = ClusterFactory(slug="waste")
    in_cluster = CollaborationRequestFactory(requester=cast.partner, project=ProjectFactory())
    in_cluster.project.clusters.add(cluster)
    funding = CollaborationRequestFactory(requester=cast.partner, kind="funding")
    old = CollaborationRequestFactory(requester=cast.partner, status="under_review")
    CollaborationRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    client = cast.client_for("staff")

    def listed(query):
        page = client.get(f"/collaborate/review/?{query}")
        return {request.pk for request in page.context["collaboration_requests"]}

    assert listed("cluster=waste") == {in_cluster.pk}
    assert listed("kind=funding") == {funding.pk}
    assert listed("status=under_review") == {old.pk}
    assert listed("age=older") == {old.pk}
    assert listed("age=week") == {in_cluster.pk, funding.pk}
