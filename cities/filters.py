import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clusters.models import Cluster

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


class CityFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=[])
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"),
        field_name="cluster_memberships__cluster",
        to_field_name="slug",
        queryset=Cluster.objects.active(),
        distinct=True,
    )
    sort = CitySort(
        label=_("Sort by"),
        choices=[
            ("name", _("Name")),
            ("newest", _("Joined most recently")),
            ("oldest", _("Joined longest ago")),
        ],
        empty_label=None,
    )

    class Meta:
        model = City
        fields = ["region", "country", "cluster"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only countries that have a city: a 250-entry list of mostly empty results helps nobody.
        codes = City.objects.order_by().values_list("country", flat=True).distinct()
        self.filters["country"].extra["choices"] = sorted(
            ((code, countries.name(code)) for code in codes), key=lambda choice: choice[1]
        )
