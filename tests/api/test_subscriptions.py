"""Signed-in people follow clusters, cities and projects; following twice is a clear 400."""

import pytest
from django.urls import reverse

from notifications.models import Subscription
from tests.api.conftest import ROLES, error_of
from tests.factories import ClusterFactory, SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_any_signed_in_person_follow_a_city(cast, role):
    response = cast.client_for(role).post(
        "/api/v1/subscriptions/", {"city": "tripoli"}, format="json"
    )

    if role == "anonymous":
        assert response.status_code == 401
        assert not Subscription.objects.exists()
    else:
        assert response.status_code == 201
        assert response.json()["city"] == "tripoli"
        assert Subscription.objects.get().user == getattr(cast, role)


def test_it_refuses_following_the_same_thing_twice_with_a_400(cast):
    client = cast.client_for("plain")
    client.post("/api/v1/subscriptions/", {"cluster": "disaster-risk-reduction"})

    again = client.post("/api/v1/subscriptions/", {"cluster": "disaster-risk-reduction"})

    assert again.status_code == 400
    assert error_of(again)["fields"]["cluster"] == ["You already follow this cluster."]
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize("body", [{}, {"city": "tripoli", "cluster": "disaster-risk-reduction"}])
def test_it_needs_exactly_one_thing_to_follow(cast, body):
    response = cast.client_for("plain").post("/api/v1/subscriptions/", body, format="json")

    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_it_lists_and_deletes_only_one_s_own_subscriptions(cast):
    theirs = SubscriptionFactory(user=UserFactory())
    mine = SubscriptionFactory(user=cast.plain)
    client = cast.client_for("plain")

    listing = client.get("/api/v1/subscriptions/")
    delete_theirs = client.delete(f"/api/v1/subscriptions/{theirs.pk}/")
    delete_mine = client.delete(f"/api/v1/subscriptions/{mine.pk}/")

    assert [item["id"] for item in listing.json()["results"]] == [mine.pk]
    assert delete_theirs.status_code == 404
    assert delete_mine.status_code == 204
    assert list(Subscription.objects.all()) == [theirs]


def test_it_refuses_following_a_retired_cluster_as_the_follow_button_does(cast, client):
    retired = ClusterFactory(is_active=False)
    client.force_login(cast.plain)

    response = cast.client_for("plain").post(
        "/api/v1/subscriptions/", {"cluster": retired.slug}, format="json"
    )
    button = client.post(
        reverse("notifications:follow"), {"target_type": "cluster", "slug": retired.slug}
    )

    assert response.status_code == 400
    assert error_of(response)["fields"]["cluster"] == [
        f"Object with slug={retired.slug} does not exist."
    ]
    assert button.status_code == 404
    assert not Subscription.objects.exists()
