"""Spam is kept out without a CAPTCHA, and a real partner who trips a check loses nothing typed."""

import re
import time

import pytest

from projects.collaboration_forms import started_token
from projects.models import CollaborationRequest
from tests.collaboration.conftest import form_data
from tests.factories import CollaborationRequestFactory

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


def test_it_counts_a_colleagues_open_request_as_a_duplicate(cast):
    from core.roles import PARTNER
    from tests.factories import UserFactory

    colleague = UserFactory(roles=[PARTNER], organization=cast.partner.organization)
    CollaborationRequestFactory(requester=colleague, project=cast.pilot, kind="technical_expertise")

    response = cast.client_for("partner").post("/collaborate/", form_data())

    assert response.status_code == 409
    assert CollaborationRequest.objects.count() == 1


def test_it_accepts_the_same_request_again_once_the_first_is_decided(cast):
    CollaborationRequestFactory(
        requester=cast.partner, project=cast.pilot, kind="technical_expertise", status="declined"
    )

    response = cast.client_for("partner").post("/collaborate/", form_data())

    assert response.status_code == 302
    assert CollaborationRequest.objects.count() == 2


def test_it_treats_first_contacts_with_the_same_organization_name_as_duplicates(cast):
    client = cast.client_for("verified")
    assert client.post("/collaborate/", form_data(organization_name="Flood Lab")).status_code == 302

    response = client.post("/collaborate/", form_data(organization_name="  flood   lab "))

    assert response.status_code == 409
    assert CollaborationRequest.objects.count() == 1
