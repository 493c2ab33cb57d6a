import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.shortcuts import resolve_url
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from notifications.models import Notification
from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_sends_an_anonymous_visitor_to_sign_in_and_back_to_the_event(client):
    EventFactory(slug="training")

    response = client.post("/events/training/register/")

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=/events/training/" in response["Location"]
    assert not Registration.objects.exists()


def test_it_registers_a_signed_in_visitor_and_says_so(client):
    user = UserFactory()
    EventFactory(slug="training", capacity=10)
    client.force_login(user)

    response = client.post("/events/training/register/", follow=True)

    assert response.redirect_chain == [("/events/training/", 302)]
    assert Registration.objects.get(user=user).status == RegistrationStatus.REGISTERED
    assert "You are registered." in response.content.decode()
    assert "9 seats left" in response.content.decode()


def test_it_treats_a_second_click_as_harmless_and_tells_once(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory()
    EventFactory(slug="training", capacity=10)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/events/training/register/")
        response = client.post("/events/training/register/", follow=True)

    assert "You are registered." in response.content.decode()
    assert Registration.objects.get(user=user).status == RegistrationStatus.REGISTERED
    assert [message.to for message in mail.outbox] == [[user.email]]
    assert Notification.objects.filter(recipient=user).count() == 1


def test_it_explains_that_there_is_nothing_left_to_cancel(client):
    user = UserFactory()
    RegistrationFactory(event=EventFactory(slug="training"), user=user)
    client.force_login(user)
    client.post("/events/training/cancel/")

    response = client.post("/events/training/cancel/", follow=True)

    assert response.status_code == 200
    assert "You are not registered for this event." in response.content.decode()
    assert Registration.objects.get(user=user).status == RegistrationStatus.CANCELLED


def test_it_tells_a_visitor_they_are_on_the_waitlist(client):
    event = EventFactory(slug="full", capacity=1)
    RegistrationFactory(event=event)
    client.force_login(UserFactory())

    response = client.post("/events/full/register/", follow=True)

    html = response.content.decode()
    assert "you are on the waitlist" in html
    assert "You are on the waitlist." in html


def test_it_explains_a_closed_window_instead_of_failing(client):
    EventFactory(
        slug="closed",
        registration_closes_at=timezone.now() - dt.timedelta(hours=1),
        registration_opens_at=timezone.now() - dt.timedelta(days=9),
    )
    client.force_login(UserFactory())

    response = client.post("/events/closed/register/", follow=True)

    assert response.status_code == 200
    assert "Registration for this event is closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_it_cancels_and_promotes_the_oldest_waitlisted(client):
    event = EventFactory(slug="full", capacity=1)
    user = UserFactory()
    RegistrationFactory(event=event, user=user)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    client.force_login(user)

    response = client.post("/events/full/cancel/", follow=True)

    assert "Your registration is cancelled." in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.REGISTERED


def test_it_only_accepts_post_for_registration(client):
    EventFactory(slug="training")
    client.force_login(UserFactory())

    assert client.get("/events/training/register/").status_code == 405
    assert client.get("/events/training/cancel/").status_code == 405


def test_it_answers_404_when_registering_for_a_draft(client):
    EventFactory(slug="draft", status="draft", published_at=None)
    client.force_login(UserFactory())

    assert client.post("/events/draft/register/").status_code == 404
