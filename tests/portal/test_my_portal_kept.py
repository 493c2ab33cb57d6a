"""My portal kept rendered for its reader (core.shared_pages.personal_page).

A visit after the first is served from the body kept for that reader; anything the page shows
that changes (their registrations, a place on a waitlist, follows, notifications, requests and
applications, their city's suggestions, an event withdrawn) shows on the very next visit, and one
reader never sees another's page.
"""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cities.models import CityNeed, CityOffer
from clusters.models import Cluster, Topic
from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from core.shared_pages import RENDER_HEADER
from events.services import event_unpublish, registration_cancel, registration_register
from matchmaking.services import city_matches_refresh
from notifications.models import DeliveryChoice
from notifications.services import notifications_mark_all_read, subscription_follow
from notifications.tokens import unsubscribe_token
from notifications.unsubscribe import unsubscribe_apply
from opportunities.models import ApplicationStatus
from opportunities.services import application_review
from projects.collaboration_services import collaboration_request_start_review
from tests.factories import (
    ApplicationFactory,
    CityFactory,
    ClusterFactory,
    ClusterMembershipFactory,
    CollaborationRequestFactory,
    EventFactory,
    NotificationFactory,
    OrganizationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kept_pages(kept_pages):
    pass


@pytest.fixture
def partner():
    return UserFactory(
        roles=[PARTNER], email="amal@example.org", organization=OrganizationFactory()
    )


@pytest.fixture
def staff():
    return UserFactory(roles=[UN_STAFF], email="staff@example.org")


def reader(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def visit(client, expected_render: str) -> str:
    response = client.get("/me/")
    assert response.status_code == 200
    assert response.get(RENDER_HEADER) == expected_render
    return response.text


def section(text: str, heading_id: str) -> str:
    return text.split(f'id="{heading_id}"')[1].split("</section>")[0]


def test_a_second_visit_is_served_from_the_kept_page_unchanged(partner):
    client = reader(partner)
    NotificationFactory(recipient=partner, title="NDRCC visit published")

    first = visit(client, "own-miss")
    second = visit(client, "own")

    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", first) == strip.sub("", second)
    assert "NDRCC visit published" in second


def test_two_readers_never_see_each_others_page(partner):
    other = UserFactory(roles=[PARTNER], email="bilal@example.org")
    NotificationFactory(recipient=partner, title="For Amal only")
    visit(reader(partner), "own-miss")

    theirs = visit(reader(other), "own-miss")

    assert "bilal@example.org" in theirs
    assert "amal@example.org" not in theirs
    assert "For Amal only" not in theirs


def test_registering_and_cancelling_show_on_the_next_visit(partner):
    client = reader(partner)
    event = EventFactory(title="Early warning webinar", slug="early-warning")
    visit(client, "own-miss")

    registration_register(user=partner, event=event)
    assert "Early warning webinar" in section(visit(client, "own-miss"), "me-upcoming")
    visit(client, "own")

    registration_cancel(user=partner, event=event)
    assert "Early warning webinar" not in section(visit(client, "own-miss"), "me-upcoming")


def test_a_place_on_the_waitlist_moves_when_someone_ahead_leaves(partner):
    client = reader(partner)
    event = EventFactory(title="Shenzhen study visit", capacity=1)
    registration_register(user=UserFactory(), event=event)  # the seat
    ahead = UserFactory()
    registration_register(user=ahead, event=event)
    registration_register(user=partner, event=event)
    assert "You are number 2 on the waitlist." in visit(client, "own-miss")
    visit(client, "own")

    registration_cancel(user=ahead, event=event)

    assert "You are number 1 on the waitlist." in visit(client, "own-miss")


def test_an_event_withdrawn_leaves_the_page_at_once(
    partner, staff, django_capture_on_commit_callbacks
):
    client = reader(partner)
    event = EventFactory(title="Unannounced after all")
    registration_register(user=partner, event=event)
    assert "Unannounced after all" in section(visit(client, "own-miss"), "me-upcoming")

    # Withdrawing starts a new content generation once it commits.
    with django_capture_on_commit_callbacks(execute=True):
        event_unpublish(obj=event, actor=staff)

    assert "Unannounced after all" not in section(visit(client, "own-miss"), "me-upcoming")


def test_following_and_unsubscribing_show_on_the_next_visit(partner):
    client = reader(partner)
    cluster = ClusterFactory(name="Disaster risk reduction")
    visit(client, "own-miss")

    subscription = subscription_follow(user=partner, target=cluster)
    assert "Disaster risk reduction" in section(visit(client, "own-miss"), "me-follows")
    subscription.delivery = DeliveryChoice.WEEKLY
    subscription.save()  # as the API's change of a follow does
    assert "Weekly digest" in section(visit(client, "own-miss"), "me-follows")
    visit(client, "own")

    # The one-click link in a weekly digest stops the emails of what is followed weekly.
    unsubscribe_apply(token=unsubscribe_token(user_id=partner.pk, digest_period="weekly"))

    follows = section(visit(client, "own-miss"), "me-follows")
    assert "Weekly digest" not in follows
    assert "No email" in follows


def test_notifications_read_elsewhere_leave_the_page(partner):
    client = reader(partner)
    NotificationFactory(recipient=partner, title="NDRCC visit published")
    assert "NDRCC visit published" in visit(client, "own-miss")

    notifications_mark_all_read(user=partner)
    assert "NDRCC visit published" not in visit(client, "own-miss")

    NotificationFactory(recipient=partner, title="Tripoli pilot updated")
    assert "Tripoli pilot updated" in visit(client, "own-miss")


def test_staff_decisions_on_requests_and_applications_show_on_the_next_visit(partner, staff):
    client = reader(partner)
    collaboration_request = CollaborationRequestFactory(requester=partner)
    application = ApplicationFactory(applicant=partner)
    text = visit(client, "own-miss")
    assert "Under review" not in section(text, "me-collaboration")
    visit(client, "own")

    collaboration_request_start_review(request=collaboration_request, actor=staff)
    assert "Under review" in section(visit(client, "own-miss"), "me-collaboration")

    application_review(
        application=application, actor=staff, to_status=ApplicationStatus.UNDER_REVIEW
    )
    assert "Under review" in section(visit(client, "own-miss"), "me-applications")


def test_a_city_officials_new_suggestion_shows_on_the_next_visit():
    drr = Cluster.objects.get(slug="disaster-risk-reduction")
    early_warning = Topic.objects.get(slug="early-warning-systems")
    tripoli = CityFactory(name="Tripoli", slug="tripoli")
    ClusterMembershipFactory(city=tripoli, cluster=drr)
    CityNeed.objects.create(city=tripoli, topic=early_warning)
    official = UserFactory(roles=[CITY_OFFICIAL], city=tripoli)
    client = reader(official)
    assert "Shenzhen" not in visit(client, "own-miss")
    visit(client, "own")

    shenzhen = CityFactory(name="Shenzhen", slug="shenzhen")
    ClusterMembershipFactory(city=shenzhen, cluster=drr)
    CityOffer.objects.create(city=shenzhen, topic=early_warning)
    city_matches_refresh(city=tripoli)

    assert "Shenzhen" in visit(client, "own-miss")


def test_staff_get_their_desk_fresh_on_every_visit(staff):
    client = reader(staff)
    EventFactory(title="Starts tomorrow", starts_at=timezone.now() + dt.timedelta(days=1))

    response = client.get("/me/")

    assert response.status_code == 200
    assert RENDER_HEADER not in response
    assert "Starts tomorrow" in response.text


def test_a_kept_page_still_says_no_store(partner):
    client = reader(partner)
    visit(client, "own-miss")

    response = client.get("/me/")

    assert response[RENDER_HEADER] == "own"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_kept_visit_costs_the_version_and_nothing_that_grows(partner):
    """A hit reads the session, the user and their roles, and the version, whose unread count
    the bell shows: the page's lists and the bell's own count do not run."""
    client = reader(partner)
    for title in ("NDRCC visit published", "Tripoli pilot updated"):
        NotificationFactory(recipient=partner, title=title)
    visit(client, "own-miss")

    with CaptureQueriesContext(connection) as queries:
        text = visit(client, "own")

    assert 'class="notification-count">2<' in text
    assert not [q for q in queries.captured_queries if "COUNT(*) AS" in q["sql"]]
    assert len(queries) <= 4, [q["sql"][:80] for q in queries.captured_queries]
