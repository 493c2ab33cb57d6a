import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.models import Organization
from cities.models import City, Region
from clusters.models import Cluster
from core.filters import ListFilterSet, filter_by_tag_slugs
from core.models import PublicationStatus

from .models import (
    CollaborationKind,
    CollaborationRequest,
    CollaborationStatus,
    Project,
    ProjectKind,
    ProjectPhase,
)


class ProjectFilter(ListFilterSet):
    """The pilots page and `/api/v1/projects/`.

    The pilots page calls the phase `status` (the public word for a project's lifecycle), while
    the API's `status` is the publication status, as on every other endpoint. Both names stay:
    on the page `status` (or `phase`) is the phase, and the page lists published projects only.
    """

    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.all(),
        distinct=True,
        empty_label=_("Any cluster"),
        help_text="Cluster slug.",
    )
    phase = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ProjectPhase.choices,
        empty_label=_("Any status"),
        help_text="Lifecycle phase (the pilots page calls it `status`).",
    )
    status = django_filters.ChoiceFilter(
        label=_("Publication"),
        choices=PublicationStatus.choices,
        empty_label=_("Any"),
        help_text="Drafts are only visible to UN staff.",
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"),
        field_name="cities",
        to_field_name="slug",
        queryset=City.objects.order_by("name"),
        distinct=True,
        empty_label=_("Any city"),
        help_text="Slug of a city taking part.",
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="cities__country",
        choices=list(countries),
        distinct=True,
        empty_label=_("Any country"),
        help_text="ISO 3166-1 alpha-2 code of a city taking part.",
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        field_name="cities__region",
        choices=Region.choices,
        distinct=True,
        empty_label=_("Any region"),
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="partners",
        to_field_name="slug",
        queryset=Organization.objects.order_by("name"),
        distinct=True,
        empty_label=_("Any partner"),
        help_text="Slug of a partner organization.",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ProjectKind.choices, empty_label=_("Programmes and pilots")
    )
    parent = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        to_field_name="slug",
        queryset=Project.objects.programmes(),
        empty_label=_("Any programme"),
        help_text="Slug of the programme the pilots run under.",
    )
    started_after = django_filters.DateFilter(
        label=_("Started on or after"),
        field_name="start_date",
        lookup_expr="gte",
        help_text="ISO date (YYYY-MM-DD).",
    )
    started_before = django_filters.DateFilter(
        label=_("Started on or before"),
        field_name="start_date",
        lookup_expr="lte",
        help_text="ISO date (YYYY-MM-DD).",
    )
    tags = django_filters.CharFilter(
        label=_("Tags"),
        method=filter_by_tag_slugs,
        help_text="Comma-separated tag slugs; any of them matches.",
    )

    page_fields = ("cluster", "status", "city", "partner", "kind")
    page_names = {"phase": "status"}

    class Meta:
        model = Project
        fields = [
            "cluster",
            "phase",
            "status",
            "city",
            "country",
            "region",
            "partner",
            "kind",
            "parent",
            "started_after",
            "started_before",
            "tags",
        ]

    def prepare_page(self):
        # The page offers what it can show: active clusters, published programmes.
        self.change_page_filter("cluster", queryset=Cluster.objects.active())
        self.change_page_filter(
            "parent", queryset=Project.objects.published().programmes().order_by("title")
        )


class CollaborationRequestFilter(ListFilterSet):
    """`/api/v1/collaboration-requests/`; the review queue's page has its own form."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=CollaborationKind.choices, empty_label=_("Any kind")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CollaborationStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = CollaborationRequest
        fields = ["kind", "status"]
