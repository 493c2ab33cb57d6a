"""Issue acceptance: a city official following the disaster-risk cluster hears of a pilot update."""

import pytest
from django.core import mail

from cities.models import City
from clusters.models import Cluster
from core.roles import CITY_OFFICIAL
from notifications.models import DeliveryChoice, Notification
from notifications.run import digest_build_and_send
from notifications.services import notify_content_published
from tests.factories import (
    CityFactory,
    ProjectCityFactory,
    ProjectFactory,
    ProjectUpdateFactory,
    SubscriptionFactory,
    UserFactory,
)

from .digest_helpers import WEEK_START, during_week, freeze

pytestmark = pytest.mark.django_db


@pytest.fixture
def drr_pilot():
    pilot = ProjectFactory(title="Tripoli–Shenzhen disaster-risk governance pilot")
    pilot.clusters.add(Cluster.objects.get(slug="disaster-risk-reduction"))
    ProjectCityFactory(project=pilot, city=CityFactory(name="Tripoli"), role="learning")
    ProjectCityFactory(
        project=pilot, city=CityFactory(name="Shenzhen", country="CN"), role="sharing"
    )
    return pilot


def _official_following_drr(delivery):
    official = UserFactory(
        roles=[CITY_OFFICIAL], city=City.objects.get(name="Tripoli"), digest_frequency="weekly"
    )
    SubscriptionFactory(
        user=official,
        cluster=Cluster.objects.get(slug="disaster-risk-reduction"),
        delivery=delivery,
    )
    return official


def test_it_notifies_in_app_and_emails_an_official_who_chose_immediate(
    drr_pilot, django_capture_on_commit_callbacks
):
    official = _official_following_drr(DeliveryChoice.IMMEDIATE)
    update = ProjectUpdateFactory(project=drr_pilot, title="Risk assessment workshop held")

    with django_capture_on_commit_callbacks(execute=True):
        notify_content_published(obj=update)

    notification = Notification.objects.get(recipient=official)
    assert "Risk assessment workshop held" in notification.title
    [message] = mail.outbox
    assert message.to == [official.email]
    assert "Risk assessment workshop held" in message.subject


def test_it_puts_the_update_in_the_weekly_digest_of_an_official_who_chose_it_and_sends_it_once(
    drr_pilot, django_capture_on_commit_callbacks, time_machine
):
    freeze(time_machine)
    official = _official_following_drr("")  # the profile's choice: weekly
    update = ProjectUpdateFactory(
        project=drr_pilot, title="Risk assessment workshop held", published_at=during_week()
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify_content_published(obj=update)
    assert Notification.objects.filter(recipient=official).count() == 1
    assert mail.outbox == []

    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            digest_build_and_send(period="weekly", period_start=WEEK_START)

    [digest] = mail.outbox
    assert digest.to == [official.email]
    assert "Disaster Risk Reduction and Mitigation in Resilient Cities" in digest.body
    assert "Risk assessment workshop held" in digest.body
