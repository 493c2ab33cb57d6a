"""The API root names everything the API holds, opportunities and the figures included."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_description_names_opportunities_the_map_and_the_figures(client):
    body = client.get("/api/v1/", HTTP_ACCEPT="application/json").json()

    assert "opportunities" in body["description"]
    assert "the map and the programme's figures" in body["description"]
    portal = next(row for row in body["endpoints"] if row["name"] == "me/portal")
    assert "applications" in portal["description"]
