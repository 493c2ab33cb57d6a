import importlib

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def restore_seven_clusters_when_emptied(sender, using, apps=None, **kwargs):
    """Put the seeded clusters (and their topics) back when the table was emptied.

    `flush` (and so every transactional test, which flushes when it ends) sends post_migrate; the
    portal is meaningless without its seven thematic spaces. Only an empty table is refilled, so
    an editor's changes to a cluster are never overwritten by a later migrate.
    """
    if apps is None:  # flush sends the signal without a migration state
        from django.apps import apps
    cluster_model = apps.get_model("clusters", "Cluster")
    if cluster_model.objects.using(using).exists():
        return
    seed = importlib.import_module("clusters.migrations.0003_seed_seven_clusters")
    # The seed is English: it fills the English columns whatever language is active.
    with translation.override("en"):
        seed.create_clusters(apps, None)
        topics = importlib.import_module("clusters.migrations.0010_seed_topics")
        topics.create_topics(apps, None)


class ClustersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "clusters"
    verbose_name = _("Clusters")

    def ready(self):
        post_migrate.connect(restore_seven_clusters_when_emptied, sender=self)

        # What lower layers learn about clusters: editorial pages, following, digest headings.
        from notifications.registry import cluster_headings_register, followable_register

        from .editors import CLUSTER_EDITOR
        from .models import Cluster
        from .notifications import cluster_headings_lookup

        CLUSTER_EDITOR.register()
        followable_register(Cluster, field="cluster", objects=Cluster.objects.active)
        cluster_headings_register(cluster_headings_lookup)
