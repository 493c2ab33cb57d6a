import pytest

from clusters.models import Cluster

pytestmark = pytest.mark.django_db


def test_it_lists_the_active_clusters_with_links(client):
    Cluster.objects.filter(slug="sustainable-transport-air-quality").update(is_active=False)

    response = client.get("/clusters/")

    assert response.status_code == 200
    assert 'href="/clusters/disaster-risk-reduction/"' in response.text
    assert "Sustainable Transport and Air Quality" not in response.text


def test_it_says_so_when_no_cluster_is_open(client):
    Cluster.objects.update(is_active=False)
    response = client.get("/clusters/")
    assert "No cluster is open yet." in response.text
