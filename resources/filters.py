import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.filters import organization_filter
from cities.filters import city_filter, country_filter, region_filter
from clusters.filters import cluster_filter
from core.filters import (
    ListFilterSet,
    UtcIsoDateTimeFilter,
    date_range_filters,
    publication_status_filter,
    tags_filter,
)
from projects.filters import offer_what_pages_show, project_filter

from .models import Resource, ResourceKind


class ResourceFilter(ListFilterSet):
    """The library and news pages and `/api/v1/resources/`; a value matching nothing is refused.

    `tag` (the pages' name, which their tag links use) and `tags` (the API's) are aliases: both
    take comma-separated tag slugs, any of which matches.
    """

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ResourceKind.choices, empty_label=_("Any kind")
    )
    cluster = cluster_filter()
    city = city_filter(field_name="cities", help_text="City slug.")
    tag = tags_filter(label=_("Tag"), help_text="Same as `tags` (the library page's name for it).")
    tags = tags_filter()
    status = publication_status_filter()
    country = country_filter(
        field_name="cities__country",
        help_text="ISO 3166-1 alpha-2 code of a city the resource is about.",
    )
    region = region_filter(field_name="cities__region")
    project = project_filter()
    organization = organization_filter(label=_("Organization"), field_name="organizations")
    language = django_filters.CharFilter(label=_("Language"), help_text="Language code, e.g. en.")
    published_after, published_before = date_range_filters(
        field_name="published_at",
        labels=(_("Published on or after"), _("Published on or before")),
        filter_class=UtcIsoDateTimeFilter,
        help_text="ISO 8601 date-time.",
    )

    page_fields = ("kind", "cluster", "city", "tag")

    class Meta:
        model = Resource

    def prepare_page(self):
        offer_what_pages_show(self)
