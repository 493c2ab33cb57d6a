"""Time zones named as a reader knows them (core/time_zones.py): the city in the reader's
language and the offset from UTC on the day shown, never the database's key alone."""

import datetime as dt

import pytest
from django.utils import translation

from accounts.forms import COMMON_TIME_ZONES
from core.time_zones import (
    canonical_zones,
    country_by_name,
    country_zones,
    zone_by_city,
    zone_label,
    zone_name,
    zone_nearest,
)

LRI, PDI = "\u2066", "\u2069"
WINTER = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", f"Beirut, {LRI}UTC+2{PDI}"),
        ("fr", f"Beyrouth, {LRI}UTC+2{PDI}"),
        ("ar", f"بيروت، {LRI}UTC+2{PDI}"),
        ("zh-hans", f"贝鲁特 {LRI}UTC+2{PDI}"),
    ],
)
def test_a_zone_is_named_by_its_city_in_the_readers_language(language, expected):
    with translation.override(language):
        assert zone_name("Asia/Beirut", WINTER) == expected


def test_the_offset_is_the_one_of_the_day_shown():
    with translation.override("en"):
        assert zone_name("Europe/Paris", WINTER) == f"Paris, {LRI}UTC+1{PDI}"
        assert zone_name("Europe/Paris", SUMMER) == f"Paris, {LRI}UTC+2{PDI}"


def test_half_hours_and_negative_offsets_are_written_out():
    with translation.override("en"):
        assert zone_name("Asia/Kolkata", WINTER) == f"Kolkata, {LRI}UTC+5:30{PDI}"
        # A true minus sign, as typeset, not a hyphen.
        assert zone_name("America/Sao_Paulo", WINTER) == f"São Paulo, {LRI}UTC\u22123{PDI}"


def test_zones_without_a_city_are_named_by_their_offset_alone():
    with translation.override("en"):
        assert zone_name("UTC", WINTER) == f"{LRI}UTC{PDI}"
        assert zone_name("Etc/GMT+3", WINTER) == f"{LRI}UTC\u22123{PDI}"


def test_a_name_no_database_knows_is_shown_as_it_was_typed():
    assert zone_name("Mars/Olympus_Mons") == "Mars/Olympus_Mons"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "zh-hans", "ru"])
def test_every_zone_offered_on_the_profile_has_a_name_in_every_language(language):
    with translation.override(language):
        for zone in COMMON_TIME_ZONES:
            name = zone_name(zone, WINTER)
            assert "/" not in name, (zone, name)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "beirut"),
        ("fr", "Beyrouth"),
        ("ar", "بيروت"),
        ("fr", "Beirut"),
        ("en", " Beirut "),
        # On a page in another language than the one the reader types in.
        ("en", "بيروت"),
        ("es", "贝鲁特"),
    ],
)
def test_a_city_typed_in_the_readers_language_or_in_english_finds_its_zone(language, typed):
    with translation.override(language):
        assert zone_by_city(typed) == "Asia/Beirut"


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        # A place's own zone, not an old alias that sorts first (Europe/Belfast, Asia/Chongqing).
        ("London", "Europe/London"),
        ("上海", "Asia/Shanghai"),
        # The name as the site writes it, copied back into the field.
        (f"Beirut, {LRI}UTC+2{PDI}", "Asia/Beirut"),
        ("نيروبي، UTC+3", "Africa/Nairobi"),
        ("Beyrouth, UTC+2 (Asia/Beirut)", "Asia/Beirut"),
    ],
)
def test_a_name_finds_the_places_own_zone_as_the_site_writes_it(typed, zone):
    with translation.override("en"):
        assert zone_by_city(typed) == zone


def test_the_zones_offered_are_one_per_place():
    zones = canonical_zones()

    assert "Europe/London" in zones and "Asia/Kolkata" in zones
    assert not {"Europe/Belfast", "Asia/Calcutta", "Asia/Chongqing", "Etc/GMT+3"} & set(zones)


def test_a_city_that_names_no_zone_finds_none():
    with translation.override("en"):
        assert zone_by_city("Atlantis") is None


def test_a_date_at_the_edge_of_the_calendar_takes_the_zones_offset_of_today():
    # An event saved with year 1 before dates were checked must still show.
    year_one = dt.datetime(1, 1, 1, tzinfo=dt.UTC)
    with translation.override("en"):
        # In Lima it would be the year 0, which Python cannot hold.
        assert zone_name("America/Lima", year_one) == f"Lima, {LRI}UTC\u22125{PDI}"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "zh-hans", "ru"])
def test_every_zone_as_a_box_shows_it_is_read_back_as_itself(language):
    with translation.override(language):
        for zone in ["UTC", *canonical_zones()]:
            label = zone_label(zone)
            assert (zone if label == zone else zone_by_city(label)) == zone, label


@pytest.mark.parametrize(
    ("typed", "country"),
    [
        ("Lebanon", "LB"),
        ("liban", "LB"),
        ("لبنان", "LB"),
        ("印度", "IN"),
        ("Бразилия", "BR"),
        ("Atlantis", None),
    ],
)
def test_a_country_is_found_by_its_name_in_any_of_the_six_languages(typed, country):
    assert country_by_name(typed) == country


def test_a_country_lists_each_of_its_zones_once():
    assert country_zones("LB") == ["Asia/Beirut"]
    assert sorted(country_zones("CN")) == ["Asia/Shanghai", "Asia/Urumqi"]
    assert "America/Sao_Paulo" in country_zones("BR") and len(country_zones("BR")) == 16
    assert country_zones("XX") == []


@pytest.mark.parametrize(
    ("country", "latitude", "longitude", "zone"),
    [
        ("BR", -25.43, -49.27, "America/Sao_Paulo"),  # Curitiba
        ("BR", -3.12, -60.02, "America/Manaus"),
        ("ID", -7.25, 112.75, "Asia/Jakarta"),  # Surabaya
        ("CN", 30.66, 104.06, "Asia/Shanghai"),  # Chengdu
        ("FJ", -18.14, 178.44, "Pacific/Fiji"),  # Suva
    ],
)
def test_a_place_gets_its_countrys_nearest_zone(country, latitude, longitude, zone):
    assert zone_nearest(country, latitude, longitude) == zone


def test_a_place_in_an_unknown_country_gets_no_zone():
    assert zone_nearest("XX", 0, 0) is None
