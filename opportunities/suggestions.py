"""Open opportunities as suggestions for the cities that may apply (core.suggestions).

An opportunity's topics are the clusters' vocabulary, so it answers a city's need when it names
the very topic the city needs (by id, as pilots and events do). Only published opportunities
still open, and open to the city's region and country, are suggested; matchmaking scores them
("eligible") and stores them like its own.
"""

from collections import defaultdict

from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.utils.translation import gettext_lazy as _

from core.selectors import among
from core.suggestions import (
    Candidate,
    CityNeeds,
    SuggestionSource,
    suggestion_source_register,
    suggestions_changed,
)

from .models import Opportunity


def _open_to(needs: CityNeeds):
    return Opportunity.objects.published().open(now=needs.now).for_region(needs.region)


def opportunity_candidates(needs: CityNeeds) -> list[Candidate]:
    opportunities = {
        opportunity.pk: opportunity
        for opportunity in _open_to(needs).only("pk", "title", "deadline", "eligible_countries")
        if not opportunity.eligible_countries
        or needs.country in {str(country) for country in opportunity.eligible_countries}
    }
    if not opportunities:
        return []
    links = (
        Opportunity.topics.through.objects.filter(
            opportunity_id__in=list(opportunities), topic_id__in=list(needs.need_topics)
        )
        .values_list("opportunity_id", "topic_id")
        .order_by()
    )
    covered = defaultdict(set)
    for opportunity_id, topic_id in links:
        covered[opportunity_id].add(topic_id)
    return [
        Candidate(
            target_id=pk,
            verb="open_to",
            name=opportunities[pk].title,
            topic_ids=frozenset(topic_ids),
            signals={"eligible": 1},
            extra_reasons=[
                {"code": "deadline", "date": opportunities[pk].deadline.date().isoformat()}
            ],
        )
        for pk, topic_ids in covered.items()
    ]


def opportunity_objects(ids) -> dict:
    return {
        opportunity.pk: opportunity
        # What a suggestion shows: its title and the page its slug names.
        for opportunity in Opportunity.objects.published()
        .open()
        .filter(among(ids))
        .only("slug", "title")
        .order_by()
    }


def _opportunity_changed(sender, instance, **kwargs):
    """Refresh the cities that need the opportunity's topics (once committed)."""
    topics = list(instance.topics.values_list("pk", flat=True)) if instance.pk else []
    suggestions_changed(topic_ids=topics)


def _opportunity_topics_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """Topics added or removed: the cities that need them, before and after, are refreshed."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:  # a topic's opportunities changed: the topic itself
        suggestions_changed(topic_ids=[instance.pk])
    elif action == "pre_clear":
        suggestions_changed(topic_ids=list(instance.topics.values_list("pk", flat=True)))
    else:
        suggestions_changed(topic_ids=list(pk_set or ()))


def register() -> None:
    suggestion_source_register(
        SuggestionSource(
            kind="opportunity",
            label=_("Fellowships and opportunities"),
            candidates=opportunity_candidates,
            public_objects=opportunity_objects,
            order=25,
        )
    )
    post_save.connect(
        _opportunity_changed, sender=Opportunity, dispatch_uid="opportunities:suggestions"
    )
    pre_delete.connect(
        _opportunity_changed, sender=Opportunity, dispatch_uid="opportunities:suggestions-gone"
    )
    m2m_changed.connect(
        _opportunity_topics_changed,
        sender=Opportunity.topics.through,
        dispatch_uid="opportunities:suggestions-topics",
    )
