import django_filters
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from cities.filters import country_filter
from core.filters import LinkedChoiceFilter, ListFilterSet, slug_filter

from .models import Organization, OrganizationKind


class _OrganizationOptions(ModelChoiceIterator):
    """Each option from an organization's slug, name and acronym: a list page offers every
    organization, and building a model instance for each of 262 was 4 ms of the pilots list.

    An option shows what `Organization.__str__` shows (the acronym, else the name), in the
    alphabetical order of what it shows: sorted by name, an acronym that does not start with its
    name's first letter stood where nobody looking for it would look."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        options = [
            (slug, acronym or name)
            for slug, name, acronym in self.queryset.values_list("slug", "name", "acronym")
        ]
        yield from sorted(options, key=lambda option: (option[1].casefold(), option[0]))


class _OrganizationChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _OrganizationOptions


class OrganizationChoiceFilter(LinkedChoiceFilter):
    field_class = _OrganizationChoiceField


def organization_filter(*, label, field_name, empty_label, help_text="Organization slug."):
    return slug_filter(
        label,
        field_name=field_name,
        queryset=Organization.objects.order_by(),
        empty_label=empty_label,
        help_text=help_text,
        filter_class=OrganizationChoiceFilter,
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
