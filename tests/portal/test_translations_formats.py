"""Dates and numbers follow the chosen locale: month names, date order and digit grouping."""

import datetime as dt

import pytest

from tests.factories import CityFactory, EventFactory

pytestmark = pytest.mark.django_db


def choose_language(client, code, path="/"):
    """Choose `code` with the language switcher on `path`; returns the page it lands on."""
    response = client.post("/i18n/setlang/", {"language": code, "next": path})
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.fixture
def event_on_15_march():
    starts_at = dt.datetime(2099, 3, 15, 9, 30, tzinfo=dt.UTC)
    return EventFactory(starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2))


@pytest.mark.parametrize(
    ("code", "date"),
    [
        ("en", "March 15, 2099"),
        ("fr", "15 mars 2099"),
        ("es", "15 de marzo de 2099"),
        ("ar", "15 مارس، 2099"),
        ("ru", "15 марта 2099 г."),
    ],
)
def test_it_writes_event_dates_in_the_chosen_locale(client, code, date, event_on_15_march):
    page = choose_language(client, code, "/events/").text

    assert f">{date}</time>" in page


def test_it_uses_the_locale_time_notation_on_the_event_page(client, event_on_15_march):
    french = choose_language(client, "fr", event_on_15_march.get_absolute_url()).text
    assert "15 mars 2099 09:30" in french

    english = choose_language(client, "en", event_on_15_march.get_absolute_url()).text
    assert "9:30 a.m." in english


@pytest.mark.parametrize(
    ("code", "population"),
    [
        ("en", "1,234,567"),
        # French and (since the RAE's 2010 rules) Spanish group digits with a no-break space.
        ("fr", "1\xa0234\xa0567"),
        ("es", "1\xa0234\xa0567"),
    ],
)
def test_it_groups_the_digits_of_a_city_population_the_locale_way(client, code, population):
    city = CityFactory(population=1234567)
    page = choose_language(client, code, city.get_absolute_url()).text

    assert population in page


@pytest.mark.parametrize(
    ("code", "joined"),
    [
        ("en", "joined April 2021"),
        ("fr", "membre depuis avril 2021"),
        ("es", "se unió en abril de 2021"),
        ("zh-hans", "加入于 2021年4月"),
        ("ru", "вступил: Апрель 2021 г."),
    ],
)
def test_it_says_when_a_city_joined_with_the_locale_month_and_year(client, code, joined):
    city = CityFactory(joined_on=dt.date(2021, 4, 12))

    assert joined in choose_language(client, code, city.get_absolute_url()).text
    assert joined in choose_language(client, code, "/cities/").text
