import django_filters
from django_countries import countries

from accounts.models import Organization
from cities.models import City, Region
from clusters.models import Cluster
from core.api import ApiFilterSet, filter_by_tag_slugs
from core.models import PublicationStatus

from .models import (
    CollaborationKind,
    CollaborationRequest,
    CollaborationStatus,
    Project,
    ProjectKind,
    ProjectPhase,
)


class ProjectFilter(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=ProjectKind.choices)
    phase = django_filters.ChoiceFilter(choices=ProjectPhase.choices)
    status = django_filters.ChoiceFilter(
        choices=PublicationStatus.choices, help_text="Drafts are only visible to UN staff."
    )
    cluster = django_filters.ModelChoiceFilter(
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.all(),
        distinct=True,
        help_text="Cluster slug.",
    )
    city = django_filters.ModelChoiceFilter(
        field_name="cities",
        to_field_name="slug",
        queryset=City.objects.all(),
        distinct=True,
        help_text="Slug of a city taking part.",
    )
    country = django_filters.ChoiceFilter(
        field_name="cities__country",
        choices=list(countries),
        distinct=True,
        help_text="ISO 3166-1 alpha-2 code of a city taking part.",
    )
    region = django_filters.ChoiceFilter(
        field_name="cities__region", choices=Region.choices, distinct=True
    )
    partner = django_filters.ModelChoiceFilter(
        field_name="partners",
        to_field_name="slug",
        queryset=Organization.objects.all(),
        distinct=True,
        help_text="Slug of a partner organization.",
    )
    parent = django_filters.ModelChoiceFilter(
        to_field_name="slug",
        queryset=Project.objects.programmes(),
        help_text="Slug of the programme the pilots run under.",
    )
    started_after = django_filters.DateFilter(
        field_name="start_date", lookup_expr="gte", help_text="ISO date (YYYY-MM-DD)."
    )
    started_before = django_filters.DateFilter(
        field_name="start_date", lookup_expr="lte", help_text="ISO date (YYYY-MM-DD)."
    )
    tags = django_filters.CharFilter(
        method=filter_by_tag_slugs, help_text="Comma-separated tag slugs; any of them matches."
    )

    class Meta:
        model = Project
        fields = [
            "kind",
            "phase",
            "status",
            "cluster",
            "city",
            "country",
            "region",
            "partner",
            "parent",
            "started_after",
            "started_before",
            "tags",
        ]


class CollaborationRequestFilter(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=CollaborationKind.choices)
    status = django_filters.ChoiceFilter(choices=CollaborationStatus.choices)

    class Meta:
        model = CollaborationRequest
        fields = ["kind", "status"]
