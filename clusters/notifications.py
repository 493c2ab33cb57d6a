"""What the notifications app needs from clusters: the headings a digest groups items under
(registered from ClustersConfig.ready())."""

from core.visibility import public
from notifications.content import in_reader_language, page_path
from notifications.registry import ClusterHeading

from .models import Cluster


def cluster_headings_lookup(cluster_ids) -> dict[int, ClusterHeading]:
    """One query, whatever the number of clusters."""
    # An inactive cluster is no heading: what sits in it is filed under its other clusters.
    clusters = public(Cluster).filter(pk__in=cluster_ids).only("pk", "name", "slug", "order")
    return {
        cluster.pk: ClusterHeading(
            pk=cluster.pk,
            name=in_reader_language(lambda cluster=cluster: cluster.name),
            path=page_path(cluster),
            rank=(cluster.order, cluster.name),
        )
        for cluster in clusters
    }
