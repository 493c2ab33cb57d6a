import re

from django.urls import reverse

from events.models import RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory


def test_it_counts_seats_taken_and_links_to_who_registered(admin_client):
    event = EventFactory(title="Early-warning webinar")
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=EventFactory())

    changelist = admin_client.get(reverse("admin:events_event_changelist"))
    link = re.search(
        rf'<a href="([^"]+event__id__exact={event.pk})">(\d+)</a>', changelist.content.decode()
    )

    assert link.group(2) == "2"
    registrations = admin_client.get(link.group(1))
    assert registrations.status_code == 200
    assert {r.event for r in registrations.context["cl"].result_list} == {event}
    assert registrations.context["cl"].result_count == 3
