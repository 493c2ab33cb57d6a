from django.db.models import F, Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from clusters.models import Cluster, ClusterMembership
from core.content_language import (
    active_language,
    column,
    columns_in_every_language,
    language_codes,
    shown_text_order,
    text_and_language,
)
from core.filters import typed_text
from core.selectors import published_count_per_row
from core.time_zones import zone_nearest
from core.visibility import public

from .hazards import hazard_label
from .models import City, TaggedHazard

# What a list shows of a city it names (its linked name, the country beside it): lists of other
# things read these alone, not each city's whole row with its texts in every language.
CITY_NAME_FIELDS = ("original_language", "slug", "name", "country")


def city_name_columns(*, path: str = "") -> list[str]:
    """CITY_NAME_FIELDS for `.only()` on a queryset that reaches the city through `path`
    ("city__"), with the name's column in every language its fallback reads."""
    return columns_in_every_language(City, CITY_NAME_FIELDS, path=path)


def _active_memberships():
    return (
        ClusterMembership.objects.filter(cluster__in=public(Cluster))
        .select_related("cluster")
        .order_by("cluster__order", "cluster__name")
    )


def cities_facing(hazards: list[str]) -> Q:
    """The cities that face one of these hazards (`cities.hazards` names), as a condition."""
    named = Q()
    for name in hazards:
        named |= Q(tag__name__iexact=name)
    return Q(pk__in=TaggedHazard.objects.filter(named).values("content_object_id"))


def city_hazard_labels(*, city: City) -> list[str]:
    """The hazards the city faces, as labels in the active language, in their alphabetical order.
    Read as names alone: prefetching the tags (`prefetch_related("hazards")`) built a manager and
    a filtered queryset for one city's few tags, a millisecond of the city page's miss."""
    names = TaggedHazard.objects.filter(content_object=city).values_list("tag__name", flat=True)
    return sorted((hazard_label(name) for name in names), key=str.casefold)


def city_list():
    """Cities with their clusters (`listed_memberships`) and the number of published projects
    they take part in."""
    # Counted for each city listed, once the page's rows are sorted and cut: 57 -> 2 ms at scale.
    return (
        City.objects.annotate(project_count=published_count_per_row(City, "project_links__project"))
        # A list per city (`listed_memberships`): no filtered queryset built per city to hold it.
        .prefetch_related(
            Prefetch(
                "cluster_memberships",
                queryset=_active_memberships(),
                to_attr="listed_memberships",
            )
        )
        # By the name the page shows (as the list's sort filter does).
        .order_by(shown_text_order("name"), "pk")
    )


def city_list_for_api(*, user):
    """Every city with its clusters and its hazards, as the API shows them.

    An inactive cluster is named to UN staff only (core.visibility).
    """
    return City.objects.prefetch_related(
        Prefetch(
            "cluster_memberships",
            queryset=ClusterMembership.objects.filter(cluster__in=public(Cluster, viewer=user))
            .select_related("cluster")
            .order_by("cluster__order", "cluster__name"),
        ),
        "hazards",
    ).order_by("name", "pk")


NAME_SUGGESTIONS = 10


def named_in_any_language(name: str, *, lookup: str) -> Q:
    """Cities whose name in one of the six languages matches `name` by `lookup` (iexact...)."""
    matching = Q()
    for language in language_codes():
        matching |= Q(**{f"{column('name', language)}__{lookup}": name})
    return matching


def city_name_suggestions(*, typed: str) -> list[dict]:
    """Up to NAME_SUGGESTIONS cities whose name in any language contains `typed`, for the
    list pages' city box: each with its slug and its name in the reader's language (the
    original where it has none) and its country."""
    typed = typed_text(typed)
    if not typed:
        return []
    # In the order of the names shown: the reader's language's, else the original.
    shown_name = Coalesce(F(column("name", active_language())), F("name"))
    rows = City.objects.filter(named_in_any_language(typed, lookup="icontains")).order_by(
        shown_name, "pk"
    )[:NAME_SUGGESTIONS]
    return [_suggestion(city, typed) for city in rows]


def _suggestion(city: City, typed: str) -> dict:
    name = text_and_language(city, "name")[0]
    # What the suggestion shows: "Tripoli, Lebanon", "طرابلس، لبنان".
    label = _("%(city)s, %(country)s") % {"city": name, "country": city.country.name}
    # A browser offers only the suggestions whose text contains what was typed: a name typed in
    # another language ("深圳" on the English page) leads the label ("深圳 — Shenzhen, China").
    wanted = typed.casefold()
    if wanted not in label.casefold():
        written = (getattr(city, column("name", language)) or "" for language in language_codes())
        typed_name = next((name for name in written if wanted in name.casefold()), "")
        if typed_name:
            label = f"{typed_name} — {label}"
    return {"slug": city.slug, "name": name, "country": str(city.country.name), "label": label}


def time_zones_of_cities_named(*, name: str) -> list[str]:
    """The time zones of the portal's cities named `name` in any language ("Tripoli",
    "طرابلس"), each its country's zone nearest to it; usually one, several when cities in
    different zones share the name. A member city's official types the city they work in, which
    may not be the city a zone is named after (Tripoli in Lebanon keeps Beirut's time)."""
    name = name.strip()
    if not name:
        return []
    cities = City.objects.filter(named_in_any_language(name, lookup="iexact")).only(
        "country", "latitude", "longitude"
    )
    zones = {
        zone_nearest(city.country.code, float(city.latitude), float(city.longitude))
        for city in cities
    }
    return sorted(zone for zone in zones if zone)
