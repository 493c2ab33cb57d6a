"""The seven thematic clusters exist from the data migration, and it can be undone and redone."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from clusters.models import Cluster

# The seven clusters the portal was founded with, in their display order.
SEVEN_CLUSTER_NAMES = [
    "COVID-19 Response and Public Health",
    "Disaster Risk Reduction and Mitigation in Resilient Cities",
    "Sustainable Tourism, Heritage Protection and Creative Economy",
    "Sustainable Agriculture Value Chain Development",
    "E-Commerce, Digitization and Smart Cities",
    "Sustainable Transport and Air Quality",
    "Waste Management, Green Cities and Renewable Energy",
]

BEFORE_SEED = ("clusters", "0002_initial")
SEED = ("clusters", "0003_seed_seven_clusters")


def cluster_names_in_order() -> list[str]:
    return list(Cluster.objects.order_by("order").values_list("name", flat=True))


@pytest.mark.django_db
def test_it_creates_the_seven_clusters_with_their_names_in_order():
    assert cluster_names_in_order() == SEVEN_CLUSTER_NAMES
    assert all(cluster.is_active and cluster.slug for cluster in Cluster.objects.all())


# The flush that ends this test puts the seven clusters back (clusters.apps, post_migrate).
@pytest.mark.django_db(transaction=True)
def test_it_removes_and_recreates_the_clusters_when_reversed_and_reapplied():
    executor = MigrationExecutor(connection)
    fully_migrated = executor.loader.graph.leaf_nodes()

    executor.migrate([BEFORE_SEED])
    assert not Cluster.objects.exists()

    executor.loader.build_graph()
    executor.migrate([SEED])
    # The model as it stood then: today's has per-language columns the seed's table lacks.
    seeded = executor.loader.project_state([SEED]).apps.get_model("clusters", "Cluster")
    assert list(seeded.objects.order_by("order").values_list("name", flat=True)) == (
        SEVEN_CLUSTER_NAMES
    )

    executor.loader.build_graph()
    executor.migrate(fully_migrated)
