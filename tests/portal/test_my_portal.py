"""My portal (/me/): what each role sees, and what it never sees."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from core.models import PublicationStatus
from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF
from events.models import RegistrationStatus
from notifications.models import DeliveryChoice
from opportunities.models import ApplicationStatus
from projects.models import CollaborationStatus
from tests.factories import (
    ApplicationFactory,
    CertificateFactory,
    CityFactory,
    ClusterFactory,
    CollaborationRequestFactory,
    EventFactory,
    NotificationFactory,
    OpportunityFactory,
    OrganizationFactory,
    ProjectFactory,
    RegistrationFactory,
    ResourceFactory,
    SubscriptionFactory,
    TrainingSeriesFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "official", "partner", "other_partner", "staff")


@dataclass
class Cast:
    city: object
    official: object
    partner: object
    other_partner: object
    staff: object

    def client_for(self, role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(getattr(self, role))
        return client


@pytest.fixture
def cast():
    # A city whose profile lacks a photo, a contact, coordinates (0, 0) and hazards.
    city = CityFactory(
        slug="tripoli", name="Tripoli", latitude=0, longitude=0, summary="A port city."
    )
    return Cast(
        city=city,
        official=UserFactory(roles=[CITY_OFFICIAL], city=city),
        partner=UserFactory(
            roles=[PARTNER], organization=OrganizationFactory(name="Resilience Network")
        ),
        other_partner=UserFactory(roles=[PARTNER], organization=OrganizationFactory()),
        staff=UserFactory(roles=[UN_STAFF]),
    )


def page(cast, role):
    response = cast.client_for(role).get("/me/")
    assert response.status_code == 200
    return response.text


# --- Who sees what ------------------------------------------------------------------------------


def test_it_sends_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/me/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/me/"


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_the_city_part_to_the_citys_official_only(cast, role):
    response = cast.client_for(role).get("/me/")

    if role == "anonymous":
        assert response.status_code == 302
        return
    text = response.text
    shows_city = "The profile of Tripoli" in text
    assert shows_city == (role == "official")
    assert ('href="/cities/tripoli/edit/#id_photo"' in text) == (role == "official")


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_the_staff_part_to_un_staff_only(cast, role):
    CollaborationRequestFactory(requester=cast.partner, project=ProjectFactory(title="Flood pilot"))

    response = cast.client_for(role).get("/me/")

    if role == "anonymous":
        assert response.status_code == 302
        return
    text = response.text
    assert ("Waiting for UN staff" in text) == (role == "staff")
    assert ("Events starting in the next seven days" in text) == (role == "staff")
    assert ('href="/collaborate/review/"' in text) == (role == "staff")


@pytest.mark.parametrize("role", ROLES)
def test_it_lists_ones_own_collaboration_requests_and_no_one_elses(cast, role):
    request = CollaborationRequestFactory(
        requester=cast.partner,
        project=ProjectFactory(title="Tripoli–Shenzhen pilot"),
        status=CollaborationStatus.UNDER_REVIEW,
    )

    response = cast.client_for(role).get("/me/")

    if role == "anonymous":
        assert response.status_code == 302
        return
    section = response.text.split('id="me-collaboration"')[1].split("</section>")[0]
    listed = f'href="/collaborate/{request.pk}/"' in section
    assert listed == (role == "partner")
    if listed:
        assert "Under review" in section


@pytest.mark.parametrize("role", ROLES)
def test_it_lists_ones_own_applications_and_no_one_elses(cast, role):
    application = ApplicationFactory(
        applicant=cast.partner,
        opportunity=OpportunityFactory(title="DRR fellowship in Shenzhen"),
        status=ApplicationStatus.UNDER_REVIEW,
    )

    response = cast.client_for(role).get("/me/")

    if role == "anonymous":
        assert response.status_code == 302
        return
    section = response.text.split('id="me-applications"')[1].split("</section>")[0]
    listed = f'href="/opportunities/applications/{application.pk}/"' in section
    assert listed == (role == "partner")
    if listed:
        assert "DRR fellowship in Shenzhen" in section and "Under review" in section
    else:
        assert 'href="/opportunities/"' in section  # where to find one


@pytest.mark.parametrize("role", ["official", "partner", "other_partner", "staff"])
def test_it_links_everyone_signed_in_to_my_portal_from_the_header(cast, role):
    text = cast.client_for(role).get("/events/").text
    header = text.split("</header>")[0]

    assert 'href="/me/"' in header
    assert ('href="/editor/"' in header) == (role == "staff")
    assert ('href="/editor/review/"' in header) == (role == "staff")


def test_it_shows_no_my_portal_link_to_an_anonymous_visitor(client):
    header = client.get("/events/").text.split("</header>")[0]

    assert 'href="/me/"' not in header


# --- Registrations, certificates, follows, notifications ------------------------------------------


def test_it_lists_upcoming_registrations_with_join_and_calendar_links(cast):
    user = cast.partner
    online = EventFactory(
        title="Early warning webinar",
        slug="early-warning",
        online_url="https://meet.example.org/ew",
    )
    RegistrationFactory(user=user, event=online)
    full = EventFactory(title="Shenzhen study visit", slug="study-visit", capacity=1)
    RegistrationFactory(event=full)  # the seat
    first = RegistrationFactory(
        event=full,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=timezone.now() - dt.timedelta(hours=2),
    )
    RegistrationFactory(
        user=user,
        event=full,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=first.waitlisted_at + dt.timedelta(hours=1),
    )
    draft = EventFactory(title="Unannounced session", status=PublicationStatus.DRAFT)
    RegistrationFactory(user=user, event=draft)
    cancelled = EventFactory(title="Cancelled seat")
    RegistrationFactory(user=user, event=cancelled, status=RegistrationStatus.CANCELLED)

    text = page(cast, "partner")
    section = text.split('id="me-upcoming"')[1].split("</section>")[0]

    assert "Early warning webinar" in section
    assert 'href="https://meet.example.org/ew"' in section
    assert 'href="/events/early-warning/event.ics"' in section
    assert "Shenzhen study visit" in section
    assert "You are number 2 on the waitlist." in section
    assert "Unannounced session" not in text
    assert "Cancelled seat" not in section


def test_it_gives_no_join_link_to_someone_on_the_waitlist(cast):
    event = EventFactory(capacity=1, online_url="https://meet.example.org/full")
    RegistrationFactory(event=event)
    RegistrationFactory(
        user=cast.partner,
        event=event,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=timezone.now(),
    )

    text = page(cast, "partner")

    assert "You are number 1 on the waitlist." in text
    assert "https://meet.example.org/full" not in text


def test_it_lists_past_attendance_and_certificates(cast):
    user = cast.partner
    past = EventFactory(
        title="September 2023 knowledge-sharing event",
        starts_at=timezone.now() - dt.timedelta(days=400),
    )
    RegistrationFactory(user=user, event=past, status=RegistrationStatus.ATTENDED)
    missed = EventFactory(title="A session missed", starts_at=timezone.now() - dt.timedelta(days=9))
    RegistrationFactory(user=user, event=missed, status=RegistrationStatus.REGISTERED)
    certificate = CertificateFactory(
        user=user, series=TrainingSeriesFactory(title="Urban resilience series")
    )
    CertificateFactory(series=TrainingSeriesFactory(title="Someone else's series"))

    text = page(cast, "partner")

    past_section = text.split('id="me-past"')[1].split("</section>")[0]
    assert "September 2023 knowledge-sharing event" in past_section
    assert "A session missed" not in past_section
    assert "Urban resilience series" in text
    assert f'href="/certificates/{certificate.verification_code}/certificate.pdf"' in text
    assert "Someone else&#x27;s series" not in text


def test_it_lists_follows_with_their_email_delivery(cast):
    user = cast.partner
    SubscriptionFactory(
        user=user, cluster=ClusterFactory(name="Disaster risk reduction"), delivery=""
    )
    SubscriptionFactory(
        user=user,
        cluster=None,
        city=CityFactory(name="Shenzhen"),
        delivery=DeliveryChoice.IMMEDIATE,
    )

    section = page(cast, "partner").split('id="me-follows"')[1].split("</section>")[0]

    assert "Disaster risk reduction" in section
    assert "as in your profile (" in section
    assert "Shenzhen" in section
    assert "Immediately" in section


def test_it_lists_unread_notifications_only(cast):
    NotificationFactory(recipient=cast.partner, title="NDRCC visit published")
    NotificationFactory(recipient=cast.partner, title="Old news", read_at=timezone.now())
    NotificationFactory(recipient=cast.staff, title="Not yours")

    section = page(cast, "partner").split('id="me-notifications"')[1].split("</section>")[0]

    assert "NDRCC visit published" in section
    assert "Old news" not in section
    assert "Not yours" not in section


# --- The city official's part -------------------------------------------------------------------


def test_it_links_each_gap_of_the_city_profile_to_its_field(cast):
    section = page(cast, "official").split('id="me-city"')[1].split("</section>")[0]

    for field in ("photo", "contact_name", "latitude", "hazards", "description", "website"):
        assert f'href="/cities/tripoli/edit/#id_{field}"' in section
    assert 'href="/cities/tripoli/edit/#id_summary"' not in section  # it has one
    assert "No photo" in section
    assert "No coordinates for the map" in section
    assert "% complete" in section


def test_it_says_a_complete_city_profile_lacks_nothing(cast):
    city = cast.city
    city.latitude, city.longitude = "34.43670", "35.84970"
    city.description = "Lebanon's second city, on the Mediterranean."
    city.contact_name, city.contact_email = "Rania Haddad", "resilience@example.org"
    city.website = "https://tripoli.example.org"
    city.photo = "cities/photos/2026/tripoli.jpg"
    city.photo_alt = "The old souks of Tripoli"
    city.save()
    city.hazards.add("flood", "earthquake")

    section = page(cast, "official").split('id="me-city"')[1].split("</section>")[0]

    assert "The profile is 100% complete." in section
    assert "Nothing is missing" in section
    assert "#id_" not in section


def test_it_shows_no_city_part_to_an_official_without_a_city(cast):
    cast.official.city = None
    cast.official.save()

    assert "The profile of" not in page(cast, "official")


# --- The staff part -----------------------------------------------------------------------------


def test_it_shows_staff_the_counts_and_this_weeks_events(cast):
    EventFactory(status=PublicationStatus.DRAFT, title="Draft webinar")
    ProjectFactory(status=PublicationStatus.DRAFT, published_at=None)
    ResourceFactory(status=PublicationStatus.DRAFT, published_at=None, review_state="proposed")
    soon = EventFactory(
        title="Flood early warning clinic",
        slug="flood-clinic",
        starts_at=timezone.now() + dt.timedelta(days=2),
        capacity=30,
    )
    RegistrationFactory.create_batch(3, event=soon)
    RegistrationFactory(event=soon, status=RegistrationStatus.WAITLISTED)
    EventFactory(title="Next month's webinar", starts_at=timezone.now() + dt.timedelta(days=30))
    waiting = CollaborationRequestFactory(requester=cast.partner)
    CollaborationRequestFactory(requester=cast.partner, status=CollaborationStatus.DECLINED)

    section = page(cast, "staff").split('id="me-staff"')[1].split("</section>")[0]

    assert "Flood early warning clinic" in section
    assert "3 registered / 30" in section
    assert "1 on the waitlist" in section
    assert 'href="/events/flood-clinic/registrations/"' in section
    assert "Next month&#x27;s webinar" not in section
    assert f'href="/collaborate/{waiting.pk}/"' in section
    assert section.count('href="/collaborate/') - section.count('href="/collaborate/review/"') == 1
    assert "Proposed resources</a>: <strong>1</strong>" in section


# --- Old addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/events/mine/", "/accounts/registrations/", "/registrations/"])
def test_it_sends_the_addresses_people_guess_to_my_portal(client, path):
    response = client.get(path)

    assert response.status_code == 301
    assert response["Location"] == "/me/"


# --- Queries --------------------------------------------------------------------------------------


def fill(cast, user, count):
    """`count` of everything /me/ lists, for `user` and for staff, with every kind of target."""
    now = timezone.now()
    for index in range(count):
        event = EventFactory(
            starts_at=now + dt.timedelta(days=1 + index % 5), online_url="https://meet.example.org"
        )
        RegistrationFactory(user=user, event=event)
        RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED, waitlisted_at=now)
        full = EventFactory(capacity=1)
        RegistrationFactory(event=full)
        RegistrationFactory(
            user=user, event=full, status=RegistrationStatus.WAITLISTED, waitlisted_at=now
        )
        past = EventFactory(starts_at=now - dt.timedelta(days=30 + index))
        RegistrationFactory(user=user, event=past, status=RegistrationStatus.ATTENDED)
        CertificateFactory(user=user)
        target = [
            {"project": ProjectFactory()},
            {"project": None, "cluster": ClusterFactory()},
            {"project": None, "city": CityFactory()},
        ][index % 3]
        CollaborationRequestFactory(
            requester=user, organization_name="Flood Lab", assigned_to=cast.staff, **target
        )
        follow = [
            {"cluster": ClusterFactory()},
            {"cluster": None, "city": CityFactory()},
            {"cluster": None, "project": ProjectFactory()},
        ][index % 3]
        SubscriptionFactory(user=user, **follow)
        NotificationFactory(recipient=user)
        ApplicationFactory(applicant=user)
        EventFactory(status=PublicationStatus.DRAFT, published_at=None)
        ResourceFactory(status=PublicationStatus.DRAFT, published_at=None, review_state="proposed")
    cast.city.hazards.add(*[f"hazard {n}" for n in range(count)])


def queries_for(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get("/me/").status_code == 200
    return len(context)


@pytest.mark.parametrize("role", ["official", "partner", "staff"])
def test_it_costs_the_same_queries_for_few_or_many_items(cast, role):
    user = getattr(cast, role)
    client = cast.client_for(role)
    fill(cast, user, 2)
    small = queries_for(client)

    fill(cast, user, 12)
    large = queries_for(client)

    assert large == small


def test_it_leaves_out_a_past_event_that_was_withdrawn(cast):
    withdrawn = EventFactory(
        title="Withdrawn session",
        status=PublicationStatus.DRAFT,
        starts_at=timezone.now() - dt.timedelta(days=20),
    )
    RegistrationFactory(user=cast.partner, event=withdrawn, status=RegistrationStatus.ATTENDED)

    assert "Withdrawn session" not in page(cast, "partner")


def test_it_refuses_to_be_written_to(cast):
    assert cast.client_for("partner").post("/me/").status_code == 405


def test_it_keeps_mine_free_of_event_slugs():
    from core.editor import unique_slug
    from events.models import Event

    # /events/mine/ leads to My portal, so no event may be called "mine".
    assert unique_slug(Event, "Mine") == "mine-item"


def test_it_shows_event_titles_in_the_readers_language_else_marked_as_english(cast):
    """In Arabic, an event translated into Arabic is listed by its Arabic title; an English one
    keeps its own direction inside a right-aligned heading, as the events list shows it (the
    heading itself took the English direction and stood flush left among right-aligned lines)."""
    user = cast.partner
    english = EventFactory(title="Heat action plans", slug="heat-action-plans")
    translated = EventFactory(
        title="Early warning webinar", title_ar="ندوة الإنذار المبكر", slug="early-warning"
    )
    attended = EventFactory(
        title="Recovery plans", starts_at=timezone.now() - dt.timedelta(days=30)
    )
    for event in (english, translated):
        RegistrationFactory(user=user, event=event)
    RegistrationFactory(user=user, event=attended, status=RegistrationStatus.ATTENDED)
    client = cast.client_for("partner")

    text = client.get("/ar/me/").text

    upcoming = text.split('id="me-upcoming"')[1].split("</section>")[0]
    assert 'dir="auto"' not in upcoming
    assert (
        '<h3><a href="/ar/events/heat-action-plans/">'
        '<span lang="en" dir="ltr">Heat action plans</span></a></h3>'
    ) in upcoming
    assert '<h3><a href="/ar/events/early-warning/">ندوة الإنذار المبكر</a></h3>' in upcoming
    past = text.split('id="me-past"')[1].split("</section>")[0]
    assert '<span lang="en" dir="ltr">Recovery plans</span>' in past
