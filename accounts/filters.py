import django_filters
from django.utils.translation import gettext_lazy as _

from cities.filters import country_filter
from core.filters import ListFilterSet, slug_filter

from .models import Organization, OrganizationKind


def organization_filter(*, label, field_name, empty_label, help_text="Organization slug."):
    return slug_filter(
        label,
        field_name=field_name,
        # What an option shows (`__str__`) and sends: a page lists every organization, and
        # whole rows (descriptions in every language) cost a list page a third of its time.
        queryset=Organization.objects.only("slug", "name", "acronym").order_by("name"),
        empty_label=empty_label,
        help_text=help_text,
    )


class OrganizationFilter(ListFilterSet):
    """The partners page and `/api/v1/organizations/`."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind of organization"),
        choices=OrganizationKind.choices,
        empty_label=_("Any kind of organization"),
    )
    country = country_filter(help_text="ISO 3166-1 alpha-2 code.")

    page_fields = ("kind",)

    class Meta:
        model = Organization
