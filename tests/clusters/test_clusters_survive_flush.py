import pytest
from django.core.management import call_command

from clusters.models import Cluster


@pytest.mark.django_db(transaction=True)
def test_it_puts_the_seven_clusters_back_after_a_flush():
    call_command("flush", "--noinput", verbosity=0)

    assert Cluster.objects.count() == 7
    assert Cluster.objects.filter(slug="disaster-risk-reduction").exists()


@pytest.mark.django_db(transaction=True)
def test_it_leaves_edited_clusters_alone_when_migrate_runs_again():
    Cluster.objects.filter(slug="disaster-risk-reduction").update(summary="Edited by an editor")

    call_command("migrate", verbosity=0)

    assert Cluster.objects.get(slug="disaster-risk-reduction").summary == "Edited by an editor"
