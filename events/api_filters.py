import django_filters
from django_countries import countries

from accounts.models import Organization
from cities.models import City, Region
from clusters.models import Cluster
from core.api import ApiFilterSet, StrictBooleanFilter, UtcIsoDateTimeFilter
from core.models import PublicationStatus
from projects.models import Project

from .models import Event, EventFormat, EventKind, Registration, RegistrationStatus, TrainingSeries


class EventFilter(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    # Not "format": DRF reserves ?format= for choosing the response's renderer.
    event_format = django_filters.ChoiceFilter(field_name="format", choices=EventFormat.choices)
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
        to_field_name="slug", queryset=City.objects.all(), help_text="Slug of the host city."
    )
    country = django_filters.ChoiceFilter(
        field_name="city__country",
        choices=list(countries),
        help_text="ISO 3166-1 alpha-2 code of the host city.",
    )
    region = django_filters.ChoiceFilter(field_name="city__region", choices=Region.choices)
    project = django_filters.ModelChoiceFilter(
        field_name="projects",
        to_field_name="slug",
        queryset=Project.objects.all(),
        distinct=True,
        help_text="Project slug.",
    )
    series = django_filters.ModelChoiceFilter(
        to_field_name="slug", queryset=TrainingSeries.objects.all(), help_text="Series slug."
    )
    cohost = django_filters.ModelChoiceFilter(
        field_name="cohosts",
        to_field_name="slug",
        queryset=Organization.objects.all(),
        distinct=True,
        help_text="Slug of a co-hosting organization.",
    )
    starts_after = UtcIsoDateTimeFilter(
        field_name="starts_at", lookup_expr="gte", help_text="ISO 8601 date-time."
    )
    starts_before = UtcIsoDateTimeFilter(
        field_name="starts_at", lookup_expr="lte", help_text="ISO 8601 date-time."
    )

    class Meta:
        model = Event
        fields = [
            "kind",
            "event_format",
            "status",
            "cluster",
            "city",
            "country",
            "region",
            "project",
            "series",
            "cohost",
            "starts_after",
            "starts_before",
        ]


class TrainingSeriesFilter(ApiFilterSet):
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
    organizer = django_filters.ModelChoiceFilter(
        field_name="organizers",
        to_field_name="slug",
        queryset=Organization.objects.all(),
        distinct=True,
        help_text="Organization slug.",
    )
    is_certified = StrictBooleanFilter()
    year = django_filters.NumberFilter(
        method="filter_year",
        min_value=1900,
        max_value=2200,
        help_text="Series running in this year.",
    )

    class Meta:
        model = TrainingSeries
        fields = ["status", "cluster", "organizer", "is_certified", "year"]

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(start_year__lte=year).exclude(end_year__lt=year)


class RegistrationFilter(ApiFilterSet):
    status = django_filters.ChoiceFilter(choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["status"]
