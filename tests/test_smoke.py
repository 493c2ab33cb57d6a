import pytest


@pytest.mark.django_db
def test_it_lists_the_seven_clusters_on_the_home_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Disaster Risk Reduction and Mitigation in Resilient Cities" in response.content
