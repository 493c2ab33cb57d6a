"""Refreshing a city's suggestions: what is suggested, what is left out, what is kept."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cities.models import CityNeed, CityOffer
from events.models import RegistrationStatus
from matchmaking import services
from matchmaking.models import CityMatch
from matchmaking.tasks import refresh_all_matches
from tests.factories import ProjectCityFactory, RegistrationFactory
from tests.form_data import form_data


def _suggested(world):
    return {(row.kind, row.target_id) for row in CityMatch.objects.filter(city=world.tripoli)}


def test_it_suggests_peer_cities_pilots_events_and_organizations(world):
    world.refresh()

    assert _suggested(world) == {
        ("city", world.shenzhen.pk),
        ("pilot", world.pilot.pk),
        ("event", world.training.pk),
        ("organization", world.ndrcc.pk),
    }


def test_a_peer_city_scores_its_topic_hazards_and_cluster(world):
    world.refresh()

    shenzhen = CityMatch.objects.get(city=world.tripoli, kind="city")
    assert shenzhen.score_parts == {"topic": 10, "hazard": 4, "cluster": 3}
    assert shenzhen.score == 17
    assert shenzhen.topic == world.early_warning


def test_a_city_that_offers_nothing_needed_is_not_suggested(world):
    world.refresh()

    assert ("city", world.beirut.pk) not in _suggested(world)


def test_a_partner_city_is_not_suggested_for_what_their_pilot_already_covers(world):
    shared = world.pilot
    shared.topics.set([world.early_warning])
    ProjectCityFactory(project=shared, city=world.tripoli)
    ProjectCityFactory(project=shared, city=world.shenzhen)

    world.refresh()

    suggested = _suggested(world)
    assert ("city", world.shenzhen.pk) not in suggested
    # Tripoli is in the pilot now: it is not suggested to it either.
    assert ("pilot", world.pilot.pk) not in suggested


def test_a_partner_city_is_still_suggested_for_a_need_their_pilot_does_not_cover(world):
    shared = world.pilot
    shared.topics.set([world.governance])
    ProjectCityFactory(project=shared, city=world.tripoli)
    ProjectCityFactory(project=shared, city=world.shenzhen)

    world.refresh()

    assert ("city", world.shenzhen.pk) in _suggested(world)


def test_an_event_an_official_registered_for_is_not_suggested(world):
    RegistrationFactory(
        user=world.official, event=world.training, status=RegistrationStatus.REGISTERED
    )

    world.refresh()

    assert ("event", world.training.pk) not in _suggested(world)


def test_past_events_and_completed_pilots_are_not_suggested(world):
    world.training.starts_at = timezone.now() - dt.timedelta(days=3)
    world.training.ends_at = world.training.starts_at + dt.timedelta(hours=2)
    world.training.save()
    world.pilot.phase = "completed"
    world.pilot.save()

    world.refresh()

    assert {kind for kind, _pk in _suggested(world)} == {"city", "organization"}


def test_a_refresh_keeps_when_a_suggestion_was_first_made_and_drops_what_no_longer_holds(world):
    world.refresh()
    first = CityMatch.objects.get(city=world.tripoli, kind="city").first_seen_at
    CityOffer.objects.filter(city=world.shenzhen).delete()
    CityNeed.objects.create(city=world.tripoli, topic=world.building_codes)

    world.refresh()

    assert ("city", world.shenzhen.pk) not in _suggested(world)
    beirut = CityMatch.objects.get(city=world.tripoli, kind="city", target_id=world.beirut.pk)
    assert beirut.first_seen_at >= first
    CityOffer.objects.create(city=world.shenzhen, topic=world.building_codes)
    world.refresh()
    assert CityMatch.objects.get(city=world.tripoli, target_id=world.beirut.pk, kind="city").pk == (
        beirut.pk
    )


def test_a_city_without_needs_has_no_suggestions(world):
    world.refresh()
    CityNeed.objects.filter(city=world.tripoli).delete()

    world.refresh()

    assert not CityMatch.objects.filter(city=world.tripoli).exists()


def test_a_new_offer_refreshes_the_cities_that_need_it_once_committed(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr(
        services.refresh_matches,
        "delay",
        lambda *args: sent.append(args) or services.refresh_matches(*args),
    )
    with django_capture_on_commit_callbacks(execute=True):
        CityOffer.objects.create(city=world.beirut, topic=world.early_warning)
        CityOffer.objects.create(city=world.beirut, topic=world.governance)
        assert not _suggested(world)  # not before the commit

    # One task for the whole transaction, which found Beirut for Tripoli.
    assert len(sent) == 1
    assert world.tripoli.pk in sent[0][0] or world.early_warning.pk in sent[0][1]
    assert ("city", world.beirut.pk) in _suggested(world)


def test_a_need_saved_on_the_city_page_refreshes_the_city(
    world, client, django_capture_on_commit_callbacks
):
    client.force_login(world.official)
    url = reverse("cities:edit", kwargs={"slug": "tripoli"})

    data = dict(form_data(client.get(url).content.decode(), form_class="editor-form"))
    data["needs-2-topic"] = str(world.building_codes.pk)
    data["needs-TOTAL_FORMS"] = "3"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 302
    assert set(world.tripoli.needs.values_list("topic__slug", flat=True)) == {
        "early-warning-systems",
        "risk-governance",
        "building-codes",
    }
    assert ("city", world.beirut.pk) in _suggested(world)


def test_the_nightly_task_refreshes_every_city_with_needs(world):
    result = refresh_all_matches.delay().get()

    assert result == {"cities": 1}
    assert ("city", world.shenzhen.pk) in _suggested(world)


@pytest.mark.parametrize("kind", ["pilot", "event"])
def test_a_withdrawn_item_disappears_from_the_suggestions_at_once(world, client, kind):
    world.refresh()
    hidden = world.pilot if kind == "pilot" else world.training
    type(hidden).objects.filter(pk=hidden.pk).update(status="draft", published_at=None)

    page = client.get("/cities/tripoli/").content.decode()

    assert hidden.title not in page
    assert "Shenzhen" in page
