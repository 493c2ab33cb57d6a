"""Writes behind the editorial pages for events and training series."""

from django.db import transaction

import notifications.services
from core.publication import publication_publish, publication_unpublish

from .models import Event, TrainingSeries


def _announce(obj) -> None:
    notifications.services.notify_content_published(obj=obj)


@transaction.atomic
def event_save(*, form, formsets, actor) -> Event:
    event = form.save()
    for formset in formsets:
        formset.instance = event
        formset.save()
    return event


def event_publish(*, obj: Event, actor) -> Event:
    return publication_publish(obj=obj, actor=actor, on_first_publication=_announce)


def event_unpublish(*, obj: Event, actor) -> Event:
    return publication_unpublish(obj=obj, actor=actor)


@transaction.atomic
def series_save(*, form, actor) -> TrainingSeries:
    return form.save()


def series_publish(*, obj: TrainingSeries, actor) -> TrainingSeries:
    # Followers hear of each session as it is published, not of the series.
    return publication_publish(obj=obj, actor=actor)


def series_unpublish(*, obj: TrainingSeries, actor) -> TrainingSeries:
    return publication_unpublish(obj=obj, actor=actor)
