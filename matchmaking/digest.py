"""The "New matches for your city" section of the digests (notifications.registry).

A city official's digest lists the suggestions made for their city since their previous digest;
suggestions keep the date they were first made (CityMatch.first_seen_at), so a nightly refresh
that finds the same ones again tells nobody twice.
"""

from collections import defaultdict

from django.utils import translation

from accounts.models import User
from core.roles import CITY_OFFICIAL
from notifications.content import ContentItem
from notifications.emails import recipient_language

from .models import CityMatch
from .selectors import suggestions_from_rows


def new_matches_for_readers(*, users, since, until) -> dict[int, list[ContentItem]]:
    """{user id: [ContentItem]} of the new suggestions for the cities these users are officials
    of; a fixed number of queries per batch (officials, rows, one per kind and language)."""
    by_pk = {user.pk: user for user in users}
    officials = User.objects.filter(
        pk__in=list(by_pk), groups__name=CITY_OFFICIAL, city__isnull=False
    ).values_list("pk", "city_id")
    readers_of_city = defaultdict(list)
    for user_id, city_id in officials:
        readers_of_city[city_id].append(by_pk[user_id])
    if not readers_of_city:
        return {}
    rows = list(
        CityMatch.objects.filter(
            city__in=list(readers_of_city), first_seen_at__gte=since, first_seen_at__lte=until
        )
        .select_related("city", "topic")
        .order_by("city", "-score", "kind", "target_id")
    )
    if not rows:
        return {}
    languages = defaultdict(set)
    for city_id, readers in readers_of_city.items():
        for reader in readers:
            languages[recipient_language(reader)].add(city_id)
    found = defaultdict(list)
    for language, city_ids in languages.items():
        with translation.override(language):
            suggestions = suggestions_from_rows([row for row in rows if row.city_id in city_ids])
            for suggestion in suggestions:
                item = ContentItem(
                    key=f"match:{suggestion.match.pk}",
                    verb="new_match",
                    section="matches",
                    title=f"{suggestion.title} · {suggestion.kind_label}",
                    summary="",
                    path=suggestion.url,
                    published_at=suggestion.first_seen_at,
                    city_ids=frozenset({suggestion.match.city_id}),
                    note=suggestion.reasons,
                )
                for reader in readers_of_city[suggestion.match.city_id]:
                    if recipient_language(reader) == language:
                        found[reader.pk].append(item)
    return dict(found)
