import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.filters import ListFilterSet

from .models import Organization, OrganizationKind


class OrganizationFilter(ListFilterSet):
    """The partners page and `/api/v1/organizations/`."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind of organization"),
        choices=OrganizationKind.choices,
        empty_label=_("Any kind of organization"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=list(countries),
        empty_label=_("Any country"),
        help_text="ISO 3166-1 alpha-2 code.",
    )

    page_fields = ("kind",)

    class Meta:
        model = Organization
        fields = ["kind", "country"]
