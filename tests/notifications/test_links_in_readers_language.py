"""Every link an email gives opens the page in its reader's language: /fr/... for French."""

import re

import pytest
from django.core import mail
from django.utils import translation

from events.notifications import registration_changed_notify
from notifications.models import DeliveryChoice, Notification
from notifications.services import notify_content_published
from tests.factories import (
    EventFactory,
    ProjectUpdateFactory,
    RegistrationFactory,
    ResourceFactory,
    SubscriptionFactory,
    UserFactory,
)

from .digest_helpers import during_week, freeze, run_digest

pytestmark = pytest.mark.django_db

SITE = "http://localhost:8000"


def portal_links(text: str) -> list[str]:
    return [link.removeprefix(SITE) for link in re.findall(rf"{re.escape(SITE)}[^\s\"<>]*", text)]


def test_a_followers_email_links_each_reader_to_their_language(django_capture_on_commit_callbacks):
    french = UserFactory(preferred_language="fr")
    english = UserFactory(preferred_language="en")
    update = ProjectUpdateFactory(title="Flood drill")
    for user in (french, english):
        subscription = SubscriptionFactory(user=user, delivery=DeliveryChoice.IMMEDIATE)
        update.project.clusters.add(subscription.cluster)

    # Published from an Arabic page: the language of the editor's request does not leak.
    with translation.override("ar"), django_capture_on_commit_callbacks(execute=True):
        notify_content_published(obj=update)

    by_reader = {message.to[0]: message for message in mail.outbox}
    french_links = portal_links(by_reader[french.email].body)
    english_links = portal_links(by_reader[english.email].body)
    assert french_links and all(link.startswith("/fr/") for link in french_links)
    assert english_links and not any(
        link.startswith(("/fr/", "/ar/", "/en/")) for link in english_links
    )
    assert all(
        link.startswith("/fr/") for link in portal_links(by_reader[french.email].alternatives[0][0])
    )
    assert by_reader[french.email].extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/fr/")
    # In-app notifications keep the language-neutral address; each page shows it in its own.
    assert not Notification.objects.filter(url__startswith="/ar/").exists()


def test_the_notifications_page_links_in_its_own_language(
    client, django_capture_on_commit_callbacks
):
    reader = UserFactory(preferred_language="en")
    update = ProjectUpdateFactory(title="Flood drill")
    update.project.clusters.add(SubscriptionFactory(user=reader).cluster)
    with django_capture_on_commit_callbacks(execute=True):
        notify_content_published(obj=update)
    path = Notification.objects.get(recipient=reader).url
    client.force_login(reader)

    page = client.get("/ru/notifications/").content.decode()

    assert f'href="/ru{path}"' in page


def test_a_registration_email_and_its_calendar_file_link_to_the_french_page(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(preferred_language="fr")
    event = EventFactory(slug="atelier")
    registration = RegistrationFactory(user=user, event=event)

    with django_capture_on_commit_callbacks(execute=True):
        registration_changed_notify(registration=registration, change="confirmed")

    [message] = mail.outbox
    assert f"{SITE}/fr/events/atelier/" in message.body
    [part] = message.attachments
    assert part.get_filename() == "atelier.ics"
    content = part.get_payload(decode=True).decode()
    assert f"URL:{SITE}/fr/events/atelier/" in content.replace("\r\n ", "")


def test_a_digest_links_a_french_reader_to_french_pages(
    django_capture_on_commit_callbacks, time_machine
):
    freeze(time_machine)
    reader = UserFactory(digest_frequency="weekly", preferred_language="fr")
    subscription = SubscriptionFactory(user=reader)
    ResourceFactory(title="Flood guide", published_at=during_week()).clusters.add(
        subscription.cluster
    )

    run_digest(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    links = portal_links(message.body) + portal_links(message.alternatives[0][0])
    assert links and all(link.startswith("/fr/") for link in links)
