"""{% city_card %}: a city in the cities list, written in Python. What it prints is escaped, and
its country, month, pilots and clusters are in the reader's language, page after page in
different languages (its kept country names and months are kept per language)."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from cities.models import Region
from cities.selectors import city_list
from clusters.models import Cluster, MembershipRole
from core.models import PublicationStatus
from tests.factories import (
    CityFactory,
    ClusterMembershipFactory,
    ProjectCityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _card(city, language="en") -> str:
    with translation.override(language):
        listed = city_list().get(pk=city.pk)
        return Template("{% load city_cards %}{% city_card city %}").render(
            Context({"city": listed})
        )


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_a_city_card_escapes_what_it_prints():
    city = CityFactory(name="<i>Tripoli</i> & co", summary="<b>bold</b> <script>x</script>")

    card = _card(city)

    assert "<i>" not in card and "<b>" not in card and "<script>" not in card
    assert "&lt;i&gt;Tripoli&lt;/i&gt; &amp; co" in card
    assert "&lt;script&gt;x&lt;/script&gt;" in card


def test_a_city_card_names_its_country_month_and_pilots_in_each_readers_language():
    city = CityFactory(
        name="Tripoli", country="LB", region=Region.ARAB_STATES, joined_on=dt.date(2022, 5, 17)
    )
    for _ in range(3):
        ProjectCityFactory(city=city, project=ProjectFactory())

    # English, Arabic, then English again: nothing kept for one language shows in another.
    english, arabic, english_again = (_card(city, language) for language in ("en", "ar", "en"))

    assert "Lebanon · Arab States" in _text(english)
    assert "3 pilots · joined May 2022" in _text(english)
    assert "لبنان" in arabic and "Lebanon" not in arabic
    assert "مايو" in arabic and "May" not in arabic
    assert english_again == english
    assert '<img class="flag" src="/static/flags/lb.gif" alt="" width="16" height="11">' in english


def test_a_city_card_counts_only_published_pilots_and_marks_a_lead_city():
    city = CityFactory(name="Shenzhen", joined_on=None)
    ProjectCityFactory(city=city, project=ProjectFactory())
    ProjectCityFactory(city=city, project=ProjectFactory(status=PublicationStatus.DRAFT))
    ClusterMembershipFactory(
        city=city,
        cluster=Cluster.objects.get(slug="disaster-risk-reduction"),
        role=MembershipRole.LEAD,
    )

    card = _card(city)

    assert "1 pilot" in _text(card) and "pilots" not in _text(card)
    assert "joined" not in card
    assert re.search(
        r'<li class="cluster-colour-disaster-risk-reduction">[^<]+ \(lead\)</li>', card
    )


def test_a_city_card_without_a_country_shows_its_region_alone():
    city = CityFactory(name="Somewhere", country="", region=Region.AFRICA)

    card = _card(city)

    assert 'class="flag"' not in card
    assert '<p class="item-meta">Africa</p>' in card
    assert 'class="tag-list"' not in card
