"""Query parameters of the resource endpoints; a value that matches nothing is a 400."""

import django_filters
from django_countries import countries

from accounts.models import Organization
from cities.models import City, Region
from clusters.models import Cluster
from core.api import ApiFilterSet, UtcIsoDateTimeFilter, filter_by_tag_slugs
from core.models import PublicationStatus
from projects.models import Project

from .models import Resource, ResourceKind


class ResourceFilter(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=ResourceKind.choices)
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
        help_text="City slug.",
    )
    country = django_filters.ChoiceFilter(
        field_name="cities__country",
        choices=list(countries),
        distinct=True,
        help_text="ISO 3166-1 alpha-2 code of a city the resource is about.",
    )
    region = django_filters.ChoiceFilter(
        field_name="cities__region", choices=Region.choices, distinct=True
    )
    project = django_filters.ModelChoiceFilter(
        field_name="projects",
        to_field_name="slug",
        queryset=Project.objects.all(),
        distinct=True,
        help_text="Project slug.",
    )
    organization = django_filters.ModelChoiceFilter(
        field_name="organizations",
        to_field_name="slug",
        queryset=Organization.objects.all(),
        distinct=True,
        help_text="Organization slug.",
    )
    language = django_filters.CharFilter(help_text="Language code, e.g. en.")
    published_after = UtcIsoDateTimeFilter(
        field_name="published_at", lookup_expr="gte", help_text="ISO 8601 date-time."
    )
    published_before = UtcIsoDateTimeFilter(
        field_name="published_at", lookup_expr="lte", help_text="ISO 8601 date-time."
    )
    tags = django_filters.CharFilter(
        method=filter_by_tag_slugs, help_text="Comma-separated tag slugs; any of them matches."
    )

    class Meta:
        model = Resource
        fields = [
            "kind",
            "status",
            "cluster",
            "city",
            "country",
            "region",
            "project",
            "organization",
            "language",
            "published_after",
            "published_before",
            "tags",
        ]
