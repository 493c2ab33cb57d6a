"""One click from a suggestion to a collaboration request that names both cities and the topic."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from projects.collaboration_guards import started_token
from projects.models import CollaborationRequest, CollaborationStatus
from tests.factories import CityOfficialFactory, PartnerFactory, StaffUserFactory
from tests.form_data import form_data


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def official(world):
    EmailAddress.objects.create(
        user=world.official, email=world.official.email, verified=True, primary=True
    )
    return world.official


def _filled_in(client, url) -> dict:
    """The form as it opens, sent back with an organization name a minute later."""
    data = dict(form_data(client.get(url).content.decode(), form_class="collaboration-form"))
    data["form_started"] = started_token(now=time.time() - 60)
    data["organization_name"] = "Municipality of Tripoli"
    return data


def _propose_url(client, world):
    world.refresh()
    page = client.get("/cities/tripoli/").content.decode()
    start = page.index('href="/collaborate/?city=shenzhen')
    return page[start + len('href="') : page.index('"', start + 6)].replace("&amp;", "&")


def test_propose_an_exchange_opens_the_form_filled_in(client, world, official):
    client.force_login(official)

    form = client.get(_propose_url(client, world)).content.decode()

    assert '<option value="city:shenzhen" selected>' in form
    assert form_data(form, form_class="collaboration-form").get("kind") == "peer_exchange"
    assert '<option value="tripoli" selected>' in form
    assert '<option value="early-warning-systems" selected>' in form
    assert "Tripoli would like to work with Shenzhen" in form
    assert "early warning systems" in form.lower()


def test_sending_it_records_a_request_with_both_cities_and_the_topic(client, world, official):
    client.force_login(official)
    url = _propose_url(client, world)

    response = client.post(url, _filled_in(client, url))

    assert response.status_code == 302, response.content.decode()[:2000]
    request = CollaborationRequest.objects.get()
    assert request.city == world.shenzhen
    assert request.from_city == world.tripoli
    assert request.topic == world.early_warning
    assert request.kind == "peer_exchange"
    assert request.status == CollaborationStatus.SUBMITTED
    page = client.get(response["Location"]).content.decode()
    assert "On behalf of the city" in page and "Early warning systems" in page


def test_the_matrix_counts_the_request_and_its_acceptance(client, world, official):
    client.force_login(official)
    url = _propose_url(client, world)
    client.post(url, _filled_in(client, url))
    CollaborationRequest.objects.update(status=CollaborationStatus.ACCEPTED)
    client.force_login(StaffUserFactory())

    page = client.get("/matchmaking/").content.decode()

    assert "1 collaboration request came from a match." in page
    assert "1 of them was accepted." in page
    assert "Tripoli → Shenzhen" in page


def test_an_official_cannot_speak_for_another_city(client, world):
    other = CityOfficialFactory()
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)
    client.force_login(other)

    form = client.get(
        "/collaborate/?city=shenzhen&kind=peer_exchange&from_city=tripoli"
        "&topic=early-warning-systems"
    ).content.decode()

    assert '<option value="tripoli"' not in form
    assert f'<option value="{other.city.slug}">' in form


def test_a_partner_is_not_asked_for_a_city(client, world):
    partner = PartnerFactory()
    EmailAddress.objects.create(user=partner, email=partner.email, verified=True, primary=True)
    client.force_login(partner)

    form = client.get("/collaborate/?city=shenzhen&from_city=tripoli").content.decode()

    assert 'name="from_city"' not in form
    assert 'name="topic"' in form
