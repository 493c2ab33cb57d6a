"""Two stateless web nodes behind an imaginary load balancer: one journey, alternating between
gunicorn on A and gunicorn on B, against one PostgreSQL, one Redis and one S3 server."""

import re
import threading

import factory
import pytest
import requests
from django.db.models.signals import post_save

from core.models import PublicationStatus
from core.roles import PARTNER
from events.models import Registration, RegistrationStatus
from projects.models import CollaborationMessage
from tests.factories import (
    CollaborationRequestFactory,
    EventFactory,
    OrganizationFactory,
    ResourceFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# What a load balancer in front of both nodes passes on: one public name, whichever node answers.
PUBLIC_HOST = "cities.test"


def browser() -> requests.Session:
    session = requests.Session()
    session.headers["Host"] = PUBLIC_HOST
    return session


def verified(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def form_token(response) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    assert match, response.text[:500]
    return match.group(1)


def post_form(browser, node, path, data, **options):
    page = browser.get(node.url + path, timeout=30)
    return browser.post(
        node.url + path,
        data={"csrfmiddlewaretoken": form_token(page), **data},
        headers={"Referer": node.url + path},
        allow_redirects=False,
        timeout=30,
        **options,
    )


def sign_in(browser, node, user, password=PASSWORD):
    return post_form(browser, node, "/accounts/login/", {"login": user.email, "password": password})


def csrf_post(browser, node, path, page_path, data=None, **options):
    """A POST from a button on `page_path`: the token comes from the CSRF cookie's page."""
    browser.get(node.url + page_path, timeout=30)
    return browser.post(
        node.url + path,
        data={"csrfmiddlewaretoken": form_token(browser.get(node.url + page_path)), **(data or {})},
        headers={"Referer": node.url + page_path},
        allow_redirects=False,
        timeout=30,
        **options,
    )


def is_signed_in(browser, node) -> bool:
    profile = browser.get(f"{node.url}/accounts/profile/", allow_redirects=False, timeout=30)
    return profile.status_code == 200


def test_one_journey_alternating_between_two_nodes(two_nodes):
    a, b = two_nodes
    partner = verified(UserFactory(roles=[PARTNER], organization=OrganizationFactory()))
    partner_browser = browser()

    # Signed in on A, still signed in on B: the session lives in the shared database.
    assert sign_in(partner_browser, a, partner).status_code == 302
    assert is_signed_in(partner_browser, b)

    # Uploaded on B, downloaded on A: the file is in the bucket, not on B's disk.
    collaboration = CollaborationRequestFactory(requester=partner)
    detail = f"/collaborate/{collaboration.pk}/"
    sent = csrf_post(
        partner_browser,
        b,
        f"/collaborate/{collaboration.pk}/messages/",
        detail,
        data={"body": "Our plan."},
        files={"attachment": ("plan.pdf", PDF, "application/pdf")},
    )
    assert sent.status_code == 302, sent.text[:500]
    message = CollaborationMessage.objects.get(request=collaboration)
    download = partner_browser.get(
        f"{a.url}/collaborate/{collaboration.pk}/messages/{message.pk}/attachment/",
        allow_redirects=False,
        timeout=30,
    )
    assert download.status_code == 302
    assert requests.get(download.headers["Location"], timeout=30).content == PDF

    # A publication on A clears the anonymous page cache B serves from.
    anonymous = browser()
    assert "Heat action plan" not in anonymous.get(f"{b.url}/resources/", timeout=30).text
    # Written to the database behind the portal's back (no save signal, as another system
    # would): B keeps serving the page it has kept...
    with factory.django.mute_signals(post_save):
        ResourceFactory(title="Cooling centres")
    assert "Cooling centres" not in anonymous.get(f"{b.url}/resources/", timeout=30).text
    draft = ResourceFactory(title="Heat action plan", status=PublicationStatus.DRAFT)
    editor = verified(StaffUserFactory())
    editor_browser = browser()
    assert sign_in(editor_browser, a, editor).status_code == 302
    published = csrf_post(
        editor_browser, a, f"/resources/{draft.slug}/publish/", f"/resources/{draft.slug}/edit/"
    )
    assert published.status_code == 302, published.text[:500]
    # ...until the publication on A starts a new generation of the shared cache.
    fresh = anonymous.get(f"{b.url}/resources/", timeout=30).text
    assert "Heat action plan" in fresh and "Cooling centres" in fresh

    # Throttles count across nodes: four API requests a minute, wherever they land.
    statuses = [
        partner_browser.get(f"{node.url}/api/v1/me/", timeout=30).status_code
        for node in (a, b, a, b, a)
    ]
    assert statuses == [200, 200, 200, 200, 429]

    # So do failed sign-ins: five wrong passwords on either node lock the address on both.
    target = verified(UserFactory())
    for node in (a, b, a, b, a):
        refused = sign_in(browser(), node, target, password="wrong")
        assert refused.status_code != 302
    locked_out = browser()
    assert "Too many failed login attempts" in sign_in(locked_out, b, target).text
    assert not is_signed_in(locked_out, b)

    # The last seat, asked for on A and on B at the same moment, is given once.
    event = EventFactory(capacity=1)
    people = [verified(UserFactory()) for _ in range(2)]
    browsers = []
    for person, node in zip(people, (a, b), strict=True):
        theirs = browser()
        assert sign_in(theirs, node, person).status_code == 302
        page = theirs.get(f"{node.url}/events/{event.slug}/", timeout=30)
        browsers.append((theirs, node, form_token(page)))
    start = threading.Barrier(2)
    answers = []

    def register(theirs, node, token):
        start.wait()
        answers.append(
            theirs.post(
                f"{node.url}/events/{event.slug}/register/",
                data={"csrfmiddlewaretoken": token},
                headers={"Referer": f"{node.url}/events/{event.slug}/"},
                allow_redirects=False,
                timeout=30,
            ).status_code
        )

    threads = [threading.Thread(target=register, args=entry) for entry in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [302, 302]
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == sorted([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED])
