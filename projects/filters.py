import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.filters import organization_filter
from cities.filters import city_filter, country_filter, region_filter
from clusters.filters import cluster_filter
from clusters.models import Cluster
from core.filters import (
    ListFilterSet,
    date_range_filters,
    publication_status_filter,
    slug_filter,
    tags_filter,
)

from .models import (
    CollaborationKind,
    CollaborationRequest,
    CollaborationStatus,
    Project,
    ProjectKind,
    ProjectPhase,
)


def project_filter(
    *,
    label=None,
    field_name="projects",
    queryset=None,
    empty_label=None,
    help_text="Project slug.",
):
    # Every project for the API; a list page narrows it to the published ones
    # (`offer_what_pages_show`).
    return slug_filter(
        label or _("Pilot or programme"),
        field_name=field_name,
        queryset=Project.objects.all() if queryset is None else queryset,
        empty_label=empty_label or _("Any pilot or programme"),
        help_text=help_text,
    )


def offer_what_pages_show(filter_set) -> None:
    """A list page offers what it can show: active clusters, published pilots and programmes
    (from its `prepare_page`; the API takes every value)."""
    filter_set.change_page_filter("cluster", queryset=Cluster.objects.active())
    filter_set.change_page_filter("project", queryset=Project.objects.published().order_by("title"))


class ProjectFilter(ListFilterSet):
    """The pilots page and `/api/v1/projects/`.

    The pilots page calls the phase `status` (the public word for a project's lifecycle), while
    the API's `status` is the publication status, as on every other endpoint. Both names stay:
    on the page `status` (or `phase`) is the phase, and the page lists published projects only.
    """

    cluster = cluster_filter()
    phase = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ProjectPhase.choices,
        empty_label=_("Any status"),
        help_text="Lifecycle phase (the pilots page calls it `status`).",
    )
    status = publication_status_filter()
    city = city_filter(field_name="cities", help_text="Slug of a city taking part.")
    country = country_filter(
        field_name="cities__country", help_text="ISO 3166-1 alpha-2 code of a city taking part."
    )
    region = region_filter(field_name="cities__region")
    partner = organization_filter(
        label=_("Partner"),
        field_name="partners",
        help_text="Slug of a partner organization.",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ProjectKind.choices, empty_label=_("Programmes and pilots")
    )
    parent = project_filter(
        label=_("Programme"),
        field_name="parent",
        queryset=Project.objects.programmes(),
        empty_label=_("Any programme"),
        help_text="Slug of the programme the pilots run under.",
    )
    started_after, started_before = date_range_filters(
        field_name="start_date",
        labels=(_("Started on or after"), _("Started on or before")),
        help_text="ISO date (YYYY-MM-DD).",
    )
    tags = tags_filter()

    page_fields = ("cluster", "status", "city", "partner", "kind")
    page_names = {"phase": "status"}

    class Meta:
        model = Project

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
