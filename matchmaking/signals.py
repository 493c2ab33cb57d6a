"""What changes a city's suggestions, and which cities it concerns.

The apps below matchmaking do not know it exists; it listens to their models' saves instead
(Django's signals are their registry) and queues one refresh per transaction
(services.matches_refresh_enqueue):

- a city's needs: that city;
- a city's or an organization's offers: the cities that need the topic;
- a pilot, its topics, cities or partners: the cities that need its topics, and its cities;
- an event or its topics: the cities that need its topics;
- a registration: the registrant's city;
- a topic renamed: the cities that need it.

Hazards, cluster memberships and dates moving on are left to the nightly refresh.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from accounts.models import OrganizationOffer, User
from cities.models import CityNeed, CityOffer
from clusters.models import Topic
from events.models import Event, Registration
from projects.models import Project, ProjectCity, ProjectPartner

from .services import matches_refresh_enqueue


def _need_changed(sender, instance, **kwargs):
    matches_refresh_enqueue(city_ids={instance.city_id})


def _offer_changed(sender, instance, **kwargs):
    matches_refresh_enqueue(topic_ids={instance.topic_id})


def _topic_changed(sender, instance, **kwargs):
    matches_refresh_enqueue(topic_ids={instance.pk})


def _project_concerns(project_id):
    topics = Project.topics.through.objects.filter(project_id=project_id).values_list(
        "topic_id", flat=True
    )
    cities = ProjectCity.objects.filter(project_id=project_id).values_list("city_id", flat=True)
    return set(cities), set(topics)


def _project_changed(sender, instance, **kwargs):
    cities, topics = _project_concerns(instance.pk)
    matches_refresh_enqueue(city_ids=cities, topic_ids=topics)


def _project_row_changed(sender, instance, **kwargs):
    cities, topics = _project_concerns(instance.project_id)
    matches_refresh_enqueue(
        city_ids=cities | {getattr(instance, "city_id", None)}, topic_ids=topics
    )


def _project_topics_changed(sender, instance, action, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"} or not isinstance(instance, Project):
        return
    cities, topics = _project_concerns(instance.pk)
    matches_refresh_enqueue(city_ids=cities, topic_ids=topics | set(pk_set or ()))


def _event_changed(sender, instance, **kwargs):
    topics = Event.topics.through.objects.filter(event_id=instance.pk).values_list(
        "topic_id", flat=True
    )
    matches_refresh_enqueue(topic_ids=set(topics))


def _event_topics_changed(sender, instance, action, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "pre_clear"} or not isinstance(instance, Event):
        return
    topics = set(
        Event.topics.through.objects.filter(event_id=instance.pk).values_list("topic_id", flat=True)
    )
    matches_refresh_enqueue(topic_ids=topics | set(pk_set or ()))


def _registration_changed(sender, instance, **kwargs):
    city_id = User.objects.filter(pk=instance.user_id).values_list("city_id", flat=True)
    matches_refresh_enqueue(city_ids=set(city_id))


RECEIVERS = [
    (CityNeed, _need_changed),
    (CityOffer, _offer_changed),
    (OrganizationOffer, _offer_changed),
    (Topic, _topic_changed),
    (Project, _project_changed),
    (ProjectCity, _project_row_changed),
    (ProjectPartner, _project_row_changed),
    (Event, _event_changed),
    (Registration, _registration_changed),
]


def connect() -> None:
    for model, receiver in RECEIVERS:
        uid = f"matchmaking:{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}:delete")
    m2m_changed.connect(
        _project_topics_changed,
        sender=Project.topics.through,
        dispatch_uid="matchmaking:project-topics",
    )
    m2m_changed.connect(
        _event_topics_changed, sender=Event.topics.through, dispatch_uid="matchmaking:event-topics"
    )
