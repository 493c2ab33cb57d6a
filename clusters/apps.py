import importlib

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import app_config


def restore_seven_clusters_when_emptied(apps, using):
    """Put the seeded clusters (and their topics) back when the table was emptied.

    `flush` (and so every transactional test, which flushes when it ends) sends post_migrate; the
    portal is meaningless without its seven thematic spaces. Only an empty table is refilled, so
    an editor's changes to a cluster are never overwritten by a later migrate.
    """
    cluster_model = apps.get_model("clusters", "Cluster")
    if cluster_model.objects.using(using).exists():
        return
    seed = importlib.import_module("clusters.migrations.0003_seed_seven_clusters")
    # The seed is English: it fills the English columns whatever language is active.
    with translation.override("en"):
        seed.create_clusters(apps, None)
        topics = importlib.import_module("clusters.migrations.0010_seed_topics")
        topics.create_topics(apps, None)
        # The seeds as the later migrations left them: topic names in every language, the
        # waste cluster's colour told apart from agriculture's on the map.
        for module, function in (
            ("0012_seeded_topic_names_translated", "fill_topic_names"),
            ("0013_waste_cluster_colour_brown", "brown_waste_cluster"),
        ):
            getattr(importlib.import_module(f"clusters.migrations.{module}"), function)(apps, None)


class ClustersConfig(app_config.DomainAppConfig):
    name = "clusters"
    verbose_name = _("Clusters")
    restore_when_emptied = restore_seven_clusters_when_emptied

    def register(self):
        # What lower layers learn about clusters besides their editorial pages: following,
        # digest headings.
        from notifications.registry import cluster_headings_register, followable_register

        from .models import Cluster
        from .notifications import cluster_headings_lookup

        followable_register(Cluster, field="cluster", objects=Cluster.objects.active)
        cluster_headings_register(cluster_headings_lookup)
