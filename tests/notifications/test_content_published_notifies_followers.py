import pytest
from django.core import mail

from notifications.models import DeliveryChoice, Notification, OutboxEmail, OutboxState
from notifications.services import notify_content_published
from tests.factories import (
    CityFactory,
    ClusterFactory,
    EventFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot():
    cluster = ClusterFactory()
    project = ProjectFactory()
    project.clusters.add(cluster)
    ProjectCityFactory(project=project)
    return project


def _publish(obj, capture):
    with capture(execute=True):
        return notify_content_published(obj=obj)


def test_it_tells_followers_of_the_cluster_the_city_and_the_pilot(
    pilot, django_capture_on_commit_callbacks
):
    cluster_fan = SubscriptionFactory(cluster=pilot.clusters.get()).user
    city_fan = SubscriptionFactory(cluster=None, city=pilot.city_links.get().city).user
    pilot_fan = SubscriptionFactory(cluster=None, project=pilot).user
    outsider = SubscriptionFactory(cluster=ClusterFactory()).user

    update = ProjectUpdateFactory(project=pilot, title="Early-warning drill held")
    told = _publish(update, django_capture_on_commit_callbacks)

    assert told == 3
    recipients = set(Notification.objects.values_list("recipient", flat=True))
    assert recipients == {cluster_fan.pk, city_fan.pk, pilot_fan.pk}
    assert not Notification.objects.filter(recipient=outsider).exists()
    assert Notification.objects.get(recipient=cluster_fan).title.endswith(
        "Early-warning drill held"
    )


def test_it_tells_someone_who_follows_several_of_its_targets_once(
    pilot, django_capture_on_commit_callbacks
):
    user = UserFactory()
    SubscriptionFactory(user=user, cluster=pilot.clusters.get(), delivery=DeliveryChoice.IMMEDIATE)
    SubscriptionFactory(user=user, cluster=None, project=pilot, delivery=DeliveryChoice.IMMEDIATE)
    second_cluster = ClusterFactory()
    pilot.clusters.add(second_cluster)
    SubscriptionFactory(user=user, cluster=second_cluster)

    _publish(ProjectUpdateFactory(project=pilot), django_capture_on_commit_callbacks)

    assert Notification.objects.filter(recipient=user).count() == 1
    assert len(mail.outbox) == 1


def test_it_emails_only_those_who_chose_immediate_email(pilot, django_capture_on_commit_callbacks):
    cluster = pilot.clusters.get()
    immediate = SubscriptionFactory(cluster=cluster, delivery=DeliveryChoice.IMMEDIATE).user
    SubscriptionFactory(cluster=cluster, delivery=DeliveryChoice.WEEKLY)
    SubscriptionFactory(cluster=cluster, delivery=DeliveryChoice.OFF)
    SubscriptionFactory(cluster=cluster, delivery="")  # as the profile says: a digest

    _publish(ProjectUpdateFactory(project=pilot), django_capture_on_commit_callbacks)

    assert Notification.objects.count() == 4
    assert [message.to for message in mail.outbox] == [[immediate.email]]
    assert OutboxEmail.objects.get().state == OutboxState.SENT


@pytest.mark.parametrize(
    "make",
    [
        lambda cluster, city: ResourceFactory(),
        lambda cluster, city: EventFactory(city=city),
        lambda cluster, city: ProjectFactory(),
    ],
    ids=["resource", "event", "pilot"],
)
def test_it_tells_followers_about_every_kind_of_content(make, django_capture_on_commit_callbacks):
    cluster, city = ClusterFactory(), CityFactory()
    fan = SubscriptionFactory(cluster=cluster).user
    city_fan = SubscriptionFactory(cluster=None, city=city).user
    obj = make(cluster, city)
    obj.clusters.add(cluster)
    if hasattr(obj, "cities") and not hasattr(obj, "city_links"):
        obj.cities.add(city)
    if hasattr(obj, "city_links"):
        ProjectCityFactory(project=obj, city=city)

    _publish(obj, django_capture_on_commit_callbacks)

    assert set(Notification.objects.values_list("recipient", flat=True)) == {fan.pk, city_fan.pk}


def test_it_writes_nothing_when_the_publishing_transaction_rolls_back(pilot):
    from django.db import transaction

    SubscriptionFactory(cluster=pilot.clusters.get(), delivery=DeliveryChoice.IMMEDIATE)
    update = ProjectUpdateFactory(project=pilot)
    with pytest.raises(RuntimeError), transaction.atomic():
        notify_content_published(obj=update)
        raise RuntimeError("the editor's save failed")

    assert not Notification.objects.exists()
    assert not OutboxEmail.objects.exists()
    assert mail.outbox == []
