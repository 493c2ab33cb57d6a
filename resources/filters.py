import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.models import Organization
from cities.models import City, Region
from clusters.models import Cluster
from core.filters import ListFilterSet, UtcIsoDateTimeFilter, filter_by_tag_slugs
from core.models import PublicationStatus
from projects.models import Project

from .models import Resource, ResourceKind


class ResourceFilter(ListFilterSet):
    """The library and news pages and `/api/v1/resources/`; a value matching nothing is refused.

    `tag` (the pages' name, which their tag links use) and `tags` (the API's) are aliases: both
    take comma-separated tag slugs, any of which matches.
    """

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ResourceKind.choices, empty_label=_("Any kind")
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.all(),
        distinct=True,
        empty_label=_("Any cluster"),
        help_text="Cluster slug.",
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"),
        field_name="cities",
        to_field_name="slug",
        queryset=City.objects.order_by("name"),
        distinct=True,
        empty_label=_("Any city"),
        help_text="City slug.",
    )
    tag = django_filters.CharFilter(
        label=_("Tag"),
        method=filter_by_tag_slugs,
        help_text="Same as `tags` (the library page's name for it).",
    )
    tags = django_filters.CharFilter(
        label=_("Tags"),
        method=filter_by_tag_slugs,
        help_text="Comma-separated tag slugs; any of them matches.",
    )
    status = django_filters.ChoiceFilter(
        label=_("Publication"),
        choices=PublicationStatus.choices,
        empty_label=_("Any"),
        help_text="Drafts are only visible to UN staff.",
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="cities__country",
        choices=list(countries),
        distinct=True,
        empty_label=_("Any country"),
        help_text="ISO 3166-1 alpha-2 code of a city the resource is about.",
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        field_name="cities__region",
        choices=Region.choices,
        distinct=True,
        empty_label=_("Any region"),
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Pilot or programme"),
        field_name="projects",
        to_field_name="slug",
        queryset=Project.objects.all(),
        distinct=True,
        empty_label=_("Any project"),
        help_text="Project slug.",
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Organization"),
        field_name="organizations",
        to_field_name="slug",
        queryset=Organization.objects.order_by("name"),
        distinct=True,
        empty_label=_("Any organization"),
        help_text="Organization slug.",
    )
    language = django_filters.CharFilter(label=_("Language"), help_text="Language code, e.g. en.")
    published_after = UtcIsoDateTimeFilter(
        label=_("Published on or after"),
        field_name="published_at",
        lookup_expr="gte",
        help_text="ISO 8601 date-time.",
    )
    published_before = UtcIsoDateTimeFilter(
        label=_("Published on or before"),
        field_name="published_at",
        lookup_expr="lte",
        help_text="ISO 8601 date-time.",
    )

    page_fields = ("kind", "cluster", "city", "tag")

    class Meta:
        model = Resource
        fields = [
            "kind",
            "cluster",
            "city",
            "tag",
            "tags",
            "status",
            "country",
            "region",
            "project",
            "organization",
            "language",
            "published_after",
            "published_before",
        ]

    def prepare_page(self):
        # The page offers what it can show: active clusters, published pilots and programmes.
        self.change_page_filter("cluster", queryset=Cluster.objects.active())
        self.change_page_filter("project", queryset=Project.objects.published().order_by("title"))
