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


@pytest.mark.django_db(transaction=True)
def test_after_a_flush_the_seeds_come_back_as_the_later_migrations_left_them():
    # clusters/apps.py replays 0012 (topic names in every language) and 0013 (the waste
    # cluster's brown), and portal/apps.py the site pages' translations.
    from clusters.models import Topic
    from portal.models import SitePage

    call_command("flush", "--noinput", verbosity=0)

    assert not Topic.objects.filter(name_ar="").exists()
    assert not Topic.objects.filter(name_ar__isnull=True).exists()
    assert Topic.objects.filter(slug="early-warning-systems").values_list("name_fr", flat=True)[0]
    waste = Cluster.objects.get(slug="waste-management-green-cities-renewable-energy")
    assert waste.colour == "#6d4c41"
    assert SitePage.objects.filter(slug="privacy").values_list("title_ar", flat=True)[0]
