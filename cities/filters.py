import django_filters
from django.db.models import F
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from clusters.filters import cluster_filter
from clusters.models import Cluster
from core.content_language import shown_text_order
from core.filters import (
    LinkedChoiceFilter,
    ListFilterSet,
    SlugOrNameField,
    SuggestionBox,
    slug_filter,
)

from .models import City, Region
from .selectors import named_in_any_language


def country_filter(*, help_text, field_name="country"):
    """Countries by ISO code; a list page offers only those that have a city (`prepare_page`)."""
    return django_filters.ChoiceFilter(
        label=_("Country"),
        field_name=field_name,
        choices=list(countries),
        distinct=True,
        empty_label=_("Any country"),
        help_text=help_text,
    )


def region_filter(*, field_name="region"):
    return django_filters.ChoiceFilter(
        label=_("Region"),
        field_name=field_name,
        choices=Region.choices,
        distinct=True,
        empty_label=_("Any region"),
        help_text="Region of the United Nations geoscheme, e.g. western-asia.",
    )


class CityField(SlugOrNameField):
    """A city named by its slug (links, the API) or by its name in any of the six languages.

    The list pages show a text box, not a select: a select of every city was 5,000 options,
    350 kB of every library and pilots page and a second of rendering at scale. The box suggests
    names as one types (`core.filters.SuggestionBox`, from `/cities/names/`); typed without
    it, a name that one city bears is enough.
    """

    widget = SuggestionBox(url=reverse_lazy("cities:names"), key="cities")
    unknown_message = _("No city is called %(name)s.")
    ambiguous_message = _("Several cities are called %(name)s: choose one from the suggestions.")

    def named(self, name):
        return named_in_any_language(name, lookup="iexact")


class TypedCityFilter(LinkedChoiceFilter):
    field_class = CityField


def city_filter(*, field_name, help_text, label=None):
    return slug_filter(
        label or _("City"),
        field_name=field_name,
        queryset=City.objects.order_by("name"),
        empty_label=None,  # a text box: nothing typed is "any city"
        help_text=f"{help_text} A name in any of the six languages that one city alone bears is "
        "taken too (any case); a value that is a slug is read as the slug.",
        filter_class=TypedCityFilter,
    )


def countries_with_cities():
    """Only countries that have a city: a 250-entry list of mostly empty results helps nobody."""
    codes = City.objects.order_by().values_list("country", flat=True).distinct()
    return sorted(((code, countries.name(code)) for code in codes), key=lambda choice: choice[1])


class CitySort(django_filters.ChoiceFilter):
    # By the name the page shows, in its language (a city not translated yet by its own name);
    # cities with no join date go last whichever way the list is sorted by date.
    def filter(self, qs, value):
        by_name = shown_text_order("name")
        orderings = {
            "name": (by_name, "pk"),
            "newest": (F("joined_on").desc(nulls_last=True), by_name, "pk"),
            "oldest": (F("joined_on").asc(nulls_last=True), by_name, "pk"),
        }
        return qs.order_by(*orderings.get(value or "name", orderings["name"]))


class CityFilter(ListFilterSet):
    """The cities page and `/api/v1/cities/`."""

    region = region_filter()
    country = country_filter(help_text="ISO 3166-1 alpha-2 code.")
    cluster = cluster_filter(
        field_name="cluster_memberships__cluster",
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

    def prepare_page(self):
        self.change_page_filter("country", choices=countries_with_cities())
        self.change_page_filter("cluster", queryset=Cluster.objects.active())
