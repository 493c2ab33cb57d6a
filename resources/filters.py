import django_filters
from django.utils.translation import gettext_lazy as _

from cities.models import City
from clusters.models import Cluster

from .models import Resource, ResourceKind


class ResourceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ResourceKind.choices, empty_label=_("All kinds")
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.active(),
        empty_label=_("All clusters"),
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"),
        field_name="cities",
        to_field_name="slug",
        queryset=City.objects.order_by("name"),
        empty_label=_("All cities"),
    )
    tag = django_filters.CharFilter(label=_("Tag"), field_name="tags__slug")

    class Meta:
        model = Resource
        fields = ["kind", "cluster", "city", "tag"]

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).distinct()


class NewsFilter(ResourceFilter):
    """News is one kind, so its page filters by everything else."""

    class Meta(ResourceFilter.Meta):
        fields = ["cluster", "city", "tag"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("kind", None)
