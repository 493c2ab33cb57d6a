"""Open opportunities as suggestions for the cities that may apply (core.suggestions).

Opportunities name their topics as free tags; a tag answers a city's need when it names the
topic of the clusters' vocabulary, or its first words ("early warning" for "Early warning
systems"). Only published opportunities still open, and open to the city's region and country,
are suggested; matchmaking scores them ("eligible") and stores them like its own.
"""

from collections import defaultdict

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from clusters.models import Topic
from core.suggestions import (
    Candidate,
    CityNeeds,
    SuggestionSource,
    suggestion_source_register,
    suggestions_changed,
)

from .models import Opportunity


def tag_answers(tag: str, topic_name: str) -> bool:
    tag, name = " ".join(tag.lower().split()), " ".join(topic_name.lower().split())
    return bool(tag) and (tag == name or name.startswith(f"{tag} ") or tag.startswith(f"{name} "))


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
    tags = Opportunity.tags.through.objects.filter(
        content_type__app_label="opportunities",
        content_type__model="opportunity",
        object_id__in=list(opportunities),
    ).values_list("object_id", "tag__name")
    covered = defaultdict(set)
    for object_id, tag in tags:
        for topic_id, name in needs.need_topics.items():
            if tag_answers(tag, name):
                covered[object_id].add(topic_id)
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
        for opportunity in Opportunity.objects.published().open().filter(pk__in=list(ids))
    }


def _opportunity_changed(sender, instance, **kwargs):
    """Refresh the cities that need what the opportunity's tags name (once committed)."""
    names = [tag.name for tag in instance.tags.all()] if instance.pk else []
    topics = [
        topic.pk
        for topic in Topic.objects.only("pk", "name")
        if any(tag_answers(name, topic.name) for name in names)
    ]
    suggestions_changed(topic_ids=topics)


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
    post_delete.connect(
        _opportunity_changed, sender=Opportunity, dispatch_uid="opportunities:suggestions-gone"
    )
