"""The built-in suggestion sources: peer cities, pilots, events and organizations.

Each source turns a city's needs (core.suggestions.CityNeeds) into candidates in a fixed number of
queries, driven by the needed topics (indexed), and leaves out what the city already does: a
partner city or organization for the topics their shared pilots already cover, the pilots it is
in, the events its officials registered for.
"""

import datetime as dt
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, OrganizationOffer
from cities.models import City, CityOffer, TaggedHazard
from cities.selectors import city_name_columns
from clusters.models import ClusterMembership
from core.selectors import among
from core.suggestions import (
    Candidate,
    CityNeeds,
    SuggestionSource,
    suggestion_source_register,
)
from events.models import Event
from projects.models import CollaborationKind, Project, ProjectKind, ProjectPhase

from .scoring import SOON_DAYS


def _grouped(rows) -> dict:
    grouped = defaultdict(set)
    for key, value in rows:
        grouped[key].add(value)
    return grouped


# --- Peer cities --------------------------------------------------------------------------------


def city_candidates(needs: CityNeeds) -> list[Candidate]:
    offers = (
        CityOffer.objects.filter(topic__in=list(needs.need_topics))
        .exclude(city=needs.city_id)
        .values_list("city_id", "topic_id", "city__name", "city__region")
    )
    topics, names, regions = defaultdict(set), {}, {}
    for city_id, topic_id, name, region in offers:
        if topic_id in needs.already_together(needs.partner_cities, city_id):
            continue
        topics[city_id].add(topic_id)
        names[city_id], regions[city_id] = name, region
    if not topics:
        return []
    ids = list(topics)
    hazards = _grouped(
        (object_id, name.lower())
        for object_id, name in TaggedHazard.objects.filter(content_object_id__in=ids).values_list(
            "content_object_id", "tag__name"
        )
    )
    # No ordering: the model's (by cluster and city name) would join both tables and sort
    # hundreds of rows per city, a second per city at 5,000 cities.
    clusters = _grouped(
        ClusterMembership.objects.filter(city__in=ids, cluster__in=list(needs.cluster_names))
        .order_by()
        .values_list("city_id", "cluster_id")
    )
    return [
        Candidate(
            target_id=city_id,
            verb="offers",
            name=names[city_id],
            topic_ids=frozenset(topics[city_id]),
            hazards=frozenset(hazards.get(city_id, set()) & needs.hazards),
            cluster_ids=frozenset(clusters.get(city_id, set())),
            same_region=regions[city_id] == needs.region,
        )
        for city_id in ids
    ]


# A suggestion shows its object's title or name (in the reader's language, else a fallback) and
# links to its page and the collaboration form, which take its slug: the objects load those
# fields alone, not every language's long texts (SUGGESTED_FIELDS), and unsorted: they are
# looked up by id.
SUGGESTED_FIELDS = ("original_language", "slug")


def city_objects(ids) -> dict:
    cities = City.objects.filter(among(ids)).only(*city_name_columns()).order_by()
    return {city.pk: city for city in cities}


def city_propose(city) -> dict:
    return {"city": city.slug, "kind": CollaborationKind.PEER_EXCHANGE}


# --- Pilots -------------------------------------------------------------------------------------


def _public_pilots():
    return Project.objects.published().filter(kind=ProjectKind.PILOT, phase=ProjectPhase.ACTIVE)


def pilot_candidates(needs: CityNeeds) -> list[Candidate]:
    links = (
        Project.topics.through.objects.filter(
            topic_id__in=list(needs.need_topics),
            project__in=_public_pilots().exclude(pk__in=list(needs.project_ids)),
        )
        .values_list("project_id", "topic_id")
        .order_by()
    )
    topics = _grouped(links)
    if not topics:
        return []
    pilots = {pilot.pk: pilot.title for pilot in Project.objects.filter(pk__in=list(topics))}
    clusters = _grouped(
        Project.clusters.through.objects.filter(
            project_id__in=list(topics), cluster_id__in=list(needs.cluster_names)
        ).values_list("project_id", "cluster_id")
    )
    return [
        Candidate(
            target_id=pk,
            verb="works_on",
            name=pilots[pk],
            topic_ids=frozenset(topics[pk]),
            cluster_ids=frozenset(clusters.get(pk, set())),
            signals={"active": 1},
            extra_reasons=[{"code": "active"}],
        )
        for pk in topics
        if pk in pilots
    ]


def pilot_objects(ids) -> dict:
    pilots = Project.objects.published().filter(among(ids)).only(*SUGGESTED_FIELDS, "title")
    pilots = pilots.order_by()
    return {pilot.pk: pilot for pilot in pilots}


def pilot_propose(pilot) -> dict:
    return {"project": pilot.slug, "kind": CollaborationKind.JOIN_PILOT}


# --- Events -------------------------------------------------------------------------------------


def event_candidates(needs: CityNeeds) -> list[Candidate]:
    upcoming = Event.objects.published().filter(starts_at__gt=needs.now)
    links = (
        Event.topics.through.objects.filter(
            topic_id__in=list(needs.need_topics),
            event__in=upcoming.exclude(pk__in=list(needs.registered_event_ids)),
        )
        .values_list("event_id", "topic_id")
        .order_by()
    )
    topics = _grouped(links)
    if not topics:
        return []
    events = {
        event.pk: event
        for event in Event.objects.filter(pk__in=list(topics)).only("title", "starts_at")
    }
    clusters = _grouped(
        Event.clusters.through.objects.filter(
            event_id__in=list(topics), cluster_id__in=list(needs.cluster_names)
        ).values_list("event_id", "cluster_id")
    )
    soon = needs.now + dt.timedelta(days=SOON_DAYS)
    return [
        Candidate(
            target_id=pk,
            verb="teaches",
            name=events[pk].title,
            topic_ids=frozenset(topics[pk]),
            cluster_ids=frozenset(clusters.get(pk, set())),
            signals={"soon": int(events[pk].starts_at <= soon)},
            extra_reasons=[{"code": "starts", "date": events[pk].starts_at.date().isoformat()}],
        )
        for pk in topics
        if pk in events
    ]


def event_objects(ids) -> dict:
    events = Event.objects.published().filter(among(ids)).only(*SUGGESTED_FIELDS, "title")
    events = events.order_by()
    return {event.pk: event for event in events}


# --- Organizations ------------------------------------------------------------------------------


def organization_candidates(needs: CityNeeds) -> list[Candidate]:
    offers = OrganizationOffer.objects.filter(topic__in=list(needs.need_topics)).values_list(
        "organization_id", "topic_id", "organization__acronym", "organization__name"
    )
    topics, names = defaultdict(set), {}
    for organization_id, topic_id, acronym, name in offers:
        if topic_id in needs.already_together(needs.partner_organizations, organization_id):
            continue
        topics[organization_id].add(topic_id)
        names[organization_id] = acronym or name
    return [
        Candidate(target_id=pk, verb="offers_expertise", name=names[pk], topic_ids=frozenset(ids))
        for pk, ids in topics.items()
    ]


def organization_url(organization) -> str:
    return reverse("partners:detail", kwargs={"slug": organization.slug})


def organization_objects(ids) -> dict:
    organizations = (
        Organization.objects.filter(among(ids))
        .only(*SUGGESTED_FIELDS, "name", "acronym")
        .order_by()
    )
    return {organization.pk: organization for organization in organizations}


# The SuggestionSource fields of each kind, in the order its suggestions sort among equal scores:
# kind, heading, candidates, public objects, then (where the kind has them) propose and url.
BUILTIN_SOURCES = (
    ("city", _("Peer cities"), city_candidates, city_objects, city_propose),
    ("pilot", _("Pilots"), pilot_candidates, pilot_objects, pilot_propose),
    ("event", _("Trainings and events"), event_candidates, event_objects),
    (
        "organization",
        _("Organizations"),
        organization_candidates,
        organization_objects,
        None,
        organization_url,
    ),
)


def register_builtin_sources() -> None:
    # Ordered 10, 20, 30...: another app's source can sort between two (opportunities: 25).
    for number, fields in enumerate(BUILTIN_SOURCES, start=1):
        suggestion_source_register(SuggestionSource(*fields, order=10 * number))
