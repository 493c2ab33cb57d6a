import re

from django.db.models import Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404

from cities.selectors import time_zones_of_cities_named
from core.filters import typed_text
from core.selectors import published_count_per_row
from core.time_zones import country_by_name, country_zones, zone_by_city, zone_of_offset
from notifications.models import Subscription

from .models import Organization, RoleRequest, RoleRequestStatus

DETAIL_LIST_SIZE = 10
NAME_SUGGESTIONS = 10


def time_zones_named(*, text: str) -> list[str]:
    """The time zones `text` may mean, as a person types where they are: one, or several when
    it names a country that has several (they pick one), or none.

    In this order: a fixed offset ("UTC+3"); a member city of the portal ("Tripoli" is Tripoli
    in Lebanon, so Beirut's time, not Libya's); the city that names a zone in any of the six
    languages ("Beyrouth"), or the zone's name as the site writes it; a country ("Inde",
    "الهند"). "Tripoli, Libya" is read as a place within that country.
    """
    if zone := zone_of_offset(text):
        return [zone]
    place, _comma, country_name = _PLACE_AND_COUNTRY.fullmatch(text.strip()).groups("")
    if country_name and (country := country_by_name(country_name)):
        in_country = country_zones(country)
        return [zone for zone in _zones_of_place(place) if zone in in_country] or in_country
    return _zones_of_place(text)


# "Tripoli, Libya", "طرابلس، ليبيا": a place, then its country after the last comma (also the
# Arabic comma U+060C and the full-width one U+FF0C).
_PLACE_AND_COUNTRY = re.compile(r"(.*?)(?:\s*([,\u060c\uff0c])\s*([^,\u060c\uff0c]+))?")


def _zones_of_place(text: str) -> list[str]:
    if zones := time_zones_of_cities_named(name=text):
        return zones
    if zone := zone_by_city(text):
        return [zone]
    if country := country_by_name(text):
        return country_zones(country)
    return []


def partner_list():
    """Organizations with how many published pilots and events they take part in."""
    return Organization.objects.annotate(
        project_count=published_count_per_row(Organization, "project_links__project"),
        event_count=published_count_per_row(Organization, "event_links__event"),
    ).order_by("name")


def organization_name_suggestions(*, typed: str) -> list[dict]:
    """Up to NAME_SUGGESTIONS organizations whose name or acronym contains `typed`, for the
    partner box of the pilots page's filters: each with its slug, what lists show of it (the
    acronym, else the name) and a label with both, so the browser offers it whichever was typed.
    """
    typed = typed_text(typed)
    if not typed:
        return []
    rows = (
        Organization.objects.filter(Q(name__icontains=typed) | Q(acronym__icontains=typed))
        .order_by(Lower("name"), "pk")
        .only("slug", "name", "acronym")[:NAME_SUGGESTIONS]
    )
    return [{"slug": row.slug, "name": str(row), "label": row.display_name} for row in rows]


def organization_list_for_api():
    """Every organization: partners and UN entities alike, with nothing to count."""
    return Organization.objects.all()


def role_requests_for_review(*, status: str = "", role: str = "", query: str = ""):
    """Role requests for the review page, oldest pending first so nobody waits longest."""
    requests = RoleRequest.objects.select_related("user", "city", "organization", "reviewed_by")
    if status:
        requests = requests.filter(status=status)
    if role:
        requests = requests.filter(role=role)
    if query:
        requests = requests.filter(Q(user__email__icontains=query) | Q(user__name__icontains=query))
    return requests.order_by("created_at", "id")


def role_request_get_pending(*, pk: int) -> RoleRequest:
    return get_object_or_404(
        RoleRequest.objects.select_related("user", "city", "organization"),
        pk=pk,
        status=RoleRequestStatus.PENDING,
    )


def role_requests_of_user(*, user):
    return RoleRequest.objects.filter(user=user).select_related("city", "organization")


def followed_by_user(*, user):
    """What the person follows, with the target loaded so the profile lists it in one query."""
    return (
        Subscription.objects.filter(user=user)
        .select_related("cluster", "city", "project")
        .order_by("-created_at")
    )
