"""A page named by its slug gets the address reverse() gives, reversed once per language."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

import core.routes
from core.routes import slug_url

DETAIL_PAGES = [
    "clusters:detail",
    "cities:detail",
    "projects:detail",
    "events:detail",
    "events:series",
    "resources:detail",
    "partners:detail",
    "opportunities:detail",
    "portal:page",
]


@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh-hans"])
def test_it_gives_the_address_reverse_gives_in_each_language(language):
    with translation.override(language):
        for name in DETAIL_PAGES:
            for slug in ("tripoli-lebanon", "a", "slug-mark", "2026_flood_guide"):
                assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug}), name


def test_an_address_under_a_script_prefix_keeps_the_prefix():
    set_script_prefix("/portal/")
    try:
        with translation.override("fr"):
            assert slug_url("cities:detail", "beirut") == "/portal/fr/cities/beirut/"
    finally:
        set_script_prefix("/")
    assert slug_url("cities:detail", "beirut") == "/cities/beirut/"


def test_a_slug_the_address_cannot_take_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        slug_url("cities:detail", "tripoli/lebanon")
    with pytest.raises(NoReverseMatch):
        slug_url("cities:detail", "")


def test_many_addresses_in_one_language_reverse_once(calls_to):
    core.routes._around_slug.cache_clear()
    reversed_calls = calls_to(core.routes, "reverse")
    with translation.override("ar"):
        addresses = [slug_url("projects:detail", f"pilot-{number}") for number in range(50)]

    assert [args[0] for args, _kwargs in reversed_calls] == ["projects:detail"]
    assert addresses[7] == "/ar/projects/pilot-7/"
