import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cities.models import Region
from clusters.filters import active_topics, cluster_filter, topic_filter
from clusters.models import Cluster
from core.filters import ListFilterSet

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
    cluster = cluster_filter(field_name="cluster", distinct=False)
    topic = topic_filter()
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

    page_fields = ("kind", "cluster", "topic", "state", "region")

    class Meta:
        model = Opportunity

    def prepare_page(self):
        self.change_page_filter("cluster", queryset=Cluster.objects.active())
        self.change_page_filter("topic", queryset=active_topics())
