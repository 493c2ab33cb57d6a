import datetime as dt

import pytest
from django.core import mail

from events.notifications import registration_changed_notify
from notifications.models import DeliveryChoice
from notifications.services import notify_content_published
from tests.factories import (
    EventFactory,
    ProjectUpdateFactory,
    RegistrationFactory,
    SubscriptionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _followed_update_email(capture, **user_fields):
    user = UserFactory(**user_fields)
    subscription = SubscriptionFactory(user=user, delivery=DeliveryChoice.IMMEDIATE)
    update = ProjectUpdateFactory(title="Flood drill <report>")
    update.project.clusters.add(subscription.cluster)
    with capture(execute=True):
        notify_content_published(obj=update)
    [message] = mail.outbox
    return message


def test_it_sends_html_and_plain_text(django_capture_on_commit_callbacks):
    message = _followed_update_email(django_capture_on_commit_callbacks)

    assert "Flood drill <report>" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "Flood drill &lt;report&gt;" in html


def test_it_carries_one_click_unsubscribe_headers(django_capture_on_commit_callbacks, client):
    message = _followed_update_email(django_capture_on_commit_callbacks)

    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and header.endswith(">")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert header[1:-1] in message.body
    path = header[1:-1].split("localhost:8000", 1)[1]
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200


def test_it_writes_in_the_recipients_language_and_time_zone(django_capture_on_commit_callbacks):
    user = UserFactory(preferred_language="fr", time_zone="Asia/Shanghai")
    event = EventFactory(title="Atelier", starts_at=dt.datetime(2031, 10, 18, 2, 30, tzinfo=dt.UTC))
    registration = RegistrationFactory(user=user, event=event)

    with django_capture_on_commit_callbacks(execute=True):
        registration_changed_notify(registration=registration, change="confirmed")

    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "fr"
    # Django's own French catalogue names the month; 02:30 UTC is 10:30 in Shanghai.
    assert "octobre" in message.body
    assert "10:30" in message.body
    assert 'lang="fr"' in message.alternatives[0][0]


def test_it_falls_back_to_english_for_an_unknown_language(django_capture_on_commit_callbacks):
    message = _followed_update_email(django_capture_on_commit_callbacks, preferred_language="xx")

    assert message.extra_headers["Content-Language"] == "en"
