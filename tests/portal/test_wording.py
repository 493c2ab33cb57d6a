"""Wording slips a reader notices: a doubled full stop after a time, "Online Online", "---------"
as a filter's empty choice, "Launched" for a date still to come, two password-reset links."""

import datetime as dt
import importlib
import re

import django_filters
import pytest
from django.apps import apps
from django.utils import timezone

from core.filters import ListFilterSet
from tests.factories import EventFactory, ProjectFactory

pytestmark = pytest.mark.django_db

EMPTY_CHOICE = "---------"


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.now().date() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def test_a_time_ending_a_sentence_has_one_full_stop(client):
    event = EventFactory(
        starts_at=_at(30, 14),
        ends_at=_at(30, 16),
        registration_opens_at=_at(-1, 9),
        registration_closes_at=_at(20, 9),
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "It closes on" in html
    assert "9 a.m.." not in html
    assert re.search(r"It closes on [^<]*, 9 a\.m\.(?!\.)", html)


def test_a_time_not_yet_open_has_one_full_stop(client):
    event = EventFactory(
        starts_at=_at(30, 14), ends_at=_at(30, 16), registration_opens_at=_at(10, 21)
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert re.search(r"Registration opens on [^<]*, 9 p\.m\.(?!\.)", html)


def test_an_online_event_says_online_once_with_its_link(client):
    event = EventFactory(format="online", online_url="https://meet.example.org/room")

    html = client.get(event.get_absolute_url()).content.decode()
    facts = html[html.index('id="when-heading"') : html.index("add-to-calendar")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", facts))

    assert "Online Online" not in text
    assert "Format Online · Join online" in text
    assert 'href="https://meet.example.org/room"' in facts


def test_a_pilot_launching_later_says_launches(client):
    later = ProjectFactory(start_date=timezone.localdate() + dt.timedelta(days=90))
    earlier = ProjectFactory(start_date=dt.date(2022, 10, 1))

    later_html = client.get(later.get_absolute_url()).content.decode()
    earlier_html = client.get(earlier.get_absolute_url()).content.decode()

    assert "<dt>Launches</dt>" in later_html and "Launched" not in later_html
    assert "<dt>Launched</dt>" in earlier_html


def test_a_pilot_launching_today_has_launched():
    assert ProjectFactory(start_date=timezone.localdate()).has_started


@pytest.mark.parametrize(
    "path", ["/cities/", "/partners/", "/events/", "/events/past/", "/projects/", "/resources/"]
)
def test_list_filters_offer_any_rather_than_dashes(client, path):
    html = client.get(path).content.decode()

    assert EMPTY_CHOICE not in html
    assert re.search(r'<option value=""( selected)?>Any [^<]+</option>', html)


def _filter_sets():
    for app in apps.get_app_configs():
        try:
            importlib.import_module(f"{app.name}.filters")
        except ModuleNotFoundError:
            continue
    found, todo = [], [ListFilterSet]
    while todo:
        for subclass in todo.pop().__subclasses__():
            found.append(subclass)
            todo.append(subclass)
    return found


def test_every_filter_set_is_checked():
    names = {filter_set.__name__ for filter_set in _filter_sets()}
    assert {"CityFilter", "EventFilter", "OrganizationFilter", "RegistrationFilter"} <= names


@pytest.mark.parametrize("filter_set", _filter_sets(), ids=lambda f: f.__name__)
def test_no_filter_offers_dashes_as_its_empty_choice(filter_set):
    # The API's browsable filter form and the list pages both render these choices.
    for name, filter_ in filter_set.base_filters.items():
        if not isinstance(filter_, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter):
            continue
        empty = filter_.extra.get("empty_label", EMPTY_CHOICE)
        assert (
            empty is None or str(empty).startswith("Any") or str(empty) == ("Programmes and pilots")
        ), f"{filter_set.__name__}.{name}: {empty!r}"


def test_the_review_queue_filters_say_any(client):
    from projects.collaboration_forms import ReviewQueueFilterForm

    html = ReviewQueueFilterForm().as_div()

    assert EMPTY_CHOICE not in html
    assert "All " not in html


def test_the_sign_in_page_has_one_forgot_password_link(client):
    html = client.get("/accounts/login/").content.decode()

    assert html.count("Forgot your password?") == 1
    assert html.count('href="/accounts/password/reset/"') == 1
