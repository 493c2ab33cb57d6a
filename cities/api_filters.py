import django_filters
from django_countries import countries

from clusters.models import Cluster
from core.api import ApiFilterSet

from .models import City, Region


class CityFilter(ApiFilterSet):
    cluster = django_filters.ModelChoiceFilter(
        field_name="cluster_memberships__cluster",
        to_field_name="slug",
        queryset=Cluster.objects.all(),
        distinct=True,
        help_text="Only member cities of this cluster (slug).",
    )
    country = django_filters.ChoiceFilter(
        choices=list(countries), help_text="ISO 3166-1 alpha-2 code."
    )
    region = django_filters.ChoiceFilter(choices=Region.choices)
    hazard = django_filters.CharFilter(
        field_name="hazards__slug", distinct=True, help_text="Hazard tag slug, e.g. flood."
    )

    class Meta:
        model = City
        fields = ["cluster", "country", "region", "hazard"]
