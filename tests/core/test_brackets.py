"""A remark in brackets after a name ("Tripoli (Learning city)") is written as the reader's
language writes it: Chinese uses full-width brackets, which carry their own space."""

import pytest
from django.utils import translation

from core.content_language import bracketed
from tests.factories import CityFactory, ProjectCityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", " (Learning city)"), ("fr", " (Ville apprenante)"), ("zh-hans", "（学习城市）")],
)
def test_a_remark_takes_the_readers_brackets(language, expected):
    with translation.override(language):
        assert bracketed(translation.gettext("Learning city")) == expected


def test_a_remark_is_escaped():
    assert bracketed("<b>lead</b>") == " (&lt;b&gt;lead&lt;/b&gt;)"


def test_a_pilots_cities_carry_their_roles_in_the_readers_brackets(client):
    pilot = ProjectFactory(title="Disaster risk governance", slug="drr-governance")
    city = CityFactory(name="Tripoli", name_zh_hans="的黎波里")
    ProjectCityFactory(project=pilot, city=city, role="learning")

    english = client.get("/projects/drr-governance/").content.decode()
    chinese = client.get("/zh-hans/projects/drr-governance/").content.decode()

    assert "Tripoli</a> (Learning city)" in english
    assert "的黎波里</a>（学习城市）" in chinese
    assert "的黎波里</a> (" not in chinese


def test_the_search_pages_counts_take_the_readers_brackets(client):
    CityFactory(name="Tripoli", name_zh_hans="的黎波里", summary="A port facing floods.")

    english = client.get("/search/", {"q": "Tripoli"}).content.decode()
    chinese = client.get("/zh-hans/search/", {"q": "Tripoli"}).content.decode()

    assert '<span class="count"> (1)</span>' in english
    assert '<span class="count">（1）</span>' in chinese
