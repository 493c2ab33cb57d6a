"""Issue 7's acceptance on the demo data: a partner offers technical expertise to the
Tripoli-Shenzhen pilot, staff accept it with a message, and the partner sees the decision."""

import html
import io
import re
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from portal.demo import data
from projects.collaboration_guards import started_token
from projects.models import CollaborationRequest, CollaborationStatus

pytestmark = pytest.mark.django_db

PILOT = f"/projects/{data.LEBANON_PILOT}/"
DECISION_NOTE = "Welcome aboard: NDRCC's team will write to plan the first training."


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=io.StringIO())


def signed_in(email: str, next_url: str) -> tuple[Client, str]:
    client = Client()
    response = client.post(
        f"/accounts/login/?next={next_url}",
        {"login": email, "password": data.DEMO_PASSWORD, "next": next_url},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client, response["Location"]


def test_a_partner_offers_expertise_to_the_pilot_and_sees_it_accepted(
    demo, django_capture_on_commit_callbacks
):
    pilot_page = Client().get(PILOT)
    assert pilot_page.status_code == 200
    link = re.search(
        r'<a[^>]+href="([^"]+)"[^>]*>\s*Request collaboration\s*</a>', pilot_page.content.decode()
    ).group(1)

    # A visitor who follows the link signs in and comes back to the form, pilot chosen.
    assert Client().get(link)["Location"].startswith("/accounts/login/?next=")
    partner, landing = signed_in(data.PARTNER_EMAIL, link)
    assert landing == link
    form = partner.get(landing)
    assert form.status_code == 200
    assert f'<option value="project:{data.LEBANON_PILOT}" selected>' in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        sent = partner.post(
            landing,
            {
                "kind": "technical_expertise",
                "target": f"project:{data.LEBANON_PILOT}",
                "message": "Our volunteers map flood risk and can train Tripoli's team.",
                "contact_preferences": "Email, in English or French",
                "website": "",
                "form_started": started_token(now=time.time() - 60),
            },
        )
    assert sent.status_code == 302, sent.content.decode()
    request = CollaborationRequest.objects.get(pk=sent["Location"].strip("/").split("/")[-1])
    assert (request.kind, request.project.slug) == ("technical_expertise", data.LEBANON_PILOT)
    assert request.organization.slug == "urban-resilience-action-network"

    staff, _landing = signed_in(data.UN_STAFF_EMAIL, "/collaborate/review/")
    queue = staff.get("/collaborate/review/").content.decode()
    assert f'href="/collaborate/{request.pk}/"' in queue
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert staff.post(f"/collaborate/{request.pk}/review/").status_code == 302
        accepted = staff.post(
            f"/collaborate/{request.pk}/accept/",
            {"accept-outcome": "none", "accept-note": DECISION_NOTE},
            follow=True,
        )
    assert "The request is accepted; the requester is told." in accepted.content.decode()
    request.refresh_from_db()
    assert request.status == CollaborationStatus.ACCEPTED

    mine = html.unescape(partner.get("/collaborate/mine/").content.decode())
    entry = mine[mine.index(f'id="request-{request.pk}"') :]
    entry = entry[: entry.find('<li id="request-')]
    assert re.search(r'class="badge collaboration-status status-accepted">Accepted<', entry)
    assert DECISION_NOTE in entry
    assert "Amara Okafor" in entry

    to_partner = [message for message in mail.outbox if message.to == [data.PARTNER_EMAIL]]
    assert to_partner, [message.to for message in mail.outbox]
    assert any(
        "Accepted" in message.body
        and DECISION_NOTE in message.body
        and f"/collaborate/{request.pk}/" in message.body
        for message in to_partner
    )


def test_the_demo_requests_tell_their_story_in_order(demo):
    client = Client()
    client.force_login(CollaborationRequest.objects.first().requester)

    mine = client.get("/collaborate/mine/").content.decode()

    waste_banks = mine[mine.index("Join a pilot: <bdi>Community waste banks</bdi>") :]
    history = waste_banks[: waste_banks.index("</ol>")]
    steps = re.findall(r'<time datetime="([^"]+)"', history)
    assert len(steps) == 3 and steps == sorted(steps)
    assert "Sent" in history and "Now “Accepted”" in history
    assert "Welcome: the Accra and Suva groups run the first waste banks." in history
    for request in CollaborationRequest.objects.all():
        first = request.status_changes.first()
        assert first.created_at == request.created_at
        assert request.decided_at is None or request.decided_at >= request.created_at
