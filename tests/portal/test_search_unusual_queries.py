"""Whatever a visitor types, search answers with a helpful page: suggestions when the box is
empty, a clear "nothing found" with clusters to browse, and never a server error."""

import pytest
from django.urls import reverse

from portal.search import MAX_QUERY_LENGTH
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

DRR_CLUSTER = "Disaster Risk Reduction and Mitigation in Resilient Cities"


def test_it_offers_clusters_and_popular_searches_when_the_box_is_empty(client):
    response = client.get(reverse("portal:search"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "outcome" not in response.context
    assert DRR_CLUSTER in html
    assert "Popular searches" in html
    assert 'name="q"' in html


def test_it_treats_a_blank_query_as_empty(client):
    response = client.get(reverse("portal:search"), {"q": "   \t  "})

    assert response.status_code == 200
    assert "outcome" not in response.context
    assert DRR_CLUSTER in response.content.decode()


def test_it_says_when_nothing_matches_and_suggests_clusters(client):
    ProjectFactory(title="Flood pilot")

    response = client.get(reverse("portal:search"), {"q": "zzyzxq"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing matches your search" in html
    assert DRR_CLUSTER in html


@pytest.mark.parametrize(
    "query",
    [
        "'\"&|!:*()",
        "flood & | ! :* ()",
        '"unterminated phrase',
        "-",
        "!!!",
        "<script>alert(1)</script>",
        "nul\x00byte",
        "قطاع الحد من مخاطر الكوارث",
        "减少灾害风险",
        "%_\\",
    ],
)
def test_it_never_fails_on_odd_characters(client, query):
    ProjectFactory(title="Flood pilot")

    response = client.get(reverse("portal:search"), {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_it_caps_a_very_long_query_and_says_so(client):
    ProjectFactory(title="Flood pilot")

    response = client.get(reverse("portal:search"), {"q": "flood " * 500})

    assert response.status_code == 200
    assert len(response.context["query"]) <= MAX_QUERY_LENGTH
    assert f"only its first {MAX_QUERY_LENGTH} characters" in response.content.decode()
