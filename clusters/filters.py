"""Query parameters of the cluster endpoints; a value that matches nothing is a 400."""

import django_filters
from django.forms.models import ModelChoiceIterator
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


class _TopicsByCluster(ModelChoiceIterator):
    """The options of a topic select under their cluster's name (an <optgroup> each), in the
    vocabulary's order: "Recovery planning" alone does not say which cluster it belongs to."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[int, tuple[str, list]] = {}
        for topic in self.queryset.select_related("cluster"):
            groups.setdefault(topic.cluster_id, (str(topic.cluster.name), []))[1].append(
                self.choice(topic)
            )
        yield from groups.values()


class _TopicChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _TopicsByCluster


class _TopicFilter(django_filters.ModelChoiceFilter):
    field_class = _TopicChoiceField


def topic_filter(*, field_name="topics", help_text="Topic slug (the clusters' vocabulary)."):
    # Every topic for the API; a list page narrows it to the topics of active clusters
    # (`active_topics`). One topic joins one row per item: no DISTINCT needed.
    return _TopicFilter(
        label=_("Topic"),
        field_name=field_name,
        to_field_name="slug",
        queryset=Topic.objects.all(),
        distinct=False,
        empty_label=_("Any topic"),
        help_text=help_text,
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
