"""Query parameters of the cluster endpoints; a value that matches nothing is a 400."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ListFilterSet

from .models import Cluster, ClusterMembership


def _member_cities(request):
    # Cities sit a layer above clusters: their model is reached through the membership's
    # relation rather than imported.
    return ClusterMembership._meta.get_field("city").related_model.objects.all()


class ClusterFilter(ListFilterSet):
    """`/api/v1/clusters/`; the clusters page lists every active cluster unfiltered."""

    city = django_filters.ModelChoiceFilter(
        label=_("City"),
        field_name="memberships__city",
        to_field_name="slug",
        queryset=_member_cities,
        distinct=True,
        empty_label=_("Any city"),
        help_text="Only clusters this city (slug) belongs to.",
    )

    class Meta:
        model = Cluster
        fields = ["city"]
