"""Publishing from the admin tells followers once, whichever admin path the editor takes."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from core.models import PublicationStatus
from notifications.models import Notification
from projects.models import ProjectCityRole, ProjectUpdate
from resources.models import ReviewState
from tests.factories import (
    CityFactory,
    ClusterFactory,
    ProjectFactory,
    ResourceFactory,
    SubscriptionFactory,
)

DRAFT = {"status": PublicationStatus.DRAFT, "published_at": None}


@pytest.fixture
def cluster_and_follower(db):
    cluster = ClusterFactory()
    return cluster, SubscriptionFactory(cluster=cluster).user


def publish_from_the_list(client, action, resource):
    return client.post(
        reverse("admin:resources_resource_changelist"),
        {"action": action, helpers.ACTION_CHECKBOX_NAME: [resource.pk]},
    )


def test_it_tells_followers_when_an_editor_publishes_from_the_list(
    admin_client, cluster_and_follower
):
    cluster, follower = cluster_and_follower
    resource = ResourceFactory(title="Flood early warning in Tripoli", **DRAFT)
    resource.clusters.add(cluster)

    publish_from_the_list(admin_client, "publish_selected", resource)

    assert list(
        Notification.objects.filter(recipient=follower).values_list("title", flat=True)
    ) == ["Flood early warning in Tripoli"]


def test_it_does_not_tell_followers_again_when_an_item_is_republished(
    admin_client, cluster_and_follower
):
    cluster, follower = cluster_and_follower
    resource = ResourceFactory(**DRAFT)
    resource.clusters.add(cluster)

    publish_from_the_list(admin_client, "publish_selected", resource)
    publish_from_the_list(admin_client, "unpublish_selected", resource)
    publish_from_the_list(admin_client, "publish_selected", resource)

    assert Notification.objects.filter(recipient=follower).count() == 1


def resource_form(resource, cluster, **changes):
    data = {
        "kind": resource.kind,
        "title": resource.title,
        "slug": resource.slug,
        "summary": resource.summary,
        "body": resource.body,
        "language": "en",
        "clusters": [cluster.pk],
        "status": PublicationStatus.PUBLISHED,
        "published_at_0": "",
        "published_at_1": "",
        "review_state": ReviewState.NONE,
    }
    data.update(changes)
    return data


def test_it_dates_and_announces_an_item_saved_as_published_without_a_date(
    admin_client, cluster_and_follower
):
    cluster, follower = cluster_and_follower
    resource = ResourceFactory(**DRAFT)

    response = admin_client.post(
        reverse("admin:resources_resource_change", args=[resource.pk]),
        resource_form(resource, cluster),
    )

    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.is_published
    assert Notification.objects.filter(recipient=follower).count() == 1


def test_it_does_not_tell_followers_again_when_a_published_item_is_edited(
    admin_client, cluster_and_follower
):
    cluster, follower = cluster_and_follower
    resource = ResourceFactory()
    resource.clusters.add(cluster)
    published_at = resource.published_at

    response = admin_client.post(
        reverse("admin:resources_resource_change", args=[resource.pk]),
        resource_form(
            resource,
            cluster,
            title="A corrected title",
            published_at_0=published_at.strftime("%Y-%m-%d"),
            published_at_1=published_at.strftime("%H:%M:%S"),
        ),
    )

    assert response.status_code == 302
    assert Notification.objects.filter(recipient=follower).count() == 0


def management_form(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_it_tells_followers_of_a_pilot_about_an_update_published_on_its_page(admin_client):
    pilot = ProjectFactory(title="Tripoli–Shenzhen pilot")
    follower = SubscriptionFactory(cluster=None, project=pilot).user
    data = {
        "kind": pilot.kind,
        "title": pilot.title,
        "slug": pilot.slug,
        "phase": pilot.phase,
        "start_date": pilot.start_date.isoformat(),
        "status": PublicationStatus.PUBLISHED,
        "published_at_0": pilot.published_at.strftime("%Y-%m-%d"),
        "published_at_1": pilot.published_at.strftime("%H:%M:%S"),
        **management_form("city_links", total=1),
        "city_links-0-city": CityFactory(name="Tripoli").pk,
        "city_links-0-role": ProjectCityRole.LEARNING,
        **management_form("partner_links"),
        **management_form("milestones"),
        **management_form("updates", total=1),
        "updates-0-title": "Field visit to Shenzhen",
        "updates-0-body": "The delegation met the emergency management bureau.",
        "updates-0-status": PublicationStatus.PUBLISHED,
        "updates-0-published_at_0": "",
        "updates-0-published_at_1": "",
    }

    response = admin_client.post(reverse("admin:projects_project_change", args=[pilot.pk]), data)

    assert response.status_code == 302
    assert ProjectUpdate.objects.get(project=pilot).is_published
    assert pilot.city_links.get().city.name == "Tripoli"
    titles = list(Notification.objects.filter(recipient=follower).values_list("title", flat=True))
    assert titles == ["Tripoli–Shenzhen pilot: Field visit to Shenzhen"]
