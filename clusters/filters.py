"""Query parameters of the cluster endpoints; a value that matches nothing is a 400."""

from django.utils.translation import gettext_lazy as _

from core.filters import ListFilterSet, slug_filter

from .models import Cluster, ClusterMembership, Topic


def _member_cities(request):
    # Cities sit a layer above clusters: their model is reached through the membership's
    # relation rather than imported.
    return ClusterMembership._meta.get_field("city").related_model.objects.all()


def cluster_filter(*, field_name="clusters", help_text="Cluster slug.", distinct=True):
    # Every cluster for the API; a list page narrows it to the active ones (`prepare_page`).
    # `distinct=False` where the cluster is a foreign key: one row per item already.
    return slug_filter(
        _("Cluster"),
        field_name=field_name,
        queryset=Cluster.objects.all(),
        empty_label=_("Any cluster"),
        help_text=help_text,
        distinct=distinct,
    )


def topic_filter(*, field_name="topics", help_text="Topic slug (the clusters' vocabulary)."):
    # Every topic for the API; a list page narrows it to the topics of active clusters
    # (`active_topics`). One topic joins one row per item: no DISTINCT needed.
    return slug_filter(
        _("Topic"),
        field_name=field_name,
        queryset=Topic.objects.all(),
        empty_label=_("Any topic"),
        help_text=help_text,
        distinct=False,
    )


def active_topics():
    """The topics a list page offers: those of active clusters, in the vocabulary's order."""
    return Topic.objects.filter(cluster__in=Cluster.objects.active())


class ClusterFilter(ListFilterSet):
    """`/api/v1/clusters/`; the clusters page lists every active cluster unfiltered."""

    city = slug_filter(
        _("City"),
        field_name="memberships__city",
        queryset=_member_cities,
        empty_label=_("Any city"),
        help_text="Only clusters this city (slug) belongs to.",
    )

    class Meta:
        model = Cluster
        fields = ["city"]
