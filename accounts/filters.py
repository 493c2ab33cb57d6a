import re

import django_filters
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cities.filters import country_filter
from core.filters import (
    LinkedChoiceFilter,
    ListFilterSet,
    SlugOrNameField,
    SuggestionBox,
    slug_filter,
)

from .models import Organization, OrganizationKind

# What Organization.display_name shows: the name, then the acronym in brackets.
_NAME_AND_ACRONYM = re.compile(r"(?P<name>.+) \((?P<acronym>[^()]+)\)")


class OrganizationField(SlugOrNameField):
    """An organization named by its slug (links, the API), its name or its acronym.

    A page shows a text box with suggestions from `/partners/names/`, not a select of every
    organization: at 262 organizations the select was 13 kB of the pilots page's 43 kB, and it
    grows with every partner that joins, for readers on slow connections. Typed without the
    suggestions, a name or an acronym that one organization bears is enough.
    """

    widget = SuggestionBox(url=reverse_lazy("partners:names"), key="partners")
    unknown_message = _("No organization is called %(name)s.")
    ambiguous_message = _(
        "Several organizations are called %(name)s: choose one from the suggestions."
    )

    def named(self, name):
        named = Q(name__iexact=name) | Q(acronym__iexact=name)
        # A suggestion's label as the box shows it: "United Nations Development Programme (UNDP)".
        if match := _NAME_AND_ACRONYM.fullmatch(name):
            named |= Q(name__iexact=match["name"], acronym__iexact=match["acronym"])
        return named


class OrganizationChoiceFilter(LinkedChoiceFilter):
    field_class = OrganizationField


def organization_filter(*, label, field_name, help_text="Organization slug."):
    return slug_filter(
        label,
        field_name=field_name,
        queryset=Organization.objects.order_by(),
        empty_label=None,  # a text box: nothing typed is any organization
        help_text=f"{help_text} A name or an acronym that one organization alone bears is taken "
        "too (any case); a value that is a slug is read as the slug.",
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
