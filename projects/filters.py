import django_filters
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization
from cities.models import City
from clusters.models import Cluster

from .models import Project, ProjectKind, ProjectPhase


class ProjectFilter(django_filters.FilterSet):
    """Filters of the pilots page; an unknown slug or choice is a form error, not an empty list."""

    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="clusters",
        to_field_name="slug",
        queryset=Cluster.objects.active(),
        empty_label=_("All clusters"),
    )
    # The public word for a project's lifecycle is "status"; the model calls it phase because
    # `status` already means draft/published.
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="phase",
        choices=ProjectPhase.choices,
        empty_label=_("Any status"),
    )
    city = django_filters.ModelChoiceFilter(
        label=_("City"),
        field_name="cities",
        to_field_name="slug",
        queryset=City.objects.order_by("name"),
        empty_label=_("All cities"),
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        field_name="partners",
        to_field_name="slug",
        queryset=Organization.objects.order_by("name"),
        empty_label=_("All partners"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=ProjectKind.choices, empty_label=_("Programmes and pilots")
    )

    class Meta:
        model = Project
        fields = ["cluster", "status", "city", "partner", "kind"]

    def filter_queryset(self, queryset):
        # Filtering across many-to-many links can repeat a project; a page lists each once.
        return super().filter_queryset(queryset).distinct()
