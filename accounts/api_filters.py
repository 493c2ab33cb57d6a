import django_filters
from django_countries import countries

from core.api import ApiFilterSet

from .models import Organization, OrganizationKind


class OrganizationFilter(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices)
    country = django_filters.ChoiceFilter(
        choices=list(countries), help_text="ISO 3166-1 alpha-2 code."
    )

    class Meta:
        model = Organization
        fields = ["kind", "country"]
