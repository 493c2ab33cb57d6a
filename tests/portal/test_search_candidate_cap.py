"""A very common word is counted and listed up to a cap, and the page says so."""

import pytest

from portal import search
from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_it_caps_the_matches_of_a_very_common_word_and_tells_the_visitor(client, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 3)
    for number in range(5):
        ResourceFactory(title=f"Drought bulletin {number}")
    response = client.get("/search/", {"q": "drought", "type": "resource"})
    outcome = response.context["outcome"]
    assert outcome.was_truncated
    assert outcome.total == 3
    assert "more than 3 items" in response.content.decode()


def test_it_counts_exactly_below_the_cap(client):
    for number in range(4):
        ResourceFactory(title=f"Cyclone bulletin {number}")
    response = client.get("/search/", {"q": "cyclone"})
    assert response.context["outcome"].total == 4
    assert not response.context["outcome"].was_truncated
