"""Following a cluster, city or pilot from its page."""

import pytest

from clusters.models import Cluster
from notifications.models import Subscription
from notifications.services import subscription_follow, subscription_unfollow
from tests.factories import CityFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

CLUSTER_URL = "/clusters/disaster-risk-reduction/"


@pytest.fixture
def cluster():
    return Cluster.objects.get(slug="disaster-risk-reduction")


@pytest.fixture
def user():
    return UserFactory()


def test_it_sends_anonymous_visitors_to_sign_in_and_back(client, cluster):
    response = client.post(
        "/follow/", {"target_type": "cluster", "slug": cluster.slug, "next": CLUSTER_URL}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "clusters/disaster-risk-reduction" in response["Location"]
    assert not Subscription.objects.exists()


def test_it_gives_anonymous_visitors_a_follow_link_that_asks_them_to_sign_in(client, cluster):
    page = client.get(CLUSTER_URL)
    assert "/follow/?target_type=cluster&amp;slug=disaster-risk-reduction" in page.text
    response = client.get("/follow/?target_type=cluster&slug=disaster-risk-reduction")
    assert response["Location"].startswith("/accounts/login/?next=/follow/")


def test_it_follows_once_even_when_posted_twice(client, cluster, user):
    client.force_login(user)
    data = {"target_type": "cluster", "slug": cluster.slug, "next": CLUSTER_URL}

    first = client.post("/follow/", data)
    client.post("/follow/", data)

    assert first["Location"] == CLUSTER_URL
    assert Subscription.objects.filter(user=user, cluster=cluster).count() == 1


def test_it_shows_following_and_an_unfollow_button_to_a_follower(client, cluster, user):
    subscription_follow(user=user, target=cluster)
    client.force_login(user)
    page = client.get(CLUSTER_URL)
    assert "Following ✓" in page.text
    assert 'action="/unfollow/"' in page.text


def test_it_unfollows(client, cluster, user):
    subscription_follow(user=user, target=cluster)
    client.force_login(user)

    response = client.post(
        "/unfollow/", {"target_type": "cluster", "slug": cluster.slug, "next": CLUSTER_URL}
    )

    assert response.status_code == 302
    assert not Subscription.objects.filter(user=user).exists()
    assert 'action="/follow/"' in client.get(CLUSTER_URL).text


def test_it_follows_cities_and_pilots_too(client, user):
    city = CityFactory(slug="tripoli")
    pilot = ProjectFactory(slug="tripoli-shenzhen")
    client.force_login(user)
    client.post("/follow/", {"target_type": "city", "slug": "tripoli"})
    client.post("/follow/", {"target_type": "project", "slug": "tripoli-shenzhen"})
    assert Subscription.objects.filter(user=user, city=city).exists()
    assert Subscription.objects.filter(user=user, project=pilot).exists()


def test_it_never_redirects_to_another_site(client, cluster, user):
    client.force_login(user)
    response = client.post(
        "/follow/",
        {"target_type": "cluster", "slug": cluster.slug, "next": "https://evil.example/"},
    )
    assert response["Location"] == CLUSTER_URL


def test_it_answers_404_for_unknown_targets(client, user):
    client.force_login(user)
    assert client.post("/follow/", {"target_type": "cluster", "slug": "nope"}).status_code == 404
    assert client.post("/follow/", {"target_type": "user", "slug": "x"}).status_code == 404


def test_it_asks_for_a_click_rather_than_following_on_a_get(client, cluster, user):
    client.force_login(user)
    response = client.get(f"/follow/?target_type=cluster&slug={cluster.slug}&next={CLUSTER_URL}")
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert 'method="post"' in response.text


def test_it_treats_unfollowing_what_one_does_not_follow_as_harmless(cluster, user):
    subscription_unfollow(user=user, target=cluster)
    assert not Subscription.objects.exists()
