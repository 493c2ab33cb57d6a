"""Writes behind the events API; registrations go through events.services like the pages do."""

from django.db import transaction

from core.api import save_validated

from .models import Event, EventCoHost, TrainingSeries

_EVENT_RELATIONS = ("clusters", "projects")
_SERIES_RELATIONS = ("clusters", "organizers")


def _split(data: dict, relation_names):
    fields = {k: v for k, v in data.items() if k not in (*relation_names, "cohost_links")}
    relations = {k: v for k, v in data.items() if k in relation_names}
    return fields, relations


def _replace_cohosts(event: Event, cohost_links) -> None:
    if cohost_links is None:
        return
    event.cohost_links.all().delete()
    EventCoHost.objects.bulk_create(
        EventCoHost(event=event, organization=link["organization"], role=link["role"])
        for link in cohost_links
    )


@transaction.atomic
def event_create(**data) -> Event:
    fields, relations = _split(data, _EVENT_RELATIONS)
    event = save_validated(Event(), fields=fields, many_to_many=relations)
    _replace_cohosts(event, data.get("cohost_links") or [])
    return event


@transaction.atomic
def event_update(*, event: Event, **data) -> Event:
    """Change an event; co-hosts, when given, replace the old list whole."""
    fields, relations = _split(data, _EVENT_RELATIONS)
    save_validated(event, fields=fields, many_to_many=relations)
    _replace_cohosts(event, data.get("cohost_links"))
    return event


@transaction.atomic
def training_series_create(**data) -> TrainingSeries:
    fields, relations = _split(data, _SERIES_RELATIONS)
    return save_validated(TrainingSeries(), fields=fields, many_to_many=relations)


@transaction.atomic
def training_series_update(*, series: TrainingSeries, **data) -> TrainingSeries:
    fields, relations = _split(data, _SERIES_RELATIONS)
    return save_validated(series, fields=fields, many_to_many=relations)
