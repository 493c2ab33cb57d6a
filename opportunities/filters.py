import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cities.models import Region
from clusters.models import Cluster
from core.filters import ListFilterSet, filter_by_tag_slugs

from .models import Opportunity, OpportunityKind


class OpportunityState:
    OPEN = "open"
    CLOSED = "closed"
    choices = ((OPEN, pgettext_lazy("opportunity state", "Open")), (CLOSED, _("Closed")))


def _filter_state(queryset, name, value):
    now = timezone.now()
    if value == OpportunityState.OPEN:
        return queryset.open(now=now)
    if value == OpportunityState.CLOSED:
        # The most recently closed first: the archive reads backwards in time.
        return queryset.closed(now=now).order_by("-deadline", "-pk")
    return queryset


def _filter_region(queryset, name, value):
    return queryset.for_region(value) if value else queryset


class OpportunityFilter(ListFilterSet):
    """The `/opportunities/` page and `/api/v1/opportunities/`; a value matching nothing is refused."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OpportunityKind.choices, empty_label=_("Any kind")
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="cluster",
        to_field_name="slug",
        queryset=Cluster.objects.all(),
        empty_label=_("Any cluster"),
        help_text="Cluster slug.",
    )
    state = django_filters.ChoiceFilter(
        label=_("Open or closed"),
        choices=OpportunityState.choices,
        method=_filter_state,
        empty_label=_("Any state"),
        help_text="`open`: the deadline has not passed; `closed`: it has.",
    )
    region = django_filters.ChoiceFilter(
        label=_("Open to cities of"),
        choices=Region.choices,
        method=_filter_region,
        empty_label=_("Any region"),
        help_text="UN region code; opportunities open to every region match too.",
    )
    tag = django_filters.CharFilter(
        label=_("Topic"),
        method=filter_by_tag_slugs,
        help_text="Comma-separated topic (tag) slugs; any of them matches.",
    )

    page_fields = ("kind", "cluster", "state", "region")

    class Meta:
        model = Opportunity
        fields = ["kind", "cluster", "state", "region", "tag"]

    def prepare_page(self):
        self.change_page_filter("cluster", queryset=Cluster.objects.active())
