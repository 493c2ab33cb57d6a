"""Spam is kept out without a CAPTCHA, and a real partner who trips a check loses nothing typed."""

import re
import time

import pytest
from django.core.cache import caches

from core.cache import ResilientRedisCache
from core.roles import PARTNER
from projects.collaboration_guards import started_token
from projects.models import CollaborationRequest
from tests.collaboration.conftest import form_data
from tests.factories import CollaborationRequestFactory, UserFactory

pytestmark = pytest.mark.django_db

TYPED = "We run **early-warning** systems in three cities."


def assert_form_refilled(html):
    assert TYPED in html  # the message textarea
    assert 'value="Email, in English"' in html
    assert re.search(r'value="technical_expertise"[^>]*checked', html)
    assert '<option value="project:tripoli-shenzhen" selected>' in html


def test_it_refuses_a_filled_honeypot_and_gives_the_form_back(cast):
    response = cast.client_for("partner").post("/collaborate/", form_data(website="http://spam"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "a field meant to stay empty was filled in" in html
    assert_form_refilled(html)
    assert 'name="website" value=""' in html
    assert not CollaborationRequest.objects.exists()


def test_it_refuses_a_form_sent_faster_than_a_person_can_type(cast):
    data = form_data(form_started=started_token(now=time.time() - 1))

    response = cast.client_for("partner").post("/collaborate/", data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "faster than a person can fill in the form" in html
    assert_form_refilled(html)
    assert not CollaborationRequest.objects.exists()


def test_it_refuses_a_forged_start_time(cast):
    data = form_data(form_started=f"{time.time() - 600:.3f}:forged")

    response = cast.client_for("partner").post("/collaborate/", data)

    assert response.status_code == 400
    assert "could not be checked" in response.content.decode()
    assert not CollaborationRequest.objects.exists()


def test_it_gives_a_fresh_start_time_with_a_refused_form(cast):
    refused = cast.client_for("partner").post(
        "/collaborate/", form_data(form_started=started_token(now=time.time() - 1))
    )

    assert 'name="form_started" value="' in refused.content.decode()
    assert refused.context["started_token"] != form_data()["form_started"]


def test_it_limits_how_often_one_person_can_send(cast, settings):
    settings.COLLABORATION_RATE_PER_USER = "2/h"
    client = cast.client_for("verified")
    for kind in ("funding", "peer_exchange"):
        assert client.post("/collaborate/", form_data(kind=kind)).status_code == 302

    response = client.post("/collaborate/", form_data(kind="co_host_training"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "You have sent several requests in a short time" in html
    assert TYPED in html
    assert CollaborationRequest.objects.count() == 2


def test_it_limits_how_often_one_address_can_send_whoever_signs_in(cast, settings):
    settings.COLLABORATION_RATE_PER_IP = "1/h"
    assert cast.client_for("verified").post("/collaborate/", form_data()).status_code == 302

    response = cast.client_for("partner").post("/collaborate/", form_data())

    assert response.status_code == 429
    assert TYPED in response.content.decode()
    assert CollaborationRequest.objects.count() == 1


def test_it_refuses_a_duplicate_while_the_first_is_open_and_links_to_it(cast):
    existing = CollaborationRequestFactory(
        requester=cast.partner, project=cast.pilot, kind="technical_expertise"
    )

    response = cast.client_for("partner").post("/collaborate/", form_data())

    assert response.status_code == 409
    html = response.content.decode()
    assert "already has an open request of this kind" in html
    assert f'href="/collaborate/{existing.pk}/"' in html
    assert_form_refilled(html)
    assert CollaborationRequest.objects.count() == 1


def test_it_counts_a_colleagues_open_request_as_a_duplicate_without_revealing_it(cast):
    colleague = UserFactory(
        roles=[PARTNER], organization=cast.partner.organization, name="Colleague Name"
    )
    theirs = CollaborationRequestFactory(
        requester=colleague,
        project=cast.pilot,
        kind="technical_expertise",
        message="Their confidential offer",
    )

    response = cast.client_for("partner").post("/collaborate/", form_data())

    assert response.status_code == 409
    html = response.content.decode()
    assert "Your organization already has an open request of this kind" in html
    assert f"/collaborate/{theirs.pk}/" not in html
    for secret in ("Their confidential offer", "Colleague Name"):
        assert secret not in html
    assert colleague.email not in html
    assert_form_refilled(html)
    assert CollaborationRequest.objects.count() == 1


def test_it_accepts_the_same_request_again_once_the_first_is_decided(cast):
    CollaborationRequestFactory(
        requester=cast.partner, project=cast.pilot, kind="technical_expertise", status="declined"
    )

    response = cast.client_for("partner").post("/collaborate/", form_data())

    assert response.status_code == 302
    assert CollaborationRequest.objects.count() == 2


def test_it_refuses_a_first_contacts_second_open_request_for_the_same_target(cast):
    client = cast.client_for("verified")
    assert client.post("/collaborate/", form_data(organization_name="Flood Lab")).status_code == 302

    response = client.post("/collaborate/", form_data(organization_name="Another name"))

    assert response.status_code == 409
    assert CollaborationRequest.objects.count() == 1


def test_it_does_not_let_a_typed_organization_name_block_or_reveal_someone_elses_request(cast):
    # Anyone can type any name: it is no proof of belonging to that organization.
    CollaborationRequestFactory(
        requester=cast.partner, project=cast.pilot, kind="technical_expertise"
    )
    client = cast.client_for("verified")

    response = client.post("/collaborate/", form_data(organization_name="Resilience Network"))

    assert response.status_code == 302
    assert CollaborationRequest.objects.count() == 2


def test_it_sends_a_form_only_once_and_points_a_second_click_at_the_request(cast):
    client = cast.client_for("partner")
    data = form_data()
    assert client.post("/collaborate/", data).status_code == 302
    sent = CollaborationRequest.objects.get()

    again = client.post("/collaborate/", data | {"kind": "funding"})

    assert again.status_code == 409
    html = again.content.decode()
    assert "This form was already sent once" in html
    assert f'href="/collaborate/{sent.pk}/"' in html
    assert TYPED in html
    assert again.context["started_token"] != data["form_started"]
    assert CollaborationRequest.objects.count() == 1


def test_it_refuses_a_used_form_token_from_another_account_without_a_link(cast):
    data = form_data()
    assert cast.client_for("partner").post("/collaborate/", data).status_code == 302
    sent = CollaborationRequest.objects.get()

    replayed = cast.client_for("verified").post("/collaborate/", data | {"kind": "funding"})

    assert replayed.status_code == 409
    assert f"/collaborate/{sent.pk}/" not in replayed.content.decode()
    assert CollaborationRequest.objects.count() == 1


def test_it_lets_a_refused_form_be_sent_again_with_the_same_token(cast):
    existing = CollaborationRequestFactory(
        requester=cast.partner, project=cast.pilot, kind="technical_expertise"
    )
    client = cast.client_for("partner")
    data = form_data()
    assert client.post("/collaborate/", data).status_code == 409
    existing.status = "withdrawn"
    existing.save()

    response = client.post("/collaborate/", data)

    assert response.status_code == 302
    assert CollaborationRequest.objects.count() == 2


@pytest.fixture(params=["locmem", pytest.param("redis", marks=pytest.mark.redis)])
def each_cache(request, settings):
    """The local-memory cache of development and tests, and Redis as in production."""
    if request.param == "locmem":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "collaboration-spam-tests",
            }
        }
    else:
        assert isinstance(caches["default"], ResilientRedisCache)
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_it_holds_the_limit_and_the_used_token_in_the_shared_cache(cast, settings, each_cache):
    settings.COLLABORATION_RATE_PER_USER = "2/h"
    client = cast.client_for("partner")
    data = form_data()
    assert client.post("/collaborate/", data).status_code == 302

    assert client.post("/collaborate/", data | {"kind": "funding"}).status_code == 409
    assert client.post("/collaborate/", form_data(kind="peer_exchange")).status_code == 429
    assert CollaborationRequest.objects.count() == 1
