import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clusters.models import Cluster
from core.filters import ListFilterSet

from .models import City, Region


class CitySort(django_filters.ChoiceFilter):
    # Cities with no join date go last whichever way the list is sorted by date.
    ORDERINGS = {
        "name": (F("name").asc(), "pk"),
        "newest": (F("joined_on").desc(nulls_last=True), "name"),
        "oldest": (F("joined_on").asc(nulls_last=True), "name"),
    }

    def filter(self, qs, value):
        return qs.order_by(*self.ORDERINGS.get(value or "name", self.ORDERINGS["name"]))


class CityFilter(ListFilterSet):
    """The cities page and `/api/v1/cities/`."""

    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, empty_label=_("Any region")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=list(countries),
        empty_label=_("Any country"),
        help_text="ISO 3166-1 alpha-2 code.",
    )
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="cluster_memberships__cluster",
        to_field_name="slug",
        queryset=Cluster.objects.all(),
        distinct=True,
        empty_label=_("Any cluster"),
        help_text="Only member cities of this cluster (slug).",
    )
    hazard = django_filters.CharFilter(
        label=_("Hazard"),
        field_name="hazards__slug",
        distinct=True,
        help_text="Hazard tag slug, e.g. flood.",
    )
    sort = CitySort(
        label=_("Sort by"),
        choices=[
            ("name", _("Name")),
            ("newest", _("Joined most recently")),
            ("oldest", _("Joined longest ago")),
        ],
        empty_label=None,
        help_text="name (the default), newest or oldest join date first; undated cities last. "
        "`ordering`, when given, takes precedence.",
    )

    page_fields = ("region", "country", "cluster", "sort")

    class Meta:
        model = City
        fields = ["region", "country", "cluster", "hazard", "sort"]

    def prepare_page(self):
        # Only countries that have a city: a 250-entry list of mostly empty results helps nobody.
        codes = City.objects.order_by().values_list("country", flat=True).distinct()
        self.change_page_filter(
            "country",
            choices=sorted(
                ((code, countries.name(code)) for code in codes), key=lambda choice: choice[1]
            ),
        )
        self.change_page_filter("cluster", queryset=Cluster.objects.active())
